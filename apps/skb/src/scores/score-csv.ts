import { HttpStatus } from '@nestjs/common';
import { SkbRules } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { parse } from 'csv-parse/sync';

/**
 * The score file the testing system exports: UTF-8 (a BOM is allowed), comma-separated, a header line
 * `participant_number,component,score`, then one line per participant and component. `score` is a
 * non-negative decimal with a dot (`412.5`) or `TH` (absent) or `DIS` (disqualified). Quoted cells are
 * read as CSV, but a cell may not span lines.
 */
export const SCORE_CSV_HEADER = ['participant_number', 'component', 'score'] as const;

export interface RowProblem {
  line: number;
  /** The row's participant number as written, when the row has a readable one (for the report's table). */
  participantNumber?: string;
  field: string;
  code: string;
  message: string;
}

/** The file's rows, column by column (cheap to hand to `unnest`). */
export interface ScoreRows {
  lines: number[];
  participantNumbers: string[];
  components: string[];
  /** null when the row records attendance instead. */
  values: (number | null)[];
  attendance: ('TH' | 'DIS' | null)[];
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** First characters a spreadsheet would run as a formula (CSV injection): = + - @ tab CR. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** A cell that starts a formula, as written or once trimmed: refused, never stored. */
function isFormula(cell: string, trimmed: string): boolean {
  return FORMULA_START.has(cell.charCodeAt(0)) || FORMULA_START.has(trimmed.charCodeAt(0));
}

/** TH or DIS in any case (without building an upper-cased copy of every score). */
function attendanceOf(score: string): 'TH' | 'DIS' | null {
  if (score.length === 2 && score.toUpperCase() === 'TH') return 'TH';
  if (score.length === 3 && score.toUpperCase() === 'DIS') return 'DIS';
  return null;
}

function splitLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const [cells] = parse(line, { relax_column_count: true }) as string[][];
  return cells ?? [];
}

export function decodeUtf8(body: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new DomainError('CSV_ENCODING', 'file: the score file is not valid UTF-8 text', HttpStatus.UNPROCESSABLE_ENTITY, 'file');
  }
}

/**
 * Reads and checks every row on its own (the database checks come after, in the import): header,
 * column count, formulas, component, number and range, duplicates. Whole-file problems (encoding,
 * header, row limit) throw; row problems are listed with their line numbers (the header is line 1).
 */
export function parseScoreCsv(body: unknown, rules: SkbRules, maxRows: number): { rows: ScoreRows; problems: RowProblem[] } {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new DomainError('CSV_EMPTY', 'file: send the score file as the request body (Content-Type: text/csv)', HttpStatus.UNPROCESSABLE_ENTITY, 'file');
  }
  const text = decodeUtf8(body);
  const physical = text.split('\n');
  const header = splitLine(physical[0].replace(/\r$/, '')).map((h) => h.trim().toLowerCase());
  if (header.length !== SCORE_CSV_HEADER.length || header.some((h, i) => h !== SCORE_CSV_HEADER[i])) {
    throw new DomainError(
      'CSV_HEADER',
      `header: the first line must be "${SCORE_CSV_HEADER.join(',')}", got "${physical[0].slice(0, 200).trim()}"`,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'header',
    );
  }
  const components = new Map(rules.components.map((c) => [c.component, c]));
  const rows: ScoreRows = { lines: [], participantNumbers: [], components: [], values: [], attendance: [] };
  const problems: RowProblem[] = [];
  // First line of each participant number, per component (no key strings built per row: files run to a million rows).
  const seen = new Map<string, Map<string, number>>();
  let dataRows = 0;
  for (let i = 1; i < physical.length; i++) {
    const raw = physical[i].endsWith('\r') ? physical[i].slice(0, -1) : physical[i];
    if (raw.trim() === '') continue;
    if (++dataRows > maxRows) {
      throw new DomainError('CSV_TOO_MANY_ROWS', `file: at most ${maxRows} rows per file; split it`, HttpStatus.PAYLOAD_TOO_LARGE, 'file');
    }
    const line = i + 1;
    let participantNumber: string | undefined;
    const problem = (field: string, code: string, message: string) =>
      problems.push(participantNumber ? { line, participantNumber, field, code, message } : { line, field, code, message });
    let cells: string[];
    try {
      cells = splitLine(raw);
    } catch {
      problem('row', 'MALFORMED_ROW', 'the row is not valid CSV (unbalanced quotes?)');
      continue;
    }
    if (cells.length !== SCORE_CSV_HEADER.length) {
      problem('row', 'WRONG_COLUMN_COUNT', `expected ${SCORE_CSV_HEADER.length} columns, got ${cells.length}`);
      continue;
    }
    const numberCell = cells[0].trim();
    const componentCell = cells[1].trim();
    const scoreCell = cells[2].trim();
    const formula = isFormula(cells[0], numberCell)
      ? 'participant_number'
      : isFormula(cells[1], componentCell)
        ? 'component'
        : isFormula(cells[2], scoreCell)
          ? 'score'
          : undefined;
    // Only a non-formula number is echoed back (a formula cell must never reach a spreadsheet again).
    if (formula !== 'participant_number' && numberCell !== '') participantNumber = numberCell.slice(0, 64);
    if (formula) {
      problem(formula, 'FORMULA_CELL', `${formula}: a cell may not start with =, +, -, @ or a tab (spreadsheet formula)`);
      continue;
    }
    let bad = false;
    if (numberCell === '') {
      problem('participant_number', 'MISSING_PARTICIPANT_NUMBER', 'participant_number is empty');
      bad = true;
    }
    const rule = components.get(componentCell);
    if (componentCell === '') {
      problem('component', 'MISSING_COMPONENT', 'component is empty');
      bad = true;
    } else if (!rule) {
      problem('component', 'UNKNOWN_COMPONENT', `component "${componentCell.slice(0, 40)}" is not one of this period's: ${[...components.keys()].join(', ')}`);
      bad = true;
    } else if (rule.source !== 'IMPORT') {
      problem('component', 'COMPONENT_NOT_IMPORTED', `component "${componentCell}" is entered by SKB officers, not imported`);
      bad = true;
    }
    let value: number | null = null;
    const attendance = attendanceOf(scoreCell);
    if (attendance) {
      // Recorded as attendance, never as a score.
    } else if (scoreCell === '') {
      problem('score', 'MISSING_SCORE', 'score is empty (use TH for absent, DIS for disqualified)');
      bad = true;
    } else if (!DECIMAL.test(scoreCell)) {
      problem('score', 'NOT_NUMERIC', `score "${scoreCell.slice(0, 40)}" is not a number like 412.5, TH or DIS`);
      bad = true;
    } else {
      value = Number(scoreCell);
      if (rule && value > rule.maxScore) {
        problem('score', 'SCORE_OUT_OF_RANGE', `score ${scoreCell} is outside 0–${rule.maxScore} for ${rule.component}`);
        bad = true;
      }
    }
    if (numberCell !== '' && componentCell !== '') {
      let firstLines = seen.get(componentCell);
      if (!firstLines) seen.set(componentCell, (firstLines = new Map()));
      const first = firstLines.get(numberCell);
      if (first !== undefined) {
        problem('row', 'DUPLICATE_ROW', `participant ${numberCell} already has a ${componentCell} row on line ${first}`);
        bad = true;
      } else firstLines.set(numberCell, line);
    }
    if (bad) continue;
    rows.lines.push(line);
    rows.participantNumbers.push(numberCell);
    rows.components.push(componentCell);
    rows.values.push(value);
    rows.attendance.push(attendance);
  }
  if (dataRows === 0) throw new DomainError('CSV_EMPTY', 'file: the score file has a header but no rows', HttpStatus.UNPROCESSABLE_ENTITY, 'file');
  return { rows, problems };
}
