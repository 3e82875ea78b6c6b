import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, signDocumentGrant } from '@seleksi/auth';
import { ScreeningConfig } from '../screening.config';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AppealsRepository } from '../appeals/appeals.repository';
import { AuditRepository } from '../audit/audit.repository';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { CaseDetailDto, mapCaseDetail, mapQueueFormation, mapQueueItem, QueuePageDto, QueueQueryDto } from './cases.dto';
import { CasesRepository } from './cases.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CasesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly appeals: AppealsRepository,
    private readonly audit: AuditRepository,
    private readonly config: ScreeningConfig,
  ) {}

  async queue(verifierId: string, query: QueueQueryDto): Promise<QueuePageDto> {
    const limit = query.limit ?? 50;
    const key = decodeCursor(query.cursor);
    const valid = key?.length === 2 && typeof key[0] === 'string' && !Number.isNaN(Date.parse(key[0])) && typeof key[1] === 'string' && UUID.test(key[1]);
    if (query.cursor !== undefined && !valid) {
      throw new DomainError('INVALID_CURSOR', 'cursor is not one this API gave out', HttpStatus.BAD_REQUEST, 'cursor');
    }
    const after = key ? { createdAt: key[0] as string, applicationId: key[1] as string } : undefined;
    const filter = { formationId: query.formationId, recommendation: query.recommendation };
    // One snapshot, so the count left and the formations agree with the page.
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const rows = await this.cases.queue(m, verifierId, filter, after, limit);
      const remaining = await this.cases.queueCount(m, verifierId, filter);
      const formations = await this.cases.queueFormations(m, verifierId);
      const last = rows[rows.length - 1];
      return {
        items: rows.map(mapQueueItem),
        nextCursor: rows.length === limit ? encodeCursor([last.cursor_at, last.application_id]) : null,
        remaining,
        formations: formations.map(mapQueueFormation),
      };
    });
  }

  /**
   * A staff view of an applicant's documents: allowed to the assigned verifier, the appeal's reviewer
   * and admins, and always written to the audit log in the same transaction as the read.
   */
  detail(viewer: Principal, applicationId: string): Promise<CaseDetailDto> {
    return this.db.transaction(async (m) => {
      const row = await this.cases.find(m, applicationId);
      const notFound = () => new DomainError('CASE_NOT_FOUND', `no screening case for application ${applicationId}`, HttpStatus.NOT_FOUND, 'applicationId');
      if (!row) throw notFound();
      if (!viewer.roles.includes('admin') && row.assigned_to !== viewer.id && row.decided_by !== viewer.id) {
        const appeal = await this.appeals.findByApplication(m, applicationId);
        // Someone else's case does not exist as far as this verifier can tell.
        if (appeal?.reviewer_id !== viewer.id) throw notFound();
      }
      await this.audit.record(m, this.clock.now(), [
        { actorId: viewer.id, action: 'CASE_VIEWED', applicationId, periodId: row.period_id, details: { roles: viewer.roles } },
      ]);
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + this.config.DOCUMENT_GRANT_TTL_SECONDS * 1000);
      const grants = row.submission.documents.map((d) => ({
        documentId: d.documentId,
        type: d.type,
        grant: signDocumentGrant(this.config.DOCUMENT_GRANT_KEY, { documentId: d.documentId, applicationId, staffId: viewer.id, expiresAt }),
        expiresAt: expiresAt.toISOString(),
      }));
      return mapCaseDetail(row, grants);
    });
  }
}
