import { ServiceName } from '@seleksi/contracts';
import { connectAsService, newIds, newPayload, publishMany } from '@seleksi/testing';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A surge through five consumers at once: N applications of one new period and formation, each
 * submitted (screening's intake), finalized MS (skb's intake, the timeline) and given its SKB result
 * (interview's and placement's inputs, the timeline); every other one ranked in (P/L).
 */
export class Surge {
  readonly periodId = randomUUID();
  readonly formationId = randomUUID();
  private readonly ids: ReturnType<typeof newIds>[];

  constructor(
    private readonly kafka: Kafka,
    private readonly prefix: string,
    readonly size: number,
  ) {
    this.ids = Array.from({ length: size }, () => newIds({ periodId: this.periodId, formationId: this.formationId }));
  }

  /** The period and its formation, which the stages need before the applications. */
  async open(): Promise<void> {
    const ids = newIds({ periodId: this.periodId, formationId: this.formationId });
    await publishMany(this.kafka, this.prefix, 'PeriodOpened', [newPayload('PeriodOpened', ids)]);
    await publishMany(this.kafka, this.prefix, 'FormationPublished', [newPayload('FormationPublished', ids, { code: `SRG-${this.formationId.slice(0, 6)}` })]);
  }

  /** Publishes the applications from..to (exclusive) through all three stages. */
  async publish(from: number, to: number): Promise<void> {
    const slice = this.ids.slice(from, to);
    await publishMany(
      this.kafka,
      this.prefix,
      'ApplicationSubmitted',
      slice.map((ids) => newPayload('ApplicationSubmitted', ids)),
    );
    await publishMany(
      this.kafka,
      this.prefix,
      'ScreeningFinalized',
      slice.map((ids) => newPayload('ScreeningFinalized', ids)),
    );
    await publishMany(
      this.kafka,
      this.prefix,
      'SkbResultFinalized',
      slice.map((ids, i) =>
        newPayload('SkbResultFinalized', ids, (from + i) % 2 === 0 ? { outcome: 'P/L', proceeds: true } : { outcome: 'TL', proceeds: false, rank: 9 }),
      ),
    );
  }
}

export type SurgeOutcome = Record<string, unknown>;

/** What the surge left in each service, read as each service's own role; ids left out so two surges compare. */
export class SurgeOutcomes {
  private readonly databases = new Map<ServiceName, DataSource>();

  async of(surge: Surge): Promise<SurgeOutcome> {
    const q = async (service: ServiceName, sql: string) => (await this.db(service)).query(sql, [surge.periodId]) as Promise<Record<string, unknown>[]>;
    return {
      screeningCases: await q(
        'screening',
        `SELECT count(*)::int AS n, count(DISTINCT application_id)::int AS distinct FROM screening.cases WHERE period_id = $1`,
      ),
      skbParticipants: await q(
        'skb',
        `SELECT count(*)::int AS n, count(DISTINCT participant_number)::int AS numbers,
                min(right(participant_number, 5))::int AS first, max(right(participant_number, 5))::int AS last
           FROM skb.participants WHERE period_id = $1`,
      ),
      interviewCandidates: await q(
        'interview',
        `SELECT status, count(*)::int AS n FROM interview.candidates WHERE period_id = $1 GROUP BY status ORDER BY status`,
      ),
      placementResults: await q(
        'placement',
        `SELECT stage, count(*)::int AS n FROM placement.stage_results WHERE period_id = $1 GROUP BY stage ORDER BY stage`,
      ),
      timeline: await q(
        'registration',
        `SELECT event_type, count(*)::int AS n FROM registration.timeline_entries WHERE period_id = $1 GROUP BY event_type ORDER BY event_type`,
      ),
    };
  }

  private async db(service: ServiceName): Promise<DataSource> {
    let db = this.databases.get(service);
    if (!db) {
      db = await connectAsService(service, [], 1);
      this.databases.set(service, db);
    }
    return db;
  }

  async close(): Promise<void> {
    await Promise.all([...this.databases.values()].map((db) => db.destroy()));
  }
}
