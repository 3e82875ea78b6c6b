import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { DataSource } from 'typeorm';
import { PeriodParams } from '../scores/scores.dto';
import { FormationOutcomeCountsResponse } from './oversight.dto';
import { OversightRepository } from './oversight.repository';

/** Counts only, no names: what the admin's period dashboard needs from skb. */
@ApiTags('admin oversight')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/periods/:periodId')
export class OversightController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly oversight: OversightRepository,
  ) {}

  @Get('outcome-counts')
  @ApiOperation({ summary: "Each formation's participants and SKB outcomes (P/L, P, TL, TH, DIS); empty for a period skb has not heard of" })
  @ApiOkResponse({ type: [FormationOutcomeCountsResponse] })
  async outcomeCounts(@Param() params: PeriodParams): Promise<FormationOutcomeCountsResponse[]> {
    const rows = await this.oversight.outcomeCounts(this.dataSource.manager, params.periodId);
    return rows.map((r) => ({
      formationId: r.formation_id,
      formationCode: r.code,
      participants: r.participants,
      finalized: r.finalized,
      proceeded: r.proceeded,
      passed: r.passed,
      failed: r.failed,
      absent: r.absent,
      disqualified: r.disqualified,
    }));
  }
}
