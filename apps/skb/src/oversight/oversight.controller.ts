import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { PeriodParams } from '../scores/scores.dto';
import { FormationOutcomeCountsResponse } from './oversight.dto';
import { OversightService } from './oversight.service';

/** Counts only, no names: what the admin's period dashboard needs from skb. */
@ApiTags('admin oversight')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/periods/:periodId')
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  @Get('outcome-counts')
  @ApiOperation({ summary: "Each formation's participants and SKB outcomes (P/L, P, TL, TH, DIS); empty for a period skb has not heard of" })
  @ApiOkResponse({ type: [FormationOutcomeCountsResponse] })
  outcomeCounts(@Param() params: PeriodParams): Promise<FormationOutcomeCountsResponse[]> {
    return this.oversight.outcomeCounts(params.periodId);
  }
}
