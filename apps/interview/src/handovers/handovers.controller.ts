import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { HandoversService } from './handovers.service';
import { InterviewCompletionDto, InterviewReconciliationDto } from './reconciliation.dto';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @Post('completion')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Completes the period's interviews and hands them on to placement (InterviewPeriodCompleted): refused until interview holds every candidate skb handed on and each is scored or absent",
  })
  @ApiOkResponse({ type: InterviewCompletionDto })
  @ApiConflictResponse({ description: 'HANDOVER_NOT_RECEIVED, HANDOVER_INCOMPLETE, INTERVIEWS_OPEN or INTERVIEWS_ALREADY_COMPLETED' })
  complete(@UuidParam('periodId') periodId: string, @CurrentPrincipal() p: Principal): Promise<InterviewCompletionDto> {
    return this.handovers.complete(periodId, p.id);
  }

  @Get('reconciliation')
  @ApiOperation({
    summary:
      "The period at interview: skb's hand-over against the candidates held, counts per formation, the completion, and every stuck candidate with whom it waits on",
  })
  @ApiOkResponse({ type: InterviewReconciliationDto })
  reconciliation(@UuidParam('periodId') periodId: string): Promise<InterviewReconciliationDto> {
    return this.handovers.reconciliation(periodId);
  }
}
