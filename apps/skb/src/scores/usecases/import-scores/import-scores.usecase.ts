import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { tuneForBulk } from '../../../common/bulk-transaction';
import { Clock } from '../../../common/clock';
import { PeriodsService } from '../../../periods/periods.service';
import { SkbConfig } from '../../../skb.config';
import { parseScoreCsv, RowProblem, ScoreRows } from '../../score-csv';
import { ScoreImportsRepository } from '../../score-imports.repository';
import { ScoresEvents } from '../../scores-events';
import { ScoresRepository } from '../../scores.repository';

export interface ImportScoresCommand {
  periodId: string;
  body: unknown;
  /** The officer importing, kept with the import's outcome. */
  importedBy: string;
}

export interface ImportScoresResult {
  rows: number;
  scoresChanged: number;
  participantsChanged: number;
}

/** The report lists this many problems at most (a wholly wrong file would otherwise answer with megabytes). */
const MAX_REPORTED = 1_000;

/**
 * Imports a CAT score file all or nothing: every row is checked (by itself, then against the period's
 * participants), and only a file without a single bad row is applied, in one transaction: one
 * statement looks the participants up and writes scores, attendance and the set of participants whose
 * sheet changed, and one event batch stands for a SkbScoresRecorded for each of them.
 */
@Injectable()
export class ImportScoresUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly scores: ScoresRepository,
    private readonly events: ScoresEvents,
    private readonly clock: Clock,
    private readonly config: SkbConfig,
    private readonly imports: ScoreImportsRepository,
  ) {}

  async execute(command: ImportScoresCommand): Promise<ImportScoresResult> {
    try {
      return await this.apply(command);
    } catch (error) {
      // The refusal rolled the import back; its report is kept apart, so the workspace can show it again.
      if (error instanceof DomainError && error.code.startsWith('CSV_')) {
        const errors = (error.details?.errors as RowProblem[] | undefined) ?? [];
        await this.imports.record(this.dataSource.manager, command.periodId, {
          importedAt: this.clock.now(),
          importedBy: command.importedBy,
          outcome: 'REJECTED',
          code: error.code,
          rows: 0,
          participantsChanged: 0,
          errorCount: (error.details?.errorCount as number | undefined) ?? errors.length,
          errors,
        });
      }
      throw error;
    }
  }

  private async apply(command: ImportScoresCommand): Promise<ImportScoresResult> {
    return this.dataSource.transaction(async (manager) => {
      // The period row lock orders this import against finalize and other imports of the period.
      const period = await this.periods.require(manager, command.periodId, true);
      this.periods.requireNotFinalized(period);
      const { rows, problems } = parseScoreCsv(command.body, period.rules, this.config.SKB_IMPORT_MAX_ROWS);
      await tuneForBulk(manager);
      if (problems.length > 0) throw rejected([...problems, ...(await this.participantProblems(manager, period.periodId, rows, rows.participantNumbers))]);
      const changeSet = this.events.newChangeSet();
      const applied = await this.scores.applyImport(manager, period.periodId, rows, this.clock.now(), changeSet);
      // Rolls back what the statement wrote for the known participants: all or nothing.
      if (applied.unknown.length > 0) throw rejected(await this.participantProblems(manager, period.periodId, rows, applied.unknown));
      await this.events.recordedSet(manager, period, changeSet, applied.participantsChanged);
      await this.imports.record(manager, period.periodId, {
        importedAt: this.clock.now(),
        importedBy: command.importedBy,
        outcome: 'APPLIED',
        code: null,
        rows: rows.lines.length,
        participantsChanged: applied.participantsChanged,
        errorCount: 0,
        errors: [],
      });
      return { rows: rows.lines.length, scoresChanged: applied.scoresChanged, participantsChanged: applied.participantsChanged };
    });
  }

  /** A problem for every row whose participant number is not one of the period's (of the candidates given). */
  private async participantProblems(manager: EntityManager, periodId: string, rows: ScoreRows, candidates: string[]): Promise<RowProblem[]> {
    const unknown = await this.scores.unknownNumbers(manager, periodId, [...new Set(candidates)]);
    if (unknown.length === 0) return [];
    const elsewhere = new Map(unknown.map((u) => [u.number, u.elsewhere]));
    const problems: RowProblem[] = [];
    rows.participantNumbers.forEach((n, i) => {
      const other = elsewhere.get(n);
      if (other === undefined) return;
      problems.push(
        other
          ? {
              line: rows.lines[i],
              participantNumber: n,
              field: 'participant_number',
              code: 'PARTICIPANT_OF_ANOTHER_PERIOD',
              message: `participant ${n} belongs to another period`,
            }
          : {
              line: rows.lines[i],
              participantNumber: n,
              field: 'participant_number',
              code: 'UNKNOWN_PARTICIPANT',
              message: `no participant ${n} in this period`,
            },
      );
    });
    return problems;
  }
}

function rejected(problems: RowProblem[]): DomainError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return new DomainError(
    'CSV_REJECTED',
    `file: ${problems.length} bad row(s), nothing was imported; first on line ${sorted[0].line}: ${sorted[0].message}`,
    HttpStatus.UNPROCESSABLE_ENTITY,
    'file',
    { errorCount: problems.length, errors: sorted.slice(0, MAX_REPORTED) },
  );
}
