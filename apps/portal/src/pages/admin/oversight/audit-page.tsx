import { wallClockParts, isLocalTimeZone } from '@seleksi/time';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../../components/error-summary';
import { Field } from '../../../components/field';
import { PageTitle } from '../../../components/layout';
import { LocalTime } from '../../../components/local-time';
import { type AuditFilter, type AuditSource, useAgencyZone, useAuditPage } from '../../../hooks/use-admin-oversight';
import { useT } from '../../../i18n/locale';
import { errorMessage } from '../../../lib/messages';
import { OversightNav } from './oversight-nav';

/** The actions each service's log records (registration's route also takes a prefix such as `account.`). */
const ACTIONS: Record<AuditSource, string[]> = {
  registration: ['account.', 'account.nik-released', 'account.identity-corrected', 'document.viewed', 'staff.created'],
  screening: [
    'CASE_DECIDED',
    'CASE_VIEWED',
    'CASE_REASSIGNED',
    'CASES_DISTRIBUTED',
    'VERIFIER_REGISTERED',
    'APPEAL_RESOLVED',
    'APPEAL_REVIEWER_ASSIGNED',
    'RESULTS_ANNOUNCED',
    'PERIOD_FINALIZED',
  ],
  interview: ['LIST_CANDIDATES', 'VIEW_CANDIDATE', 'VIEW_PANEL_SCORES'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ['actorId', 'action', 'subject', 'from', 'to'] as const;

/** "2026-12-04T10:00" on the agency's wall clock as an ISO instant (the zones have fixed offsets). */
function instantOf(local: string, zone: string): string | undefined {
  if (!local) return undefined;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  const offsetHours = wallClockParts(new Date(0), isLocalTimeZone(zone) ? zone : 'WIB').hour;
  return new Date(asUtc - offsetHours * 3_600_000).toISOString();
}

/**
 * The audit trail: who did what to what, and when. Searched by actor, action, subject and time range
 * in one service's log at a time, paged by the log's own keyset cursor. The search lives in the
 * address, so a result can be shared or reloaded.
 */
export function AuditPage() {
  const t = useT();
  const intl = useIntl();
  const zone = useAgencyZone();
  const [params, setParams] = useSearchParams();
  const requested = params.get('source');
  const source: AuditSource = requested === 'screening' || requested === 'interview' ? requested : 'registration';
  const [form, setForm] = useState(() => Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FIELDS)[number], string>);
  const [formSource, setFormSource] = useState<AuditSource>(source);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [cursors, setCursors] = useState<string[]>([]);
  const searched = params.has('source');
  const filter: AuditFilter | undefined = searched
    ? {
        source,
        actorId: params.get('actorId') || undefined,
        action: params.get('action') || undefined,
        subject: params.get('subject') || undefined,
        from: instantOf(params.get('from') ?? '', zone),
        to: instantOf(params.get('to') ?? '', zone),
      }
    : undefined;
  const page = useAuditPage(filter, cursors.at(-1));

  function search(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (form.actorId.trim() && !UUID.test(form.actorId.trim())) found.push({ fieldId: 'audit-actorId', message: t('oversight.audit.error.actor') });
    if (formSource !== 'registration' && form.subject.trim() && !UUID.test(form.subject.trim())) {
      found.push({ fieldId: 'audit-subject', message: t('oversight.audit.error.subject') });
    }
    if (form.from && form.to && form.from >= form.to) found.push({ fieldId: 'audit-from', message: t('error.INVALID_TIME_RANGE') });
    setProblems(found);
    if (found.length) return;
    const next = new URLSearchParams({ source: formSource });
    for (const f of FIELDS) if (form[f].trim()) next.set(f, form[f].trim());
    setCursors([]);
    setParams(next);
  }

  return (
    <div className="staff-page">
      <PageTitle>{t('oversight.audit.title')}</PageTitle>
      <OversightNav />
      <p>{t('oversight.audit.intro', { zone })}</p>
      <form onSubmit={search} noValidate aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">{t('oversight.audit.search')}</h2>
        <ErrorSummary problems={problems} />
        <div className="field">
          <label htmlFor="audit-source">{t('oversight.audit.source')}</label>
          <select
            id="audit-source"
            value={formSource}
            onChange={(e) => {
              setFormSource(e.target.value as AuditSource);
              setForm((old) => ({ ...old, action: '' }));
            }}
          >
            <option value="registration">{t('oversight.audit.source.registration')}</option>
            <option value="screening">{t('oversight.audit.source.screening')}</option>
            <option value="interview">{t('oversight.audit.source.interview')}</option>
          </select>
        </div>
        <Field
          id="audit-actorId"
          label={t('oversight.audit.actor')}
          hint={t('oversight.audit.actorHint')}
          autoComplete="off"
          value={form.actorId}
          onChange={(e) => setForm({ ...form, actorId: e.target.value })}
        />
        <div className="field">
          <label htmlFor="audit-action">{t('oversight.audit.action')}</label>
          <select id="audit-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">{t('oversight.audit.action.any')}</option>
            {ACTIONS[formSource].map((action) => (
              <option key={action} value={action}>
                {t.or(`oversight.action.${action}`, action)}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="audit-subject"
          label={t('oversight.audit.subject')}
          hint={t(formSource === 'registration' ? 'oversight.audit.subjectHint.registration' : 'oversight.audit.subjectHint.application')}
          autoComplete="off"
          value={form.subject}
          onChange={(e) => setForm({ ...form, subject: e.target.value })}
        />
        <Field
          id="audit-from"
          type="datetime-local"
          label={t('oversight.audit.from', { zone })}
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <Field
          id="audit-to"
          type="datetime-local"
          label={t('oversight.audit.to', { zone })}
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <button type="submit">{t('oversight.audit.submit')}</button>
      </form>

      <section aria-labelledby="audit-results-title" aria-busy={page.isFetching}>
        <h2 id="audit-results-title">{t('oversight.audit.results')}</h2>
        {!searched && <p>{t('oversight.audit.prompt')}</p>}
        {page.isError && <p role="alert">{errorMessage(intl, page.error)}</p>}
        {page.data && page.data.items.length === 0 && <p role="status">{t('oversight.audit.none')}</p>}
        {page.data && page.data.items.length > 0 && (
          <table>
            <caption>{t('oversight.audit.caption', { page: cursors.length + 1 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('oversight.audit.at')}</th>
                <th scope="col">{t('oversight.audit.actor')}</th>
                <th scope="col">{t('oversight.audit.action')}</th>
                <th scope="col">{t('oversight.audit.subject')}</th>
                <th scope="col">{t('oversight.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <LocalTime at={entry.at} zone={zone} />
                  </td>
                  <td>{entry.actorId ?? t('oversight.audit.system')}</td>
                  <td>{t.or(`oversight.action.${entry.action}`, entry.action)}</td>
                  <td>{entry.subject ?? '—'}</td>
                  <td>
                    <Details details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.data && (cursors.length > 0 || page.data.nextCursor) && (
          <nav aria-label={t('oversight.audit.paging')}>
            {cursors.length > 0 && (
              <button type="button" className="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('oversight.audit.previous')}
              </button>
            )}
            {page.data.nextCursor && (
              <button type="button" className="secondary" onClick={() => setCursors((c) => [...c, page.data!.nextCursor!])}>
                {t('oversight.audit.next')}
              </button>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

/** An entry's details as label: value lines; the reason first, where there is one. */
function Details({ details }: { details: Record<string, unknown> }) {
  const t = useT();
  const entries = Object.entries(details).sort(([a], [b]) => (a === 'reason' ? -1 : b === 'reason' ? 1 : 0));
  if (entries.length === 0) return <>—</>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{t.or(`oversight.field.${key}`, key)}</dt>
          <dd>{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
