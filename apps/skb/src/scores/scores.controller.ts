import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import {
  ChangedResponse,
  ComponentScoreParams,
  ImportRejectedResponse,
  ImportScoresResponse,
  LatestImportResponse,
  ParticipantParams,
  PeriodParams,
  RecordAttendanceDto,
  RecordScoreDto,
  ScoreSheetPage,
  ScoreSheetQuery,
} from './scores.dto';
import { ScoresService } from './scores.service';
import { ImportScoresUseCase } from './usecases/import-scores/import-scores.usecase';
import { RecordScoreUseCase } from './usecases/record-score/record-score.usecase';

@ApiTags('scores')
@ApiBearerAuth()
@Roles('skb-officer', 'admin')
@Controller('periods/:periodId')
export class ScoresController {
  constructor(
    private readonly importScores: ImportScoresUseCase,
    private readonly recordScore: RecordScoreUseCase,
    private readonly scores: ScoresService,
  ) {}

  @Post('score-imports')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'participant_number,component,score — UTF-8; score is a number, TH or DIS', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportScoresResponse })
  @ApiUnprocessableEntityResponse({ type: ImportRejectedResponse, description: 'nothing was imported' })
  @ApiPayloadTooLargeResponse({ description: 'body over HTTP_BODY_LIMIT_BYTES or rows over SKB_IMPORT_MAX_ROWS' })
  // `unknown`, not Buffer: the validation pipe must leave the raw body alone; the parser checks it is a Buffer.
  import(@Param() params: PeriodParams, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ImportScoresResponse> {
    return this.importScores.execute({ periodId: params.periodId, body, importedBy: principal.id });
  }

  @Get('score-imports/latest')
  @ApiOkResponse({ type: LatestImportResponse, description: "the last import's outcome, applied or refused with its row report" })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND, NO_IMPORT_YET' })
  latestImport(@Param() params: PeriodParams): Promise<LatestImportResponse> {
    return this.scores.latestImport(params.periodId);
  }

  @Get('score-sheet')
  @ApiOkResponse({ type: ScoreSheetPage, description: "participants by number with their scores and attendance, the officers' grid" })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND' })
  sheet(@Param() params: PeriodParams, @Query() query: ScoreSheetQuery): Promise<ScoreSheetPage> {
    return this.scores.sheet(params.periodId, query.limit, query.offset);
  }

  @Put('participants/:participantNumber/scores/:component')
  @ApiOkResponse({ type: ChangedResponse })
  score(@Param() params: ComponentScoreParams, @Body() dto: RecordScoreDto): Promise<ChangedResponse> {
    return this.recordScore.score({ ...params, score: dto.score });
  }

  @Put('participants/:participantNumber/attendance')
  @ApiOkResponse({ type: ChangedResponse })
  attendance(@Param() params: ParticipantParams, @Body() dto: RecordAttendanceDto): Promise<ChangedResponse> {
    return this.recordScore.attendance({ ...params, attendance: dto.attendance });
  }
}
