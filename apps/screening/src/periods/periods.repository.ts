import { Injectable } from '@nestjs/common';
import { PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface AnnouncementRow {
  period_id: string;
  announced_at: Date;
  filing_closes_at: Date;
  answering_closes_at: Date;
  eligible: number;
  ineligible: number;
  finalized_at: Date | null;
}

/** The period's frozen rules (as PeriodOpened carried them) and its announcement. */
@Injectable()
export class PeriodsRepository {
  /**
   * FOR SHARE lets decisions run side by side while an announcement (FOR UPDATE) waits for them,
   * so nothing is decided between "no undecided case left" and the announcement's commit.
   */
  async rules(manager: EntityManager, periodId: string, lock: 'share' | 'update' | 'none' = 'none'): Promise<PeriodOpened | undefined> {
    const suffix = lock === 'share' ? 'FOR SHARE' : lock === 'update' ? 'FOR UPDATE' : '';
    const rows = (await manager.query(`SELECT settings FROM screening.periods WHERE period_id = $1 ${suffix}`, [periodId])) as { settings: PeriodOpened }[];
    return rows[0]?.settings;
  }

  async announcement(manager: EntityManager, periodId: string, lock = false): Promise<AnnouncementRow | undefined> {
    const rows = (await manager.query(
      `SELECT period_id, announced_at, filing_closes_at, answering_closes_at, eligible, ineligible, finalized_at
         FROM screening.announcements WHERE period_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [periodId],
    )) as AnnouncementRow[];
    return rows[0];
  }

  async insertAnnouncement(
    manager: EntityManager,
    a: { periodId: string; announcedAt: Date; filingClosesAt: Date; answeringClosesAt: Date; eligible: number; ineligible: number; announcedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO screening.announcements (period_id, announced_at, filing_closes_at, answering_closes_at, eligible, ineligible, announced_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [a.periodId, a.announcedAt, a.filingClosesAt, a.answeringClosesAt, a.eligible, a.ineligible, a.announcedBy],
    );
  }

  async markFinalized(manager: EntityManager, periodId: string, at: Date, by: string): Promise<void> {
    await manager.query(`UPDATE screening.announcements SET finalized_at = $2, finalized_by = $3 WHERE period_id = $1`, [periodId, at, by]);
  }
}
