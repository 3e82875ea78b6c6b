import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FormationOutcomeCountsResponse } from './oversight.dto';
import { OversightRepository } from './oversight.repository';

@Injectable()
export class OversightService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly oversight: OversightRepository,
  ) {}

  async outcomeCounts(periodId: string): Promise<FormationOutcomeCountsResponse[]> {
    const rows = await this.oversight.outcomeCounts(this.dataSource.manager, periodId);
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
