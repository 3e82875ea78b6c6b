import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { PeriodParams } from '../scores/scores.dto';
import { DistributionResponse, FinalizeResponse, MyResultResponse } from './results.dto';
import { ResultsService } from './results.service';
import { FinalizeResultsUseCase } from './usecases/finalize-results/finalize-results.usecase';

@ApiTags('results')
@ApiBearerAuth()
@Controller()
export class ResultsController {
  constructor(
    private readonly finalizeResults: FinalizeResultsUseCase,
    private readonly results: ResultsService,
  ) {}

  @Post('periods/:periodId/finalize')
  @HttpCode(200)
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: FinalizeResponse })
  @ApiConflictResponse({ description: 'ALREADY_FINALIZED, or SCORES_INCOMPLETE with the count of participants missing a score' })
  finalize(@Param() params: PeriodParams): Promise<FinalizeResponse> {
    return this.finalizeResults.execute({ periodId: params.periodId });
  }

  @Get('periods/:periodId/results/distribution')
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: DistributionResponse })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND, RESULTS_NOT_FINAL' })
  distribution(@Param() params: PeriodParams): Promise<DistributionResponse> {
    return this.results.distribution(params.periodId);
  }

  @Get('me/periods/:periodId/result')
  @Roles('applicant')
  @ApiOkResponse({ type: MyResultResponse })
  mine(@Param() params: PeriodParams, @CurrentPrincipal() principal: Principal): Promise<MyResultResponse> {
    return this.results.mine(principal.id, params.periodId);
  }
}
