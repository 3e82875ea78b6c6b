import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SqlOutbox } from '../common/sql-outbox';
import { SkbPeriod } from '../periods/periods.repository';
import { ScoresRepository } from './scores.repository';

/** SkbScoresRecorded for every participant whose sheet changed, in the caller's transaction, by one statement. */
@Injectable()
export class ScoresEvents {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly outbox: SqlOutbox,
  ) {}

  async recorded(manager: EntityManager, period: SkbPeriod, applicationIds: string[]): Promise<number> {
    const ids = [...new Set(applicationIds)];
    if (ids.length === 0) return 0;
    const { written, firstId } = await this.scores.writeRecordedEvents(manager, period, ids, this.outbox);
    await this.outbox.spotCheck(manager, 'SkbScoresRecorded', firstId);
    return written;
  }
}
