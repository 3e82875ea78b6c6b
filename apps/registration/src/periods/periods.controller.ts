import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { CreatePeriodDto, PeriodDefaultsResponse, PeriodResponse } from './periods.dto';
import { PeriodsService } from './periods.service';

const PUBLISHED = ['open', 'closed'] as const;

@ApiTags('periods')
@Controller()
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Public()
  @Get('periods')
  @ApiOperation({ summary: 'Open and closed periods, newest first' })
  @ApiOkResponse({ type: [PeriodResponse] })
  listPublished(): Promise<PeriodResponse[]> {
    return this.periods.list([...PUBLISHED]);
  }

  @Public()
  @Get('periods/:periodId')
  @ApiOkResponse({ type: PeriodResponse })
  getPublished(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<PeriodResponse> {
    return this.periods.get(periodId, [...PUBLISHED]);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Get('admin/periods')
  @ApiOperation({ summary: 'Every period, drafts included' })
  @ApiOkResponse({ type: [PeriodResponse] })
  listAll(): Promise<PeriodResponse[]> {
    return this.periods.list(['draft', 'open', 'closed']);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Get('admin/periods/defaults')
  @ApiOperation({ summary: 'The rule defaults a new period and formation take for what they leave out' })
  @ApiOkResponse({ type: PeriodDefaultsResponse })
  defaults(): PeriodDefaultsResponse {
    return this.periods.defaults();
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Put('admin/periods/:periodId')
  @ApiOperation({ summary: "Replace a draft's settings and rules (409 PERIOD_NOT_DRAFT once opened)" })
  @ApiOkResponse({ type: PeriodResponse })
  update(@Param('periodId', UuidParam('periodId')) periodId: string, @Body() dto: CreatePeriodDto): Promise<PeriodResponse> {
    return this.periods.update(periodId, dto);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Post('admin/periods')
  @ApiOperation({ summary: 'Create a period in draft; unspecified rules take the defaults of domain.md' })
  @ApiOkResponse({ type: PeriodResponse })
  create(@Body() dto: CreatePeriodDto, @CurrentPrincipal() admin: Principal): Promise<PeriodResponse> {
    return this.periods.create(dto, admin.id);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Post('admin/periods/:periodId/open')
  @ApiOperation({ summary: 'Open a draft: freezes requirements, publishes PeriodOpened and every FormationPublished' })
  @ApiOkResponse({ type: PeriodResponse })
  open(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<PeriodResponse> {
    return this.periods.open(periodId);
  }

  @Roles('admin')
  @ApiBearerAuth()
  @Post('admin/periods/:periodId/close')
  @ApiOperation({ summary: 'Close an open period: PeriodClosed; no submission is taken afterwards' })
  @ApiOkResponse({ type: PeriodResponse })
  close(@Param('periodId', UuidParam('periodId')) periodId: string): Promise<PeriodResponse> {
    return this.periods.close(periodId);
  }
}
