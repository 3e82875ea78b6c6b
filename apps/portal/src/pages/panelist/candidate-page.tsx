import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import type { InterviewSchemas } from '../../api/clients';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { LongOperation } from '../../components/long-operation';
import {
  type CandidateRef,
  useCalibrate,
  useCloseInterview,
  useDeclareConflict,
  usePanelistCandidate,
  usePanelSheets,
  useSaveSheet,
  useSubmitSheet,
} from '../../hooks/use-panelist';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { zoneOf } from './panelist-paths';

type Candidate = InterviewSchemas['schemas']['CandidateScoringDto'];
type Rubric = InterviewSchemas['schemas']['RubricViewDto'];
type Sheet = InterviewSchemas['schemas']['SheetDto'];

interface Entry {
  value?: number;
  justification: string;
}

/** The rubric sheet: one level per criterion, each level with its anchored description, and a justification; save (draft) or submit. */
function RubricSheet({ at, rubric, sheet }: { at: CandidateRef; rubric: Rubric; sheet: Sheet | null }) {
  const t = useT();
  const intl = useIntl();
  const save = useSaveSheet(at);
  const submit = useSubmitSheet(at);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      rubric.criteria.map((c) => {
        const saved = sheet?.scores.find((s) => s.criterion === c.key);
        return [c.key, { value: saved?.value, justification: saved?.justification ?? '' }];
      }),
    ),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const pending = save.isPending || submit.isPending;

  const set = (key: string, change: Partial<Entry>) => setEntries((all) => ({ ...all, [key]: { ...all[key], ...change } }));

  async function send(event: FormEvent, action: 'save' | 'submit') {
    event.preventDefault();
    setSaved(undefined);
    const found: Problem[] = [];
    for (const c of rubric.criteria) {
      if (entries[c.key].value === undefined) found.push({ fieldId: `level-${c.key}-0`, message: t('panelist.sheet.error.level', { criterion: c.label }) });
      if (!entries[c.key].justification.trim())
        found.push({ fieldId: `justification-${c.key}`, message: t('panelist.sheet.error.justification', { criterion: c.label }) });
    }
    setProblems(found);
    if (found.length) return;
    const scores = rubric.criteria.map((c) => ({ criterion: c.key, value: entries[c.key].value!, justification: entries[c.key].justification.trim() }));
    try {
      if (action === 'save') {
        await save.mutateAsync(scores);
        setSaved(t('panelist.sheet.saved'));
      } else {
        await submit.mutateAsync(scores);
      }
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  return (
    <form onSubmit={(e) => void send(e, 'submit')} noValidate aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('panelist.sheet.title', { rubric: rubric.label })}</h2>
      <p>{t('panelist.sheet.intro', { min: rubric.scaleMin, max: rubric.scaleMax })}</p>
      <ErrorSummary problems={problems} />
      {rubric.criteria.map((c) => (
        <fieldset key={c.key} className="criterion">
          <legend>{t('panelist.sheet.criterion', { criterion: c.label, weight: c.weight })}</legend>
          {[...c.anchors]
            .sort((a, b) => a.level - b.level)
            .map((anchor, i) => (
              <label key={anchor.level} className="choice">
                <input
                  type="radio"
                  id={`level-${c.key}-${i}`}
                  name={`level-${c.key}`}
                  value={anchor.level}
                  checked={entries[c.key].value === anchor.level}
                  onChange={() => set(c.key, { value: anchor.level })}
                />{' '}
                <strong>{t('panelist.sheet.level', { level: anchor.level })}</strong> {anchor.description}
              </label>
            ))}
          <label htmlFor={`justification-${c.key}`}>{t('panelist.sheet.justification', { criterion: c.label })}</label>
          <textarea
            id={`justification-${c.key}`}
            rows={2}
            maxLength={500}
            value={entries[c.key].justification}
            onChange={(e) => set(c.key, { justification: e.target.value })}
          />
        </fieldset>
      ))}
      <p role="status">{pending ? t('common.sending') : saved}</p>
      <p className="hint">{t('panelist.sheet.submitHint')}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={pending} onClick={(e) => void send(e, 'save')}>
          {t('panelist.sheet.save')}
        </button>
        <button type="submit" disabled={pending}>
          {t('panelist.sheet.submit')}
        </button>
      </div>
    </form>
  );
}

/** The panel's submitted sheets, criterion by criterion: the service shows them only once my own sheet is in. */
function PanelSheets({ at, candidate }: { at: CandidateRef; candidate: Candidate }) {
  const t = useT();
  const sheets = usePanelSheets(at, candidate.mySheet === 'SUBMITTED');
  const criteria = candidate.rubric?.criteria ?? [];
  const disputed = new Set(candidate.panel?.disputedCriteria ?? []);
  if (candidate.mySheet !== 'SUBMITTED') return null;
  return (
    <section aria-labelledby="panel-sheets-title">
      <h2 id="panel-sheets-title">{t('panelist.panel.title')}</h2>
      {candidate.panel && <p>{t('panelist.panel.progress', { submitted: candidate.panel.submitted, members: candidate.panel.members })}</p>}
      {sheets.isPending && <p role="status">{t('common.loading')}</p>}
      {sheets.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {sheets.data && (
        <table>
          <caption>{t('panelist.panel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panelist.panel.criterion')}</th>
              {sheets.data.map((s) => (
                <th scope="col" key={s.panelistId}>
                  {s.displayName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {c.label}
                  {disputed.has(c.key) && <> {t('panelist.panel.disputed')}</>}
                </th>
                {sheets.data.map((s) => {
                  const score = s.scores.find((x) => x.criterion === c.key);
                  return (
                    <td key={s.panelistId}>
                      {score ? (
                        <>
                          <strong>{score.value}</strong> {score.justification}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The chair's part: calibration when the panel disagrees beyond the period threshold, finalization, and a no-show. */
function ChairActions({ at, candidate, closing }: { at: CandidateRef; candidate: Candidate; closing: ReturnType<typeof useCloseInterview> }) {
  const t = useT();
  const intl = useIntl();
  const calibrate = useCalibrate(at);
  const sheets = usePanelSheets(at, candidate.mySheet === 'SUBMITTED');
  const [note, setNote] = useState('');
  const [reopen, setReopen] = useState('');
  const [reason, setReason] = useState('');
  const [calibrationProblems, setCalibrationProblems] = useState<Problem[]>([]);
  const panel = candidate.panel;
  const allIn = panel !== null && panel.submitted === panel.members;
  const needsNote = panel !== null && panel.calibrationRequired && !panel.calibrationNote;

  async function sendCalibration(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) {
      setCalibrationProblems([{ fieldId: 'calibration-note', message: t('panelist.calibration.error.note') }]);
      return;
    }
    setCalibrationProblems([]);
    try {
      await calibrate.mutateAsync({ note: note.trim(), ...(reopen ? { reopenPanelistId: reopen } : {}) });
      setNote('');
      setReopen('');
    } catch (error) {
      setCalibrationProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  function sendFinalize(event: FormEvent) {
    event.preventDefault();
    closing.start({ outcome: 'SCORED' });
  }

  function sendAbsent(event: FormEvent) {
    event.preventDefault();
    closing.start({ outcome: 'ABSENT', reason: reason.trim() });
  }

  return (
    <section aria-labelledby="chair-title">
      <h2 id="chair-title">{t('panelist.chair.title')}</h2>
      {!panel && <p>{t('panelist.chair.submitFirst')}</p>}
      {panel && !allIn && <p>{t('panelist.chair.waiting', { submitted: panel.submitted, members: panel.members })}</p>}
      {panel?.calibrationNote && (
        <p>
          {t('panelist.calibration.recorded')} <q>{panel.calibrationNote}</q>
        </p>
      )}
      {panel?.calibrationRequired && (
        <form onSubmit={(e) => void sendCalibration(e)} noValidate aria-labelledby="calibration-title">
          <h3 id="calibration-title">{t('panelist.calibration.title')}</h3>
          <p>
            {t('panelist.calibration.why', {
              threshold: panel.calibrationThreshold,
              criteria: panel.disputedCriteria.map((k) => candidate.rubric?.criteria.find((c) => c.key === k)?.label ?? k).join(', '),
            })}
          </p>
          <ErrorSummary problems={calibrationProblems} />
          <label htmlFor="calibration-note">{t('panelist.calibration.note')}</label>
          <textarea id="calibration-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          {!panel.reopenUsed && (
            <>
              <label htmlFor="calibration-reopen">{t('panelist.calibration.reopen')}</label>
              <select id="calibration-reopen" value={reopen} onChange={(e) => setReopen(e.target.value)}>
                <option value="">{t('panelist.calibration.reopenNone')}</option>
                {(sheets.data ?? []).map((s) => (
                  <option key={s.panelistId} value={s.panelistId}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="submit" disabled={calibrate.isPending}>
            {calibrate.isPending ? t('common.sending') : t('panelist.calibration.submit')}
          </button>
        </form>
      )}
      <form onSubmit={sendFinalize} noValidate aria-labelledby="finalize-title">
        <h3 id="finalize-title">{t('panelist.finalize.title')}</h3>
        <p>{t('panelist.finalize.intro')}</p>
        <button type="submit" disabled={closing.running || !allIn || needsNote}>
          {t('panelist.finalize.submit')}
        </button>
        {needsNote && <p className="hint">{t('panelist.finalize.needsCalibration')}</p>}
      </form>
      <form onSubmit={sendAbsent} noValidate aria-labelledby="absent-title">
        <h3 id="absent-title">{t('panelist.absent.title')}</h3>
        <label htmlFor="absent-reason">{t('panelist.absent.reason')}</label>
        <p className="hint" id="absent-reason-hint">
          {t('panelist.absent.hint')}
        </p>
        <textarea
          id="absent-reason"
          aria-describedby="absent-reason-hint"
          rows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={closing.running}>
          {t('panelist.absent.submit')}
        </button>
      </form>
    </section>
  );
}

/** Declaring a conflict of interest recuses me from this candidate: the page goes back to my list, which no longer shows them. */
function ConflictForm({ at }: { at: CandidateRef }) {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const declare = useDeclareConflict(at);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([{ fieldId: 'conflict-reason', message: t('panelist.conflict.error.reason') }]);
      return;
    }
    setProblems([]);
    try {
      await declare.mutateAsync(reason.trim());
      navigate('/staff/panelist', { state: { notice: t('panelist.conflict.done', { number: at.participantNumber }) } });
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  return (
    <details className="conflict">
      <summary>{t('panelist.conflict.title')}</summary>
      <form onSubmit={(e) => void send(e)} noValidate aria-label={t('panelist.conflict.title')}>
        <p>{t('panelist.conflict.intro')}</p>
        <ErrorSummary problems={problems} />
        <label htmlFor="conflict-reason">{t('panelist.conflict.reason')}</label>
        <textarea id="conflict-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={declare.isPending}>
          {declare.isPending ? t('common.sending') : t('panelist.conflict.submit')}
        </button>
      </form>
    </details>
  );
}

/** The closed interview as the service recorded it: leaving and coming back shows the same. */
function Result({ candidate }: { candidate: Candidate }) {
  const t = useT();
  const intl = useIntl();
  const result = candidate.result;
  if (!result) return null;
  return (
    <section aria-labelledby="result-title" className="result">
      <h2 id="result-title">{t('panelist.result.title')}</h2>
      <p role="status">
        {result.outcome === 'ABSENT'
          ? t('panelist.result.absent')
          : t('panelist.result.scored', { total: intl.formatNumber(result.total ?? 0, { maximumFractionDigits: 3 }) })}
      </p>
      {result.absentReason && (
        <p>
          {t('panelist.result.absentReason')} <q>{result.absentReason}</q>
        </p>
      )}
      <p>
        {t('panelist.result.at')} <LocalTime at={result.completedAt} zone={zoneOf(result.localCompletedAt)} />
      </p>
    </section>
  );
}

/** One candidate of my panel, by participant number: the sheet, the panel's sheets after mine, the chair's actions, the result. */
export function CandidatePage() {
  const t = useT();
  const intl = useIntl();
  const params = useParams();
  const at: CandidateRef = { panelId: params.panelId ?? '', participantNumber: params.participantNumber ?? '' };
  const query = usePanelistCandidate(at);
  const candidate = query.data;
  const closing = useCloseInterview(at, candidate?.chair ?? false);
  const open = candidate?.status === 'ASSIGNED';
  return (
    <>
      <PageTitle>{t('panelist.candidate.title', { number: at.participantNumber })}</PageTitle>
      <p>
        <Link to="/staff/panelist">{t('panelist.candidate.back')}</Link>
      </p>
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.isError && <p role="alert">{errorMessage(intl, query.error)}</p>}
      {candidate && (
        <>
          <dl className="facts">
            <dt>{t('panelist.candidate.formation')}</dt>
            <dd>{[candidate.formation.code, candidate.formation.position].filter(Boolean).join(' · ') || '—'}</dd>
            <dt>{t('panelist.candidate.slot')}</dt>
            <dd>
              {candidate.slot ? (
                <>
                  <LocalTime at={candidate.slot.startsAt} zone={zoneOf(candidate.slot.localStartsAt)} />, {candidate.slot.place}
                </>
              ) : (
                t('panelist.candidate.noSlot')
              )}
            </dd>
            <dt>{t('panelist.candidate.status')}</dt>
            <dd>{t(`panelist.status.${candidate.status}`)}</dd>
            <dt>{t('panelist.candidate.mySheet')}</dt>
            <dd>{t(`panelist.sheet.${candidate.mySheet}`)}</dd>
            <dt>{t('panelist.candidate.role')}</dt>
            <dd>{candidate.chair ? t('panelist.candidate.chair') : t('panelist.candidate.member')}</dd>
          </dl>
          {candidate.chair && (
            <LongOperation
              id="closing"
              operation={closing}
              title={t('panelist.closing.title')}
              running={t('panelist.closing.running')}
              summary={(closed) =>
                closed.outcome === 'ABSENT'
                  ? t('panelist.closing.absent')
                  : t('panelist.closing.scored', { total: intl.formatNumber(closed.total ?? 0, { maximumFractionDigits: 3 }) })
              }
            />
          )}
          <Result candidate={candidate} />
          {open && !candidate.rubric && <p role="alert">{t('error.RUBRIC_MISSING')}</p>}
          {open && candidate.rubric && candidate.mySheet !== 'SUBMITTED' && <RubricSheet at={at} rubric={candidate.rubric} sheet={candidate.sheet} />}
          {candidate.mySheet === 'SUBMITTED' && <p>{t('panelist.sheet.submittedNote')}</p>}
          <PanelSheets at={at} candidate={candidate} />
          {open && candidate.chair && <ChairActions at={at} candidate={candidate} closing={closing} />}
          {open && <ConflictForm at={at} />}
        </>
      )}
    </>
  );
}
