import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodParams } from '../scores/scores.dto';
import { SkbPeriodResponse } from './periods.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Roles('skb-officer', 'admin')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @ApiOkResponse({ type: [SkbPeriodResponse], description: 'every period skb knows, with where its SKB stands' })
  list(): Promise<SkbPeriodResponse[]> {
    return this.periods.overviews();
  }

  @Get(':periodId')
  @ApiOkResponse({ type: SkbPeriodResponse })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND' })
  one(@Param() params: PeriodParams): Promise<SkbPeriodResponse> {
    return this.periods.overview(params.periodId);
  }
}
