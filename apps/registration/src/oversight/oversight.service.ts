import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsRepository } from '../periods/periods.repository';
import { periodNotFound } from '../periods/periods.service';
import { AuditPageResponse, AuditSearchQueryDto, FormationApplicationCountsResponse } from './oversight.dto';
import { OversightRepository } from './oversight.repository';

/** What an admin reads to oversee registration: the audit log, searched, and a period's application counts. */
@Injectable()
export class OversightService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly oversight: OversightRepository,
    private readonly periods: PeriodsRepository,
  ) {}

  async searchAudit(query: AuditSearchQueryDto): Promise<AuditPageResponse> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw new DomainError('INVALID_TIME_RANGE', 'from must be before to', HttpStatus.BAD_REQUEST, 'from');
    }
    const limit = query.limit ?? 50;
    const rows = await this.oversight.searchAudit(this.dataSource.manager, { ...query, afterId: query.cursor, limit });
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        action: row.action,
        subject: row.subject,
        details: row.details,
      })),
      nextCursor: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  async applicationCounts(periodId: string): Promise<FormationApplicationCountsResponse[]> {
    if (!(await this.periods.find(this.dataSource.manager, periodId))) throw periodNotFound(periodId);
    const rows = await this.oversight.applicationCounts(this.dataSource.manager, periodId);
    return rows.map((r) => ({ formationId: r.formation_id, code: r.code, applied: r.applied, submitted: r.submitted }));
  }
}
