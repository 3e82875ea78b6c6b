import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { AuditPageResponse, AuditSearchQueryDto, FormationApplicationCountsResponse } from './oversight.dto';
import { OversightService } from './oversight.service';

/** Read-only: nothing here edits the audit log (its trigger refuses UPDATE and DELETE anyway). */
@ApiTags('admin oversight')
@Roles('admin')
@ApiBearerAuth()
@Controller('admin')
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  @Get('audit')
  @ApiOperation({ summary: 'The audit log searched by actor, action prefix, subject and time range; keyset pages, oldest first (400 INVALID_TIME_RANGE)' })
  @ApiOkResponse({ type: AuditPageResponse })
  audit(@Query() query: AuditSearchQueryDto): Promise<AuditPageResponse> {
    return this.oversight.searchAudit(query);
  }

  @Get('periods/:periodId/application-counts')
  @ApiOperation({ summary: "Each formation's applications started and submitted: the funnel's first two steps (404 PERIOD_NOT_FOUND)" })
  @ApiOkResponse({ type: [FormationApplicationCountsResponse] })
  applicationCounts(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<FormationApplicationCountsResponse[]> {
    return this.oversight.applicationCounts(periodId);
  }
}
