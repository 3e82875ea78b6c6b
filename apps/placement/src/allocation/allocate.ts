/**
 * Allocation (domain.md stage 6): the top `quota` of each formation, then optimalisasi: seats still
 * empty are offered to the best unplaced candidates of the formations in scope. Pure and
 * deterministic: the same inputs always give the same placements, whatever their input order.
 */

export type OptimalisasiScope = 'POSITION_AND_EDUCATION' | 'POSITION' | 'NONE';
export type PlacementKind = 'REGULAR' | 'OPTIMALISASI' | 'OVERRIDE' | 'REPLACEMENT';

export interface SeatFormation {
  formationId: string;
  code: string;
  position: string;
  educationLevels: readonly string[];
  quota: number;
}

/** An eligible, ranked candidate of a formation. */
export interface RankedEntry {
  applicationId: string;
  formationId: string;
  rank: number;
  finalScore: number;
}

/** A seat already taken (a confirmed placement, an override) that allocation must leave alone. */
export interface TakenSeat {
  applicationId: string;
  seatFormationId: string;
}

export interface Allocation {
  applicationId: string;
  /** The formation whose seat this is. */
  seatFormationId: string;
  /** The formation the candidate was ranked in (differs from the seat under optimalisasi). */
  sourceFormationId: string;
  kind: PlacementKind;
  rank: number;
  finalScore: number;
  why: string;
}

export interface AllocationRequest {
  formations: readonly SeatFormation[];
  ranked: readonly RankedEntry[];
  scope: OptimalisasiScope;
  /** Seats already taken; their candidates are not placed again. */
  taken?: readonly TakenSeat[];
  /** Candidates who must not be placed (they declined). */
  excluded?: ReadonlySet<string>;
  /** 'REPLACEMENT' when filling seats freed by a decline: every new placement is of that kind. */
  mode?: 'PROPOSAL' | 'REPLACEMENT';
}

/** Formations share optimalisasi candidates when their keys are equal; NONE gives every formation its own key. */
export function scopeKey(f: SeatFormation, scope: OptimalisasiScope): string {
  switch (scope) {
    case 'POSITION_AND_EDUCATION':
      return `${f.position}\u0000${[...f.educationLevels].sort().join(',')}`;
    case 'POSITION':
      return f.position;
    default:
      return `\u0001${f.formationId}`;
  }
}

const byId = (a: { formationId: string }, b: { formationId: string }) => (a.formationId < b.formationId ? -1 : a.formationId > b.formationId ? 1 : 0);

/**
 * Across donor formations, candidates are offered seats by final score (higher first), then by their
 * rank in their own formation (so a formation's order is never inverted), then by application id.
 */
export function compareAcrossFormations(a: RankedEntry, b: RankedEntry): number {
  if (a.finalScore !== b.finalScore) return b.finalScore - a.finalScore;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

export function allocate(request: AllocationRequest): Allocation[] {
  const { scope } = request;
  const formations = [...request.formations].sort(byId);
  const formationById = new Map(formations.map((f) => [f.formationId, f]));
  const unavailable = new Set<string>(request.excluded ?? []);
  const occupied = new Map<string, number>();
  for (const t of request.taken ?? []) {
    unavailable.add(t.applicationId);
    occupied.set(t.seatFormationId, (occupied.get(t.seatFormationId) ?? 0) + 1);
  }
  const free = (f: SeatFormation) => Math.max(0, f.quota - (occupied.get(f.formationId) ?? 0));

  const lists = new Map<string, RankedEntry[]>();
  for (const e of request.ranked) {
    if (!formationById.has(e.formationId)) continue;
    const list = lists.get(e.formationId) ?? [];
    list.push(e);
    lists.set(e.formationId, list);
  }
  for (const list of lists.values()) list.sort((a, b) => a.rank - b.rank);

  const replacement = request.mode === 'REPLACEMENT';
  const out: Allocation[] = [];
  const place = (e: RankedEntry, seat: SeatFormation, kind: PlacementKind, why: string) => {
    out.push({
      applicationId: e.applicationId,
      seatFormationId: seat.formationId,
      sourceFormationId: e.formationId,
      kind,
      rank: e.rank,
      finalScore: e.finalScore,
      why,
    });
    unavailable.add(e.applicationId);
    occupied.set(seat.formationId, (occupied.get(seat.formationId) ?? 0) + 1);
  };

  // Regular: each formation's own ranking, best first, up to its free seats.
  for (const f of formations) {
    let seats = free(f);
    const list = lists.get(f.formationId) ?? [];
    for (let i = 0; i < list.length && seats > 0; i++) {
      const e = list[i];
      if (unavailable.has(e.applicationId)) continue;
      const why = replacement
        ? `seat in ${f.code} freed by a decline; rank ${e.rank} is the best remaining candidate of ${f.code}`
        : `rank ${e.rank} of ${list.length} in ${f.code}, within its quota of ${f.quota}`;
      place(e, f, replacement ? 'REPLACEMENT' : 'REGULAR', why);
      seats--;
    }
  }

  if (scope === 'NONE') return out;

  // Optimalisasi: per scope group, the group's empty seats (formations in id order) take the group's
  // unplaced candidates in cross-formation order until one or the other runs out.
  const groups = new Map<string, SeatFormation[]>();
  for (const f of formations) {
    const key = scopeKey(f, scope);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const scopeText = scope === 'POSITION' ? 'the same position' : 'the same position and education levels';
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key) ?? [];
    const seats = members.filter((f) => free(f) > 0);
    if (seats.length === 0) continue;
    const pool = members
      .flatMap((f) => lists.get(f.formationId) ?? [])
      .filter((e) => !unavailable.has(e.applicationId))
      .sort(compareAcrossFormations);
    let next = 0;
    for (const seat of seats) {
      while (free(seat) > 0 && next < pool.length) {
        const e = pool[next++];
        const source = formationById.get(e.formationId);
        const why =
          `seat left empty in ${seat.code} (quota ${seat.quota}, no candidate of its own left)` +
          `${replacement ? ' after a decline' : ''}; offered by optimalisasi across formations with ${scopeText}` +
          ` to the best unplaced candidate: rank ${e.rank} in ${source?.code ?? e.formationId}, final score ${e.finalScore}`;
        place(e, seat, replacement ? 'REPLACEMENT' : 'OPTIMALISASI', why);
      }
    }
  }
  return out;
}
