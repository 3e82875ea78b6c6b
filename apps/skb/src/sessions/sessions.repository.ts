import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Seat, Seatable, SeatBlock } from './allocation.rules';

export interface VenueRow {
  venueId: string;
  name: string;
  address: string;
  rooms: { roomId: string; name: string; capacity: number }[];
}

export interface SessionRow {
  sessionId: string;
  name: string;
  startsAt: Date;
  durationMinutes: number;
}

export interface SeatView {
  applicationId: string;
  formationId: string;
  participantNumber: string;
  fullName: string;
  formationCode: string;
  position: string;
  photoDocumentId: string | null;
  ruleVersion: string;
  session: string;
  startsAt: Date;
  durationMinutes: number;
  venue: string;
  address: string;
  room: string;
  seatNumber: number;
  extraMinutes: number;
}

const SEAT_VIEW_SQL = `
  SELECT p.application_id, p.formation_id, p.participant_number, p.full_name, f.code, f.position, p.photo_document_id, p.rule_version,
         s.name AS session, s.starts_at, s.duration_minutes, v.name AS venue, v.address, r.name AS room, st.seat_number, st.extra_minutes
    FROM skb.seats st
    JOIN skb.participants p ON p.application_id = st.application_id
    JOIN skb.formations f ON f.formation_id = p.formation_id
    JOIN skb.sessions s ON s.session_id = st.session_id
    JOIN skb.rooms r ON r.room_id = st.room_id
    JOIN skb.venues v ON v.venue_id = r.venue_id`;

function mapSeat(r: Record<string, unknown>): SeatView {
  return {
    applicationId: r.application_id as string,
    formationId: r.formation_id as string,
    participantNumber: r.participant_number as string,
    fullName: r.full_name as string,
    formationCode: r.code as string,
    position: r.position as string,
    photoDocumentId: (r.photo_document_id as string | null) ?? null,
    ruleVersion: r.rule_version as string,
    session: r.session as string,
    startsAt: r.starts_at as Date,
    durationMinutes: r.duration_minutes as number,
    venue: r.venue as string,
    address: r.address as string,
    room: r.room as string,
    seatNumber: r.seat_number as number,
    extraMinutes: r.extra_minutes as number,
  };
}

@Injectable()
export class SessionsRepository {
  async addVenue(
    manager: EntityManager,
    periodId: string,
    v: { name: string; address: string; rooms: { name: string; capacity: number }[] },
  ): Promise<VenueRow> {
    const venueId = randomUUID();
    await manager.query(`INSERT INTO skb.venues (venue_id, period_id, name, address) VALUES ($1, $2, $3, $4)`, [venueId, periodId, v.name, v.address]);
    const rooms = v.rooms.map((r) => ({ roomId: randomUUID(), ...r }));
    await manager.query(
      `INSERT INTO skb.rooms (room_id, venue_id, name, capacity) SELECT u.id, $1, u.name, u.capacity FROM unnest($2::uuid[], $3::text[], $4::int[]) AS u(id, name, capacity)`,
      [venueId, rooms.map((r) => r.roomId), rooms.map((r) => r.name), rooms.map((r) => r.capacity)],
    );
    return { venueId, name: v.name, address: v.address, rooms };
  }

  async venueNameTaken(manager: EntityManager, periodId: string, name: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM skb.venues WHERE period_id = $1 AND name = $2`, [periodId, name]);
    return rows.length > 0;
  }

  async sessionNameTaken(manager: EntityManager, periodId: string, name: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM skb.sessions WHERE period_id = $1 AND name = $2`, [periodId, name]);
    return rows.length > 0;
  }

  async addSession(manager: EntityManager, periodId: string, s: { name: string; startsAt: Date; durationMinutes: number }): Promise<SessionRow> {
    const sessionId = randomUUID();
    await manager.query(`INSERT INTO skb.sessions (session_id, period_id, name, starts_at, duration_minutes) VALUES ($1, $2, $3, $4, $5)`, [
      sessionId,
      periodId,
      s.name,
      s.startsAt,
      s.durationMinutes,
    ]);
    return { sessionId, ...s };
  }

  /** The period's venues with their rooms, by name. */
  async venues(manager: EntityManager, periodId: string): Promise<VenueRow[]> {
    const rows: { venue_id: string; name: string; address: string; rooms: { roomId: string; name: string; capacity: number }[] }[] = await manager.query(
      `SELECT v.venue_id, v.name, v.address,
              coalesce((SELECT jsonb_agg(jsonb_build_object('roomId', r.room_id, 'name', r.name, 'capacity', r.capacity) ORDER BY r.name)
                          FROM skb.rooms r WHERE r.venue_id = v.venue_id), '[]'::jsonb) AS rooms
         FROM skb.venues v WHERE v.period_id = $1 ORDER BY v.name`,
      [periodId],
    );
    return rows.map((r) => ({ venueId: r.venue_id, name: r.name, address: r.address, rooms: r.rooms }));
  }

  /** The period's sessions in time order. */
  async sessionsOf(manager: EntityManager, periodId: string): Promise<SessionRow[]> {
    const rows: { session_id: string; name: string; starts_at: Date; duration_minutes: number }[] = await manager.query(
      `SELECT session_id, name, starts_at, duration_minutes FROM skb.sessions WHERE period_id = $1 ORDER BY starts_at, name`,
      [periodId],
    );
    return rows.map((r) => ({ sessionId: r.session_id, name: r.name, startsAt: r.starts_at, durationMinutes: r.duration_minutes }));
  }

  /** Every room in every session of the period, in seating order: session time, session, venue, room. */
  async blocks(manager: EntityManager, periodId: string): Promise<SeatBlock[]> {
    const rows: { session_id: string; room_id: string; capacity: number }[] = await manager.query(
      `SELECT s.session_id, r.room_id, r.capacity
         FROM skb.sessions s CROSS JOIN skb.venues v JOIN skb.rooms r ON r.venue_id = v.venue_id
        WHERE s.period_id = $1 AND v.period_id = $1
        ORDER BY s.starts_at, s.name, v.name, r.name`,
      [periodId],
    );
    return rows.map((r) => ({ sessionId: r.session_id, roomId: r.room_id, capacity: r.capacity }));
  }

  async seatables(manager: EntityManager, periodId: string): Promise<{ seatable: Seatable[]; unnumbered: number }> {
    const rows: { application_id: string; formation_id: string; code: string | null; formation_type: string | null; participant_number: string | null }[] =
      await manager.query(
        `SELECT p.application_id, p.formation_id, f.code, f.formation_type, p.participant_number
           FROM skb.participants p LEFT JOIN skb.formations f ON f.formation_id = p.formation_id WHERE p.period_id = $1`,
        [periodId],
      );
    const seatable = rows
      .filter((r) => r.participant_number !== null && r.code !== null)
      .map((r) => ({
        applicationId: r.application_id,
        formationId: r.formation_id,
        formationCode: r.code as string,
        formationType: r.formation_type as string,
        participantNumber: r.participant_number as string,
      }));
    return { seatable, unnumbered: rows.length - seatable.length };
  }

  async replaceSeats(manager: EntityManager, periodId: string, seats: Seat[]): Promise<void> {
    await manager.query(`DELETE FROM skb.seats WHERE period_id = $1`, [periodId]);
    for (let start = 0; start < seats.length; start += 50_000) {
      const chunk = seats.slice(start, start + 50_000);
      await manager.query(
        `INSERT INTO skb.seats (application_id, period_id, session_id, room_id, seat_number, extra_minutes)
         SELECT u.a, $1, u.s, u.r, u.n, u.x FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[]) AS u(a, s, r, n, x)`,
        [
          periodId,
          chunk.map((s) => s.applicationId),
          chunk.map((s) => s.sessionId),
          chunk.map((s) => s.roomId),
          chunk.map((s) => s.seatNumber),
          chunk.map((s) => s.extraMinutes),
        ],
      );
    }
  }

  async unseated(manager: EntityManager, periodId: string): Promise<number> {
    const [r]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM skb.participants p WHERE p.period_id = $1 AND NOT EXISTS (SELECT 1 FROM skb.seats s WHERE s.application_id = p.application_id)`,
      [periodId],
    );
    return r.n;
  }

  /** The period's seat plan in seating order, a page at a time. */
  async seatPlan(manager: EntityManager, periodId: string, limit: number, offset: number): Promise<SeatView[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `${SEAT_VIEW_SQL} WHERE st.period_id = $1 ORDER BY s.starts_at, s.name, v.name, r.name, st.seat_number LIMIT $2 OFFSET $3`,
      [periodId, limit, offset],
    );
    return rows.map(mapSeat);
  }

  /** The applicant's own seat, and only once the allocation is published. */
  async publishedSeatOf(manager: EntityManager, applicantId: string, periodId: string): Promise<SeatView | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `${SEAT_VIEW_SQL} JOIN skb.periods pe ON pe.period_id = st.period_id AND pe.allocation_published_at IS NOT NULL
        WHERE p.applicant_id = $1 AND st.period_id = $2`,
      [applicantId, periodId],
    );
    return rows[0] ? mapSeat(rows[0]) : undefined;
  }
}
