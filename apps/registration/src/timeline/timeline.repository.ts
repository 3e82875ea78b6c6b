import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface TimelineEntryRow {
  event_id: string;
  application_id: string | null;
  period_id: string;
  event_type: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

@Injectable()
export class TimelineRepository {
  async append(manager: EntityManager, event: EventEnvelope<{ periodId: string; applicationId?: string }>): Promise<void> {
    await manager.query(
      `INSERT INTO registration.timeline_entries (event_id, application_id, period_id, event_type, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, event.data.applicationId ?? null, event.data.periodId, event.type, event.time, JSON.stringify(event.data)],
    );
  }

  /** The batch form of append: one statement for a chunk of events, in their order. */
  async appendAll(manager: EntityManager, events: EventEnvelope<{ periodId: string; applicationId?: string }>[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO registration.timeline_entries (event_id, application_id, period_id, event_type, occurred_at, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::jsonb[])`,
      [
        events.map((e) => e.id),
        events.map((e) => e.data.applicationId ?? null),
        events.map((e) => e.data.periodId),
        events.map((e) => e.type),
        events.map((e) => e.time),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
  }

  /** An application's own entries and its period's announcements, oldest first. */
  async forApplication(manager: EntityManager, applicationId: string, periodId: string): Promise<TimelineEntryRow[]> {
    return manager.query(
      `SELECT event_id, application_id, period_id, event_type, occurred_at, payload FROM registration.timeline_entries
        WHERE application_id = $1 OR (application_id IS NULL AND period_id = $2)
        ORDER BY occurred_at, recorded_at`,
      [applicationId, periodId],
    );
  }
}
