import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsService } from '../periods/periods.service';
import { DistributionResponse, FormationDistributionDto, mapResult, MyResultResponse } from './results.dto';
import { DistributionCell, ResultsRepository } from './results.repository';

/** Bands of the 0–100 total, for the chart: a presentation choice, not a rule of the period. */
const BAND_WIDTH = 10;
const BANDS = 100 / BAND_WIDTH;

function foldDistribution(cells: DistributionCell[]): FormationDistributionDto[] {
  const byCode = new Map<string, FormationDistributionDto & { sat: number; sum: number }>();
  for (const c of cells) {
    let f = byCode.get(c.formationCode);
    if (!f) {
      f = {
        formationCode: c.formationCode,
        position: c.position,
        quota: c.quota,
        participants: 0,
        outcomes: { 'P/L': 0, P: 0, TL: 0, TH: 0, DIS: 0 },
        bands: Array.from({ length: BANDS }, (_, k) => ({ from: k * BAND_WIDTH, to: (k + 1) * BAND_WIDTH, participants: 0 })),
        meanTotal: null,
        sat: 0,
        sum: 0,
      };
      byCode.set(c.formationCode, f);
    }
    f.participants += c.participants;
    f.outcomes[c.outcome as keyof FormationDistributionDto['outcomes']] += c.participants;
    if (c.band !== null) {
      f.bands[c.band].participants += c.participants;
      f.sat += c.participants;
      f.sum += c.sumTotal;
    }
  }
  return [...byCode.values()].map(({ sat, sum, ...f }) => ({ ...f, meanTotal: sat > 0 ? Math.round((sum / sat) * 100) / 100 : null }));
}

@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly results: ResultsRepository,
    private readonly periods: PeriodsService,
  ) {}

  /** Counts only, no person: each formation's outcomes and the spread of its totals, once final. */
  async distribution(periodId: string): Promise<DistributionResponse> {
    const manager = this.dataSource.manager;
    const period = await this.periods.require(manager, periodId);
    if (!period.finalizedAt)
      throw new DomainError('RESULTS_NOT_FINAL', 'periodId: the SKB results of this period are not finalized yet', HttpStatus.NOT_FOUND, 'periodId');
    return {
      finalizedAt: period.finalizedAt.toISOString(),
      formations: foldDistribution(await this.results.distribution(manager, periodId, BAND_WIDTH, BANDS)),
    };
  }

  /** Another applicant's result and a result not yet final look the same from outside: 404. */
  async mine(applicantId: string, periodId: string): Promise<MyResultResponse> {
    const result = await this.results.findForApplicant(this.dataSource.manager, applicantId, periodId);
    if (!result) throw new DomainError('RESULT_NOT_FOUND', 'periodId: no final SKB result of yours in this period', HttpStatus.NOT_FOUND, 'periodId');
    return mapResult(result);
  }
}
