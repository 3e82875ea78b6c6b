import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { ViewLogRepository } from '../shared/view-log.repository';
import { ViewLogPageDto, ViewLogQueryDto } from './view-log.dto';

/** The staff views of candidates (UU 27/2022), searched for the admin's audit trail. */
@Injectable()
export class ViewLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: ViewLogRepository,
  ) {}

  async search(query: ViewLogQueryDto): Promise<ViewLogPageDto> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw new DomainError('INVALID_TIME_RANGE', 'from must be before to', HttpStatus.BAD_REQUEST, 'from');
    }
    const limit = query.limit ?? 50;
    const rows = await this.views.search(this.dataSource.manager, { ...query, afterId: query.cursor, limit });
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: new Date(r.viewed_at).toISOString(),
        viewerId: r.viewer_id,
        viewerRole: r.viewer_role,
        action: r.action,
        panelId: r.panel_id,
        applicationIds: r.application_ids,
      })),
      nextCursor: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }
}
