import { Outbox } from '@seleksi/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SkbPeriod } from '../periods/periods.repository';
import { ScoresRepository } from './scores.repository';

const EVENTS_PER_CHUNK = 20_000;

/** SkbScoresRecorded for every participant whose sheet changed, in the caller's transaction, in chunks. */
@Injectable()
export class ScoresEvents {
  constructor(
    private readonly scores: ScoresRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async recorded(manager: EntityManager, period: SkbPeriod, applicationIds: string[]): Promise<void> {
    const ids = [...new Set(applicationIds)];
    for (let start = 0; start < ids.length; start += EVENTS_PER_CHUNK) {
      const sheets = await this.scores.snapshots(manager, ids.slice(start, start + EVENTS_PER_CHUNK));
      await this.outbox.enqueueAll(
        manager,
        'SkbScoresRecorded',
        sheets.map((s) => ({
          periodId: period.periodId,
          ruleVersion: period.ruleVersion,
          applicationId: s.applicationId,
          formationId: s.formationId,
          participantNumber: s.participantNumber,
          scores: s.scores,
          attendance: s.attendance ?? 'SCORED',
        })),
      );
    }
  }
}
