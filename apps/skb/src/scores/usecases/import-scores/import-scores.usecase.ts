import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { PeriodsService } from '../../../periods/periods.service';
import { SkbConfig } from '../../../skb.config';
import { parseScoreCsv, RowProblem } from '../../score-csv';
import { ScoresEvents } from '../../scores-events';
import { ScoresRepository } from '../../scores.repository';

export interface ImportScoresCommand {
  periodId: string;
  body: unknown;
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
 * participants), and only a file without a single bad row is applied, in one transaction with one
 * statement per kind of change. A participant whose sheet changed gets one SkbScoresRecorded.
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
  ) {}

  async execute(command: ImportScoresCommand): Promise<ImportScoresResult> {
    return this.dataSource.transaction(async (manager) => {
      // The period row lock orders this import against finalize and other imports of the period.
      const period = await this.periods.require(manager, command.periodId, true);
      this.periods.requireNotFinalized(period);
      const { rows, problems } = parseScoreCsv(command.body, period.rules, this.config.SKB_IMPORT_MAX_ROWS);

      const { here, elsewhere } = await this.scores.classifyNumbers(manager, period.periodId, [...new Set(rows.participantNumbers)]);
      rows.participantNumbers.forEach((n, i) => {
        if (here.has(n)) return;
        problems.push(
          elsewhere.has(n)
            ? { line: rows.lines[i], field: 'participant_number', code: 'PARTICIPANT_OF_ANOTHER_PERIOD', message: `participant ${n} belongs to another period` }
            : { line: rows.lines[i], field: 'participant_number', code: 'UNKNOWN_PARTICIPANT', message: `no participant ${n} in this period` },
        );
      });
      if (problems.length > 0) throw rejected(problems);

      const scored = { numbers: [] as string[], components: [] as string[], values: [] as number[] };
      const marked = new Map<string, 'TH' | 'DIS'>();
      rows.participantNumbers.forEach((n, i) => {
        const value = rows.values[i];
        const attendance = rows.attendance[i];
        if (attendance) {
          // DIS outranks TH when a file says both.
          if (marked.get(n) !== 'DIS') marked.set(n, attendance);
        } else if (value !== null) {
          scored.numbers.push(n);
          scored.components.push(rows.components[i]);
          scored.values.push(value);
        }
      });
      const now = this.clock.now();
      const scoreChanged = await this.scores.upsertScores(manager, period.periodId, scored.numbers, scored.components, scored.values, now);
      const attendanceChanged = await this.scores.setAttendance(manager, period.periodId, [...marked.keys()], [...marked.values()]);
      const changed = [...new Set([...scoreChanged, ...attendanceChanged])];
      await this.events.recorded(manager, period, changed);
      return { rows: rows.lines.length, scoresChanged: scoreChanged.length, participantsChanged: changed.length };
    });
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
