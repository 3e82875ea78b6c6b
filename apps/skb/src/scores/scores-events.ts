import { Injectable } from '@nestjs/common';
import { Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SkbPeriod } from '../periods/periods.repository';
import { CHANGED_SHEETS_CHUNK, SCORES_RECORDED_BATCH, ScoresRecordedParams } from './scores.batches';

/**
 * SkbScoresRecorded for every participant whose sheet changed, in the caller's transaction: the
 * changed participants as a change set and one event batch over it (scores.batches.ts), however many.
 */
@Injectable()
export class ScoresEvents {
  constructor(private readonly outbox: Outbox) {}

  /** A new change set id, for a statement that writes its own skb.changed_sheets rows (the import). */
  newChangeSet(): string {
    return randomUUID();
  }

  /** The events of the change set a statement wrote (`count` participants in it). */
  async recordedSet(manager: EntityManager, period: SkbPeriod, changeSet: string, count: number): Promise<void> {
    if (count === 0) return;
    const params: ScoresRecordedParams = {
      periodId: period.periodId,
      ruleVersion: period.ruleVersion,
      components: period.rules.components.map((c) => c.component).sort(),
      changeSet,
    };
    await this.outbox.enqueueBatch(manager, 'SkbScoresRecorded', SCORES_RECORDED_BATCH, { ...params }, count);
  }

  /** The events of the participants given (an officer's entry: one or a few). */
  async recorded(manager: EntityManager, period: SkbPeriod, applicationIds: string[]): Promise<void> {
    const ids = [...new Set(applicationIds)];
    if (ids.length === 0) return;
    const changeSet = this.newChangeSet();
    for (let chunk = 0; chunk * CHANGED_SHEETS_CHUNK < ids.length; chunk++) {
      await manager.query(`INSERT INTO skb.changed_sheets (change_set, chunk, application_ids) VALUES ($1, $2, $3::uuid[])`, [
        changeSet,
        chunk,
        ids.slice(chunk * CHANGED_SHEETS_CHUNK, (chunk + 1) * CHANGED_SHEETS_CHUNK),
      ]);
    }
    await this.recordedSet(manager, period, changeSet, ids.length);
  }
}
