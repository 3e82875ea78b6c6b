import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { BulkDecisionDto, CaseDetailDto, DecisionDto, DecisionResultDto, QueuePageDto, QueueQueryDto } from './cases.dto';
import { CasesService } from './cases.service';
import { DecideCases } from './usecases/decide-cases/decide-cases.usecase';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly decide: DecideCases,
  ) {}

  @Get('queue')
  @Roles('verifier')
  @ApiOkResponse({ type: QueuePageDto, description: "The caller's assigned, undecided cases, oldest first" })
  queue(@CurrentPrincipal() p: Principal, @Query() query: QueueQueryDto): Promise<QueuePageDto> {
    return this.cases.queue(p.id, query);
  }

  @Post('decisions')
  @HttpCode(200)
  @Roles('verifier')
  @ApiOkResponse({ type: DecisionResultDto, description: 'One result and reason for many cases, all or nothing' })
  decideMany(@CurrentPrincipal() p: Principal, @Body() dto: BulkDecisionDto): Promise<DecisionResultDto> {
    return this.decide.execute({ verifierId: p.id, ...dto });
  }

  @Get(':applicationId')
  @Roles('verifier', 'admin')
  @ApiOkResponse({ type: CaseDetailDto, description: 'Submission, document references and checks; the view is audited' })
  detail(@CurrentPrincipal() p: Principal, @UuidParam('applicationId') applicationId: string): Promise<CaseDetailDto> {
    return this.cases.detail(p, applicationId);
  }

  @Post(':applicationId/decision')
  @HttpCode(200)
  @Roles('verifier')
  @ApiOkResponse({ type: DecisionResultDto })
  decideOne(@CurrentPrincipal() p: Principal, @UuidParam('applicationId') applicationId: string, @Body() dto: DecisionDto): Promise<DecisionResultDto> {
    return this.decide.execute({ verifierId: p.id, applicationIds: [applicationId], ...dto });
  }
}
