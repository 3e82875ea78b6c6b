import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AuditPageDto, AuditQueryDto, mapAudit } from './audit.dto';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async list(query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 100;
    if (query.cursor !== undefined && !/^\d{1,18}$/.test(query.cursor)) {
      throw new DomainError('INVALID_CURSOR', 'cursor is not one this API gave out', HttpStatus.BAD_REQUEST, 'cursor');
    }
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw new DomainError('INVALID_TIME_RANGE', 'from must be before to', HttpStatus.BAD_REQUEST, 'from');
    }
    const rows = await this.audit.list(this.db.manager, query, query.cursor, limit);
    return { items: rows.map(mapAudit), nextCursor: rows.length === limit ? rows[rows.length - 1].id : null };
  }
}
