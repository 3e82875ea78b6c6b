import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { ViewLogPageDto, ViewLogQueryDto } from './view-log.dto';
import { ViewLogService } from './view-log.service';

/** Read-only: the view log only grows. */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('admin/view-log')
export class ViewLogController {
  constructor(private readonly views: ViewLogService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Staff views of candidates by viewer, action, application and time range; keyset pages, oldest first (400 INVALID_TIME_RANGE)' })
  @ApiOkResponse({ type: ViewLogPageDto })
  search(@Query() query: ViewLogQueryDto): Promise<ViewLogPageDto> {
    return this.views.search(query);
  }
}
