import { DomainError } from '@seleksi/messaging';
import { newSkbRules } from '@seleksi/testing';
import { parseScoreCsv } from '../src/scores/score-csv';

const rules = newSkbRules();
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const HEADER = 'participant_number,component,score';
const codes = (body: Buffer) => parseScoreCsv(body, rules, 100).problems.map((p) => [p.line, p.code]);
const refusal = (body: unknown, maxRows = 100) => {
  try {
    parseScoreCsv(body, rules, maxRows);
  } catch (error) {
    return [(error as DomainError).code, (error as DomainError).status];
  }
  return undefined;
};

describe('parseScoreCsv', () => {
  it('reads good rows column by column, with TH and DIS as attendance', () => {
    const { rows, problems } = parseScoreCsv(csv(HEADER, 'A-00001,cat,412.5', 'A-00002,cat,TH', 'A-00003,cat,dis', ''), rules, 100);
    expect(problems).toEqual([]);
    expect(rows).toEqual({
      lines: [2, 3, 4],
      participantNumbers: ['A-00001', 'A-00002', 'A-00003'],
      components: ['cat', 'cat', 'cat'],
      values: [412.5, null, null],
      attendance: [null, 'TH', 'DIS'],
    });
  });

  it('accepts a BOM, CRLF line ends and quoted cells', () => {
    const { rows, problems } = parseScoreCsv(Buffer.from(`\ufeff${HEADER}\r\n"A-00001","cat","300"\r\n`, 'utf8'), rules, 100);
    expect(problems).toEqual([]);
    expect(rows.values).toEqual([300]);
  });

  it.each([
    ['a score out of range', 'A-00001,cat,500.5', 'SCORE_OUT_OF_RANGE'],
    ['a non-numeric score', 'A-00001,cat,tinggi', 'NOT_NUMERIC'],
    ['a decimal comma', 'A-00001,cat,"412,5"', 'NOT_NUMERIC'],
    ['a missing score', 'A-00001,cat,', 'MISSING_SCORE'],
    ['an unknown component', 'A-00001,wawancara,80', 'UNKNOWN_COMPONENT'],
    ['a missing component', 'A-00001,,80', 'MISSING_COMPONENT'],
    ['a component entered by officers', 'A-00001,practical,80', 'COMPONENT_NOT_IMPORTED'],
    ['a missing participant number', ',cat,80', 'MISSING_PARTICIPANT_NUMBER'],
    ['a formula with =', 'A-00001,cat,=1+1', 'FORMULA_CELL'],
    ['a formula with +', '+A-00001,cat,80', 'FORMULA_CELL'],
    ['a formula with @', 'A-00001,@SUM(A1),80', 'FORMULA_CELL'],
    ['a negative score (read as a formula)', 'A-00001,cat,-5', 'FORMULA_CELL'],
    ['too few columns', 'A-00001,cat', 'WRONG_COLUMN_COUNT'],
    ['too many columns', 'A-00001,cat,80,x', 'WRONG_COLUMN_COUNT'],
    ['unbalanced quotes', 'A-00001,"cat,80', 'MALFORMED_ROW'],
  ])('reports %s with its line number', (_what, row, code) => {
    expect(codes(csv(HEADER, 'A-00009,cat,100', row))).toEqual([[3, code]]);
  });

  it('reports a duplicate row naming the first line', () => {
    const { problems } = parseScoreCsv(csv(HEADER, 'A-00001,cat,100', 'A-00002,cat,100', 'A-00001,cat,120'), rules, 100);
    expect(problems).toEqual([{ line: 4, participantNumber: 'A-00001', field: 'row', code: 'DUPLICATE_ROW', message: expect.stringContaining('line 2') }]);
  });

  it('names the participant of a bad row, but never echoes a formula cell', () => {
    const { problems } = parseScoreCsv(csv(HEADER, 'A-00001,cat,x', '=SUM(A1),cat,1', 'A-00003,=1+1,1'), rules, 100);
    expect(problems.map((p) => [p.line, p.participantNumber, p.code])).toEqual([
      [2, 'A-00001', 'NOT_NUMERIC'],
      [3, undefined, 'FORMULA_CELL'],
      [4, 'A-00003', 'FORMULA_CELL'],
    ]);
  });

  it.each([
    ['a wrong header', csv('nomor,komponen,nilai', 'A-00001,cat,1'), 'CSV_HEADER', 422],
    ['a header missing a column', csv('participant_number,score', 'A-00001,1'), 'CSV_HEADER', 422],
    ['a file that is not UTF-8', Buffer.concat([Buffer.from(`${HEADER}\nA-00001,cat,1\nN\xe9`, 'latin1')]), 'CSV_ENCODING', 422],
    ['a header without rows', csv(HEADER, ''), 'CSV_EMPTY', 422],
    ['an empty body', Buffer.alloc(0), 'CSV_EMPTY', 422],
    ['a JSON body', { rows: [] }, 'CSV_EMPTY', 422],
  ])('refuses %s as a whole', (_what, body, code, status) => {
    expect(refusal(body)).toEqual([code, status]);
  });

  it('refuses more rows than the limit with 413', () => {
    expect(refusal(csv(HEADER, 'A-1,cat,1', 'A-2,cat,1', 'A-3,cat,1'), 2)).toEqual(['CSV_TOO_MANY_ROWS', 413]);
  });
});
