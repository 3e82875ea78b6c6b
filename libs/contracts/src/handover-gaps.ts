import { HandoverCount } from './payloads/common';

export interface FormationGap {
  formationId: string;
  expected: number;
  received: number;
  missing: number;
  /** False when the counts agree but the ids do not (or screening holds cases registration never counted). */
  digestMatches: boolean;
}

export interface HandoverGaps {
  expected: number;
  received: number;
  missing: number;
  /** Only the formations that differ. */
  byFormation: FormationGap[];
}

/**
 * Compares what the closing stage handed on with what the receiving stage holds. Without
 * per-formation counts (an event written before they existed) only the total is compared.
 */
export function handoverGaps(submitted: number, expected: HandoverCount[] | null, held: HandoverCount[]): HandoverGaps {
  const received = held.reduce((sum, h) => sum + h.count, 0);
  if (!expected) {
    return { expected: submitted, received, missing: Math.max(0, submitted - received), byFormation: [] };
  }
  const heldBy = new Map(held.map((h) => [h.formationId, h]));
  const gaps: FormationGap[] = [];
  for (const e of expected) {
    const h = heldBy.get(e.formationId);
    heldBy.delete(e.formationId);
    const got = h?.count ?? 0;
    const digestMatches = (h?.digest ?? '0'.repeat(16)) === e.digest;
    if (got !== e.count || !digestMatches)
      gaps.push({ formationId: e.formationId, expected: e.count, received: got, missing: Math.max(0, e.count - got), digestMatches });
  }
  for (const h of heldBy.values()) gaps.push({ formationId: h.formationId, expected: 0, received: h.count, missing: 0, digestMatches: false });
  return { expected: submitted, received, missing: gaps.reduce((sum, g) => sum + g.missing, 0), byFormation: gaps };
}
