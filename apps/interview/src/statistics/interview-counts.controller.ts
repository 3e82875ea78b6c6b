import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodQueryDto } from '../shared/period-query.dto';
import { FormationInterviewCountsDto } from './interview-counts.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('admin/interview-counts')
export class InterviewCountsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "Each formation's interview candidates, interviewed and absent: counts only, for the period dashboard" })
  @ApiOkResponse({ type: FormationInterviewCountsDto, isArray: true })
  counts(@Query() q: PeriodQueryDto): Promise<FormationInterviewCountsDto[]> {
    return this.statistics.interviewCounts(q.periodId);
  }
}
