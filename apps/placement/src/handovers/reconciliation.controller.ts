import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodParams } from '../ranking/ranking.dto';
import { HandoversService } from './handovers.service';
import { PlacementReconciliationDto } from './reconciliation.dto';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class ReconciliationController {
  constructor(private readonly handovers: HandoversService) {}

  @Get('reconciliation')
  @ApiOperation({
    summary:
      "The period at placement: skb's and interview's hand-overs against the results held, counts per formation, and every result still awaited with whom it waits on",
  })
  @ApiOkResponse({ type: PlacementReconciliationDto })
  reconciliation(@Param() params: PeriodParams): Promise<PlacementReconciliationDto> {
    return this.handovers.reconciliation(params.periodId);
  }
}
