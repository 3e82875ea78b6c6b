/** A room in a session: one block of seats. */
export interface SeatBlock {
  sessionId: string;
  roomId: string;
  capacity: number;
}

export interface Seatable {
  applicationId: string;
  formationId: string;
  formationCode: string;
  formationType: string;
  participantNumber: string;
}

export interface Seat {
  applicationId: string;
  sessionId: string;
  roomId: string;
  seatNumber: number;
  extraMinutes: number;
}

export class InsufficientCapacity extends Error {
  constructor(
    readonly needed: number,
    readonly available: number,
  ) {
    super(`${needed} participants but ${available} seats`);
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Seats every participant, deterministically: participants in order of formation code (then id) and
 * participant number; blocks in the order given (the caller sorts them by session time, venue, room).
 * A formation goes whole into the first block that still has room for all of it; one that fits in no
 * single block fills blocks in order from the first with a free seat. No block is ever over capacity.
 * Participants of disability formations get the period's extra minutes.
 */
export function allocateSeats(blocks: SeatBlock[], participants: Seatable[], disabilityExtraMinutes: number): Seat[] {
  const available = blocks.reduce((s, b) => s + b.capacity, 0);
  if (participants.length > available) throw new InsufficientCapacity(participants.length, available);
  const sorted = [...participants].sort(
    (a, b) => byText(a.formationCode, b.formationCode) || byText(a.formationId, b.formationId) || byText(a.participantNumber, b.participantNumber),
  );
  const groups: Seatable[][] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].formationId === p.formationId) last.push(p);
    else groups.push([p]);
  }
  const used = blocks.map(() => 0);
  const seats: Seat[] = [];
  const seat = (p: Seatable, k: number) => {
    used[k]++;
    seats.push({
      applicationId: p.applicationId,
      sessionId: blocks[k].sessionId,
      roomId: blocks[k].roomId,
      seatNumber: used[k],
      extraMinutes: p.formationType === 'disability' ? disabilityExtraMinutes : 0,
    });
  };
  for (const group of groups) {
    const whole = blocks.findIndex((b, k) => b.capacity - used[k] >= group.length);
    if (whole >= 0) {
      for (const p of group) seat(p, whole);
      continue;
    }
    let k = 0;
    for (const p of group) {
      while (blocks[k].capacity - used[k] === 0) k++;
      seat(p, k);
    }
  }
  return seats;
}
