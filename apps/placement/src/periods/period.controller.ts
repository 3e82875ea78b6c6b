import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodParams } from '../ranking/ranking.dto';
import { mapPeriod, mapPeriodDetail, PlacementPeriodDetailDto, PlacementPeriodDto } from './period.dto';
import { PeriodRepository } from './period.repository';

/** The periods placement works on, with where each stands: the officers' workspace reads its state back from here. */
@ApiTags('periods')
@ApiBearerAuth()
@Roles('placement-officer', 'admin')
@Controller('periods')
export class PeriodController {
  constructor(private readonly periods: PeriodRepository) {}

  @Get()
  @ApiOkResponse({ type: [PlacementPeriodDto] })
  async list(): Promise<PlacementPeriodDto[]> {
    return (await this.periods.readAll()).map((p) => mapPeriod(p, p.rankedAt));
  }

  @Get(':periodId')
  @ApiOkResponse({ type: PlacementPeriodDetailDto })
  async detail(@Param() params: PeriodParams): Promise<PlacementPeriodDetailDto> {
    const period = await this.periods.readOne(params.periodId);
    const [progress, formations] = await Promise.all([this.periods.readProgress(period.periodId), this.periods.readFormations(period.periodId)]);
    return mapPeriodDetail(period, progress, formations);
  }
}
