import { Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { DataSource } from 'typeorm';
import { mapSheet } from '../scoring/scoring.dto';
import { ScoringRepository } from '../scoring/scoring.repository';
import { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';
import { ViewLogRepository } from '../shared/view-log.repository';
import { CandidateAdminDto, CandidateDetailDto, mapCandidateAdmin } from './candidates.dto';
import { CandidatesRepository } from './candidates.repository';

@Injectable()
export class CandidatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidatesRepository,
    private readonly scoring: ScoringRepository,
    private readonly views: ViewLogRepository,
    private readonly clock: Clock,
  ) {}

  /** Admins see every candidate of a period, with panel and status; the view is logged. */
  async list(admin: Principal, periodId: string, status?: string): Promise<CandidateAdminDto[]> {
    return this.dataSource.transaction(async (m) => {
      const rows = await this.candidates.forPeriod(m, periodId, status);
      await this.views.record(m, {
        viewerId: admin.id,
        viewerRole: 'admin',
        action: 'LIST_CANDIDATES',
        panelId: null,
        applicationIds: rows.map((r) => r.applicationId),
        at: this.clock.now(),
      });
      return rows.map(mapCandidateAdmin);
    });
  }

  async detail(admin: Principal, applicationId: string): Promise<CandidateDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.candidates.find(m, applicationId);
      if (!row) throw notFound('CANDIDATE_NOT_FOUND', 'no interview candidate with this application id', 'applicationId');
      const recusals = await this.candidates.recusals(m, applicationId);
      const sheets = await this.scoring.sheets(m, applicationId);
      await this.views.record(m, {
        viewerId: admin.id,
        viewerRole: 'admin',
        action: 'VIEW_CANDIDATE',
        panelId: row.panelId,
        applicationIds: [applicationId],
        at: this.clock.now(),
      });
      return {
        ...mapCandidateAdmin(row),
        recusals: recusals.map((r) => ({ panelistId: r.panelistId, source: r.source, reason: r.reason, recordedAt: new Date(r.recordedAt).toISOString() })),
        sheets: sheets.map(mapSheet),
      };
    });
  }
}
