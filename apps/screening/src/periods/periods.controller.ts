import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { DomainError } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { DataSource } from 'typeorm';
import { UuidParam } from '../common/uuid-param';
import { AnnouncementDto, FinalizationDto, ScreeningPeriodStateDto } from './periods.dto';
import { PeriodsRepository } from './periods.repository';
import { AnnounceResults } from './usecases/announce-results/announce-results.usecase';
import { FinalizePeriod } from './usecases/finalize-period/finalize-period.usecase';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class PeriodsController {
  constructor(
    private readonly announce: AnnounceResults,
    private readonly finalize: FinalizePeriod,
    private readonly db: DataSource,
    private readonly periods: PeriodsRepository,
  ) {}

  @Get('announcement')
  @ApiOkResponse({ type: ScreeningPeriodStateDto, description: 'The announcement and finalization as recorded, for a page that comes back to them' })
  async state(@UuidParam('periodId') periodId: string): Promise<ScreeningPeriodStateDto> {
    const rules = await this.periods.rules(this.db.manager, periodId);
    if (!rules) throw new DomainError('PERIOD_NOT_FOUND', `period ${periodId} is not known to screening`, HttpStatus.NOT_FOUND, 'periodId');
    const a = await this.periods.announcement(this.db.manager, periodId);
    const local = (at: Date) => formatLocalTime(at, rules.timeZone, 'en');
    return {
      periodId,
      announcement: a
        ? {
            periodId,
            announcedAt: new Date(a.announced_at).toISOString(),
            appealFilingClosesAt: new Date(a.filing_closes_at).toISOString(),
            appealFilingClosesAtLocal: local(new Date(a.filing_closes_at)),
            appealAnsweringClosesAt: new Date(a.answering_closes_at).toISOString(),
            appealAnsweringClosesAtLocal: local(new Date(a.answering_closes_at)),
            eligible: a.eligible,
            ineligible: a.ineligible,
          }
        : null,
      finalizedAt: a?.finalized_at ? new Date(a.finalized_at).toISOString() : null,
      finalizedAtLocal: a?.finalized_at ? local(new Date(a.finalized_at)) : null,
    };
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
