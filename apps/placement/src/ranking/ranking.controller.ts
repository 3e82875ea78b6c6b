import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { DomainError } from '@seleksi/messaging';
import { ComputeRankingsResponseDto, FormationRankingParams, mapEntry, PeriodParams, RankingResponseDto } from './ranking.dto';
import { RankingRepository } from './ranking.repository';
import { ComputeRankings } from './usecases/compute-rankings/compute-rankings.usecase';

@ApiTags('rankings')
@ApiBearerAuth()
@Roles('placement-officer', 'admin')
@Controller('periods/:periodId')
export class RankingController {
  constructor(
    private readonly compute: ComputeRankings,
    private readonly rankings: RankingRepository,
  ) {}

  @Post('rankings')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ComputeRankingsResponseDto })
  computeRankings(@Param() params: PeriodParams, @CurrentPrincipal() p: Principal): Promise<ComputeRankingsResponseDto> {
    return this.compute.execute({ periodId: params.periodId, by: p.id });
  }

  @Get('formations/:formationId/ranking')
  @ApiOkResponse({ type: RankingResponseDto })
  async ranking(@Param() params: FormationRankingParams): Promise<RankingResponseDto> {
    const ranking = await this.rankings.read(params.periodId, params.formationId);
    if (!ranking) throw new DomainError('RANKING_NOT_FOUND', 'no ranking has been computed for this formation', HttpStatus.NOT_FOUND, 'formationId');
    return {
      periodId: params.periodId,
      formationId: params.formationId,
      inputsDigest: ranking.inputsDigest,
      computedAt: ranking.computedAt.toISOString(),
      entries: ranking.entries.map(mapEntry),
    };
  }
}
