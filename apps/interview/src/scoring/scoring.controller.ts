import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import {
  AbsentDto,
  CalibrationDto,
  CalibrationRecordedDto,
  CandidateScoringDto,
  InterviewResultDto,
  PanelistCandidateDto,
  SaveSheetDto,
  SheetDto,
} from './scoring.dto';
import { ScoringService } from './scoring.service';
import { FinalizeInterview } from './usecases/finalize-interview/finalize-interview';

const CANDIDATE = 'panels/:panelId/candidates/:participantNumber';

/** The panelist's side: candidates by participant number and formation only. */
@ApiTags('scoring')
@ApiBearerAuth()
@Roles('panelist')
@Controller('panelist')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly finalizeInterview: FinalizeInterview,
  ) {}

  @Get('candidates')
  @ApiOkResponse({ type: PanelistCandidateDto, isArray: true })
  list(@CurrentPrincipal() p: Principal): Promise<PanelistCandidateDto[]> {
    return this.scoring.list(p);
  }

  @Get(CANDIDATE)
  @ApiOkResponse({ type: CandidateScoringDto })
  view(@CurrentPrincipal() p: Principal, @UuidParam('panelId') panelId: string, @Param('participantNumber') pn: string): Promise<CandidateScoringDto> {
    return this.scoring.view(p, panelId, pn);
  }

  @Put(`${CANDIDATE}/sheet`)
  @ApiOkResponse({ type: SheetDto })
  save(
    @CurrentPrincipal() p: Principal,
    @UuidParam('panelId') panelId: string,
    @Param('participantNumber') pn: string,
    @Body() dto: SaveSheetDto,
  ): Promise<SheetDto> {
    return this.scoring.save(p, panelId, pn, dto);
  }

  @Post(`${CANDIDATE}/sheet/submit`)
  @HttpCode(200)
  @ApiOkResponse({ type: SheetDto })
  submit(@CurrentPrincipal() p: Principal, @UuidParam('panelId') panelId: string, @Param('participantNumber') pn: string): Promise<SheetDto> {
    return this.scoring.submit(p, panelId, pn);
  }

  @Get(`${CANDIDATE}/sheets`)
  @ApiOkResponse({ type: SheetDto, isArray: true })
  sheets(@CurrentPrincipal() p: Principal, @UuidParam('panelId') panelId: string, @Param('participantNumber') pn: string): Promise<SheetDto[]> {
    return this.scoring.panelSheets(p, panelId, pn);
  }

  @Post(`${CANDIDATE}/calibration`)
  @ApiCreatedResponse({ type: CalibrationRecordedDto })
  calibrate(
    @CurrentPrincipal() p: Principal,
    @UuidParam('panelId') panelId: string,
    @Param('participantNumber') pn: string,
    @Body() dto: CalibrationDto,
  ): Promise<CalibrationRecordedDto> {
    return this.scoring.calibrate(p, panelId, pn, dto);
  }

  @Post(`${CANDIDATE}/finalize`)
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewResultDto })
  finalize(@CurrentPrincipal() p: Principal, @UuidParam('panelId') panelId: string, @Param('participantNumber') pn: string): Promise<InterviewResultDto> {
    return this.finalizeInterview.execute({ chairId: p.id, panelId, participantNumber: pn, outcome: 'SCORED' });
  }

  @Post(`${CANDIDATE}/absent`)
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewResultDto })
  @ApiUnprocessableEntityResponse({ description: 'ABSENT_REASON_REQUIRED: sheets were submitted, so the chair must say why' })
  absent(
    @CurrentPrincipal() p: Principal,
    @UuidParam('panelId') panelId: string,
    @Param('participantNumber') pn: string,
    @Body() body: AbsentDto,
  ): Promise<InterviewResultDto> {
    return this.finalizeInterview.execute({ chairId: p.id, panelId, participantNumber: pn, outcome: 'ABSENT', reason: body.reason });
  }
}
