import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import {
  ChangedResponse,
  ComponentScoreParams,
  ImportRejectedResponse,
  ImportScoresResponse,
  ParticipantParams,
  PeriodParams,
  RecordAttendanceDto,
  RecordScoreDto,
} from './scores.dto';
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
  ) {}

  @Post('score-imports')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'participant_number,component,score — UTF-8; score is a number, TH or DIS', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportScoresResponse })
  @ApiUnprocessableEntityResponse({ type: ImportRejectedResponse, description: 'nothing was imported' })
  @ApiPayloadTooLargeResponse({ description: 'body over HTTP_BODY_LIMIT_BYTES or rows over SKB_IMPORT_MAX_ROWS' })
  // `unknown`, not Buffer: the validation pipe must leave the raw body alone; the parser checks it is a Buffer.
  import(@Param() params: PeriodParams, @Body() body: unknown): Promise<ImportScoresResponse> {
    return this.importScores.execute({ periodId: params.periodId, body });
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
