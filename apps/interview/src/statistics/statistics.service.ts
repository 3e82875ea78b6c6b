import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodsRepository } from '../periods/periods.repository';
import { notFound } from '../shared/errors';
import { raterStatistics } from './rater-statistics';
import { FormationInterviewCountsDto } from './interview-counts.dto';
import { RaterStatisticsDto } from './statistics.dto';
import { StatisticsRepository } from './statistics.repository';

@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: StatisticsRepository,
    private readonly periods: PeriodsRepository,
  ) {}

  async raters(periodId: string): Promise<RaterStatisticsDto[]> {
    const m = this.dataSource.manager;
    const period = await this.periods.period(m, periodId);
    if (!period) throw notFound('PERIOD_UNKNOWN', 'no opened period with this id', 'periodId');
    const names = await this.statistics.displayNames(m, periodId);
    return raterStatistics(await this.statistics.countedScores(m, periodId), period.calibrationThreshold).map((s) => ({
      ...s,
      displayName: names.get(s.panelistId) ?? '',
    }));
  }

  async interviewCounts(periodId: string): Promise<FormationInterviewCountsDto[]> {
    const m = this.dataSource.manager;
    if (!(await this.periods.period(m, periodId))) throw notFound('PERIOD_UNKNOWN', 'no opened period with this id', 'periodId');
    return this.statistics.interviewCounts(m, periodId);
  }
}
