import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { AnnouncementDto, FinalizationDto, ScreeningPeriodStateDto } from './periods.dto';
import { AnnounceResults } from './usecases/announce-results/announce-results.usecase';
import { FinalizePeriod } from './usecases/finalize-period/finalize-period.usecase';
import { PeriodState } from './usecases/period-state/period-state.usecase';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class PeriodsController {
  constructor(
    private readonly announce: AnnounceResults,
    private readonly finalize: FinalizePeriod,
    private readonly periodState: PeriodState,
  ) {}

  @Get('announcement')
  @ApiOkResponse({ type: ScreeningPeriodStateDto, description: 'The announcement and finalization as recorded, for a page that comes back to them' })
  state(@UuidParam('periodId') periodId: string): Promise<ScreeningPeriodStateDto> {
    return this.periodState.execute(periodId);
  }

  @Post('announcement')
  @HttpCode(200)
  @ApiOkResponse({ type: AnnouncementDto, description: 'Announces administrative results and opens the appeal window' })
  announceResults(@CurrentPrincipal() p: Principal, @UuidParam('periodId') periodId: string): Promise<AnnouncementDto> {
    return this.announce.execute(p.id, periodId);
  }

  @Post('finalization')
  @HttpCode(200)
  @ApiOkResponse({ type: FinalizationDto, description: 'Publishes ScreeningFinalized for every application of the period' })
  finalizePeriod(@CurrentPrincipal() p: Principal, @UuidParam('periodId') periodId: string): Promise<FinalizationDto> {
    return this.finalize.execute(p.id, periodId);
  }
}
