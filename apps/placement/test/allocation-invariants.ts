import { OptimalisasiScope, RankedEntry, scopeKey, SeatFormation } from '../src/allocation/allocate';

export type Period = { formations: SeatFormation[]; ranked: RankedEntry[]; scope: OptimalisasiScope; declined: Set<string> };

/** The invariants of issue 7 over the seats as they stand (taken + new), with `excluded` out of the race. */
export function checkInvariants(p: Period, standing: { applicationId: string; seatFormationId: string }[], excluded: ReadonlySet<string>) {
  const placedIds = standing.map((s) => s.applicationId);
  expect(new Set(placedIds).size).toBe(placedIds.length); // no one placed twice
  for (const id of placedIds) expect(excluded.has(id)).toBe(false);
  const count = (fid: string) => standing.filter((s) => s.seatFormationId === fid).length;
  for (const form of p.formations) expect(count(form.formationId)).toBeLessThanOrEqual(form.quota); // no quota exceeded
  const placed = new Set(placedIds);
  const unplaced = p.ranked.filter((r) => !placed.has(r.applicationId) && !excluded.has(r.applicationId));
  const key = (fid: string) => scopeKey(p.formations.find((x) => x.formationId === fid) as SeatFormation, p.scope);
  for (const form of p.formations) {
    if (count(form.formationId) < form.quota) {
      // no seat empty while an eligible unplaced candidate remains in its scope (its own formation included)
      expect(unplaced.filter((u) => u.formationId === form.formationId || key(u.formationId) === key(form.formationId))).toEqual([]);
    }
  }
  for (const r of p.ranked.filter((x) => placed.has(x.applicationId))) {
    // nobody placed while someone ranked above them in their own formation is unplaced
    expect(unplaced.filter((u) => u.formationId === r.formationId && u.rank < r.rank)).toEqual([]);
  }
}
