import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodParams } from '../scores/scores.dto';
import { HandoversService } from './handovers.service';
import { SkbReconciliationDto } from './reconciliation.dto';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class ReconciliationController {
  constructor(private readonly handovers: HandoversService) {}

  @Get('reconciliation')
  @ApiOperation({
    summary: "The period at skb: screening's hand-over against the participants held, counts per formation, and every stuck participant with whom it waits on",
  })
  @ApiOkResponse({ type: SkbReconciliationDto })
  reconciliation(@Param() params: PeriodParams): Promise<SkbReconciliationDto> {
    return this.handovers.reconciliation(params.periodId);
  }
}
