import { type KeyboardEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { useQueryClient } from '@tanstack/react-query';
import { type SheetRow, type SkbPeriod, useRecordAttendance, useRecordScore, useScoreSheet } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';

type Component = SkbPeriod['components'][number];

const cellId = (row: number, column: number) => `grid-${row}-${column}`;

/** Up and Down (and Enter, after saving) move to the same column of the next row, as in a spreadsheet. */
function moveFocus(event: KeyboardEvent, row: number, column: number, rows: number) {
  const next = event.key === 'ArrowUp' ? row - 1 : event.key === 'ArrowDown' || event.key === 'Enter' ? row + 1 : undefined;
  if (next === undefined || next < 0 || next >= rows) return;
  event.preventDefault();
  document.getElementById(cellId(next, column))?.focus();
}

function scoreOf(row: SheetRow, component: string): number | undefined {
  return row.scores.find((s) => s.component === component)?.value;
}

/**
 * Practical scores and attendance for every participant, by participant number: a table of inputs
 * that saves each cell when it is left or Enter is pressed, and announces what it saved.
 */
export function ScoreGrid({ period }: { period: SkbPeriod }) {
  const t = useT();
  const intl = useIntl();
  const client = useQueryClient();
  const sheet = useScoreSheet(period.periodId);
  const recordScore = useRecordScore(period.periodId);
  const recordAttendance = useRecordAttendance(period.periodId);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [said, setSaid] = useState('');
  const manual = period.components.filter((c) => c.source === 'MANUAL');
  const imported = period.components.filter((c) => c.source === 'IMPORT');
  const readOnly = Boolean(period.finalizedAt);
  const refresh = () => client.invalidateQueries({ queryKey: ['skb', period.periodId] });

  async function saveScore(row: SheetRow, c: Component) {
    const key = `${row.participantNumber}/${c.component}`;
    const draft = drafts[key];
    if (draft === undefined || draft.trim() === '' || Number(draft) === scoreOf(row, c.component)) return;
    const score = Number(draft.replace(',', '.'));
    if (!Number.isFinite(score) || score < 0 || score > c.maxScore) {
      setInvalid({ ...invalid, [key]: true });
      setSaid(t('skb.grid.outOfRange', { number: row.participantNumber, label: c.label, max: c.maxScore }));
      return;
    }
    try {
      await recordScore.mutateAsync({ participantNumber: row.participantNumber, component: c.component, score });
      setInvalid({ ...invalid, [key]: false });
      setSaid(t('skb.grid.saved', { number: row.participantNumber, label: c.label, score }));
      await refresh();
    } catch (error) {
      setInvalid({ ...invalid, [key]: true });
      setSaid(`${row.participantNumber}: ${errorMessage(intl, error)}`);
    }
  }

  async function saveAttendance(row: SheetRow, attendance: 'PRESENT' | 'TH' | 'DIS') {
    try {
      await recordAttendance.mutateAsync({ participantNumber: row.participantNumber, attendance });
      setSaid(t('skb.grid.attendanceSaved', { number: row.participantNumber, attendance: t(`skb.attendance.${attendance}`) }));
      await refresh();
    } catch (error) {
      setSaid(`${row.participantNumber}: ${errorMessage(intl, error)}`);
    }
  }

  if (sheet.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!sheet.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const rows = sheet.data.items;
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title">{t('skb.grid.title')}</h2>
      <p className="hint" id="grid-hint">
        {readOnly ? t('skb.grid.final') : t('skb.grid.hint')}
      </p>
      {sheet.data.total > rows.length && <p>{t('skb.grid.partial', { shown: rows.length, total: sheet.data.total })}</p>}
      <p role="status" className="muted">
        {said}
      </p>
      <table className="grid">
        <caption>{t('skb.grid.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skb.seats.number')}</th>
            <th scope="col">{t('skb.seats.formation')}</th>
            {imported.map((c) => (
              <th scope="col" key={c.component}>
                {t('skb.grid.imported', { label: c.label, max: c.maxScore })}
              </th>
            ))}
            {manual.map((c) => (
              <th scope="col" key={c.component}>
                {t('skb.grid.manual', { label: c.label, max: c.maxScore })}
              </th>
            ))}
            <th scope="col">{t('skb.grid.attendance')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.participantNumber}>
              <th scope="row">{row.participantNumber}</th>
              <td>{row.formationCode}</td>
              {imported.map((c) => (
                <td key={c.component}>{scoreOf(row, c.component) ?? '—'}</td>
              ))}
              {manual.map((c, k) => {
                const key = `${row.participantNumber}/${c.component}`;
                const stored = scoreOf(row, c.component);
                return (
                  <td key={c.component}>
                    <input
                      id={cellId(r, k)}
                      className="cell"
                      inputMode="decimal"
                      aria-label={t('skb.grid.cellLabel', { label: c.label, number: row.participantNumber })}
                      aria-describedby="grid-hint"
                      aria-invalid={invalid[key] || undefined}
                      readOnly={readOnly || row.attendance !== null}
                      value={drafts[key] ?? (stored === undefined ? '' : String(stored))}
                      onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })}
                      onBlur={() => void saveScore(row, c)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void saveScore(row, c);
                        moveFocus(e, r, k, rows.length);
                      }}
                    />
                  </td>
                );
              })}
              <td>
                <select
                  id={cellId(r, manual.length)}
                  aria-label={t('skb.grid.attendanceLabel', { number: row.participantNumber })}
                  disabled={readOnly}
                  value={row.attendance ?? 'PRESENT'}
                  onChange={(e) => void saveAttendance(row, e.target.value as 'PRESENT' | 'TH' | 'DIS')}
                >
                  {(['PRESENT', 'TH', 'DIS'] as const).map((a) => (
                    <option key={a} value={a}>
                      {t(`skb.attendance.${a}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
