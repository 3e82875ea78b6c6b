import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { HandoversService } from './handovers.service';
import { ScreeningReconciliationDto } from './reconciliation.dto';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:periodId')
@Roles('admin')
export class ReconciliationController {
  constructor(private readonly handovers: HandoversService) {}

  @Get('reconciliation')
  @ApiOperation({
    summary:
      "The period at screening: registration's hand-over against the cases held, counts per formation, and every stuck application with whom it waits on",
  })
  @ApiOkResponse({ type: ScreeningReconciliationDto })
  reconciliation(@UuidParam('periodId') periodId: string): Promise<ScreeningReconciliationDto> {
    return this.handovers.reconciliation(periodId);
  }
}
