import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsService } from '../periods/periods.service';
import { ScoreImportsRepository } from './score-imports.repository';
import { LatestImportResponse, ScoreSheetPage } from './scores.dto';
import { ScoresRepository } from './scores.repository';

/** What officers read back: the grid of scores and attendance, and the last import's outcome. */
@Injectable()
export class ScoresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly scores: ScoresRepository,
    private readonly imports: ScoreImportsRepository,
  ) {}

  async sheet(periodId: string, limit = 200, offset = 0): Promise<ScoreSheetPage> {
    const manager = this.dataSource.manager;
    const period = await this.periods.require(manager, periodId);
    return this.scores.sheetPage(manager, period, limit, offset);
  }

  async latestImport(periodId: string): Promise<LatestImportResponse> {
    const manager = this.dataSource.manager;
    await this.periods.require(manager, periodId);
    const found = await this.imports.latest(manager, periodId);
    if (!found) throw new DomainError('NO_IMPORT_YET', 'periodId: no score file was imported in this period yet', HttpStatus.NOT_FOUND, 'periodId');
    return {
      importedAt: found.importedAt.toISOString(),
      outcome: found.outcome,
      code: found.code,
      rows: found.rows,
      participantsChanged: found.participantsChanged,
      errorCount: found.errorCount,
      errors: found.errors,
    };
  }
}
