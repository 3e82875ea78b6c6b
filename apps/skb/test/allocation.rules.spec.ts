import { allocateSeats, InsufficientCapacity, Seatable, SeatBlock } from '../src/sessions/allocation.rules';

const block = (sessionId: string, roomId: string, capacity: number): SeatBlock => ({ sessionId, roomId, capacity });
const people = (code: string, count: number, type = 'general'): Seatable[] =>
  Array.from({ length: count }, (_, i) => ({
    applicationId: `${code}-app-${i}`,
    formationId: `id-${code}`,
    formationCode: code,
    formationType: type,
    participantNumber: `${code}-${String(i + 1).padStart(5, '0')}`,
  }));

const where = (seats: ReturnType<typeof allocateSeats>) => seats.map((s) => `${s.applicationId}@${s.sessionId}/${s.roomId}#${s.seatNumber}`);

describe('allocateSeats', () => {
  it('never seats more people in a room than it holds', () => {
    const blocks = [block('s1', 'r1', 3), block('s1', 'r2', 2), block('s2', 'r1', 3)];
    const seats = allocateSeats(blocks, [...people('A', 4), ...people('B', 3), ...people('C', 1)], 0);
    expect(seats).toHaveLength(8);
    for (const b of blocks) expect(seats.filter((s) => s.sessionId === b.sessionId && s.roomId === b.roomId).length).toBeLessThanOrEqual(b.capacity);
    expect(new Set(seats.map((s) => `${s.sessionId}/${s.roomId}/${s.seatNumber}`)).size).toBe(8);
  });

  it('refuses when there are more participants than seats', () => {
    expect(() => allocateSeats([block('s1', 'r1', 2)], people('A', 3), 0)).toThrow(InsufficientCapacity);
  });

  it('gives the same allocation whatever order the participants arrive in', () => {
    const blocks = [block('s1', 'r1', 4), block('s1', 'r2', 4), block('s2', 'r1', 4)];
    const all = [...people('B', 5), ...people('A', 3), ...people('C', 2)];
    const reversed = [...all].reverse();
    const shuffled = [...all].sort(
      (a, b) => ((a.applicationId.length * 7 + a.applicationId.charCodeAt(6)) % 5) - ((b.applicationId.length * 7 + b.applicationId.charCodeAt(6)) % 5),
    );
    const sortByApp = (xs: string[]) => [...xs].sort();
    expect(sortByApp(where(allocateSeats(blocks, reversed, 0)))).toEqual(sortByApp(where(allocateSeats(blocks, all, 0))));
    expect(sortByApp(where(allocateSeats(blocks, shuffled, 0)))).toEqual(sortByApp(where(allocateSeats(blocks, all, 0))));
  });

  it('keeps a formation in one room when some room can hold all of it', () => {
    // A (3) fills r1 to 3 of 4; B (4) does not fit in r1's last seat, so it goes whole to r2.
    const seats = allocateSeats([block('s1', 'r1', 4), block('s1', 'r2', 4)], [...people('A', 3), ...people('B', 4)], 0);
    const rooms = (code: string) => new Set(seats.filter((s) => s.applicationId.startsWith(code)).map((s) => s.roomId));
    expect(rooms('A')).toEqual(new Set(['r1']));
    expect(rooms('B')).toEqual(new Set(['r2']));
  });

  it('splits a formation larger than any room across rooms in order', () => {
    const seats = allocateSeats([block('s1', 'r1', 3), block('s1', 'r2', 3)], people('A', 5), 0);
    expect(seats.map((s) => `${s.roomId}#${s.seatNumber}`)).toEqual(['r1#1', 'r1#2', 'r1#3', 'r2#1', 'r2#2']);
  });

  it('seats by participant number within a formation', () => {
    const seats = allocateSeats([block('s1', 'r1', 10)], [...people('A', 3)].reverse(), 0);
    expect(seats.map((s) => s.applicationId)).toEqual(['A-app-0', 'A-app-1', 'A-app-2']);
  });

  it('gives participants of disability formations the extra minutes, and only them', () => {
    const seats = allocateSeats([block('s1', 'r1', 10)], [...people('A', 2), ...people('D', 2, 'disability')], 45);
    expect(seats.map((s) => [s.applicationId.slice(0, 1), s.extraMinutes])).toEqual([
      ['A', 0],
      ['A', 0],
      ['D', 45],
      ['D', 45],
    ]);
  });
});
