import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodQueryDto } from '../shared/period-query.dto';
import { RaterStatisticsDto } from './statistics.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('admin/rater-statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: RaterStatisticsDto, isArray: true })
  raters(@Query() q: PeriodQueryDto): Promise<RaterStatisticsDto[]> {
    return this.statistics.raters(q.periodId);
  }
}
