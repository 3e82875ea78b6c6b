import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { RegistrationSchemas } from '../../../api/clients';
import { ApiError } from '../../../api/errors';
import { ErrorSummary, type Problem } from '../../../components/error-summary';
import { Field } from '../../../components/field';
import { PageTitle } from '../../../components/layout';
import { LocalTime } from '../../../components/local-time';
import { useAccountAudit, useAgencyZone, useCorrectIdentity, useReleaseNik } from '../../../hooks/use-admin-oversight';
import { useT } from '../../../i18n/locale';
import { errorMessage } from '../../../lib/messages';
import { OversightNav } from './oversight-nav';

type Released = RegistrationSchemas['schemas']['NikReleasedResponse'];
type Account = RegistrationSchemas['schemas']['AccountResponse'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the page says about a field the service refused (its checks mirror the page's own). */
const FIELD_MESSAGES: Record<string, string> = {
  nik: 'oversight.release.error.nik',
  reason: 'oversight.error.reason',
  evidence: 'oversight.release.error.evidence',
  accountId: 'oversight.correct.error.account',
  birthDate: 'error.DATE_OF_BIRTH_INVALID',
};

/** The server's problems as the summary lists them: a field's own error links to its input. */
function problemsOf(intl: ReturnType<typeof useIntl>, error: unknown, prefix: string, fields: string[]): Problem[] {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fieldProblems.length > 0) {
    return error.fieldProblems.map((p) => ({
      fieldId: fields.includes(p.field) ? `${prefix}-${p.field}` : undefined,
      message: intl.formatMessage({ id: FIELD_MESSAGES[p.field] ?? 'error.VALIDATION_FAILED' }),
    }));
  }
  const field = error instanceof ApiError && error.field && fields.includes(error.field) ? `${prefix}-${error.field}` : undefined;
  return [{ fieldId: field, message: errorMessage(intl, error) }];
}

/**
 * What only an admin may do to an applicant account, after the owner proved who they are: free a NIK
 * that someone else registered, and correct identity data. Both need a reason; each shows what it
 * did and the audit entry it left.
 */
export function IdentityPage() {
  const t = useT();
  return (
    <div className="staff-page">
      <PageTitle>{t('oversight.identity.title')}</PageTitle>
      <OversightNav />
      <p>{t('oversight.identity.intro')}</p>
      <div className="side-by-side">
        <ReleaseNikForm />
        <CorrectIdentityForm />
      </div>
    </div>
  );
}

function ReleaseNikForm() {
  const t = useT();
  const intl = useIntl();
  const release = useReleaseNik();
  const [nik, setNik] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [released, setReleased] = useState<Released>();

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!/^\d{16}$/.test(nik.trim())) found.push({ fieldId: 'release-nik', message: t('oversight.release.error.nik') });
    if (!reason.trim()) found.push({ fieldId: 'release-reason', message: t('oversight.error.reason') });
    if (!evidence.trim()) found.push({ fieldId: 'release-evidence', message: t('oversight.release.error.evidence') });
    setProblems(found);
    if (found.length) return;
    try {
      setReleased(await release.mutateAsync({ nik: nik.trim(), reason: reason.trim(), evidence: evidence.trim() }));
      setNik('');
      setReason('');
      setEvidence('');
    } catch (error) {
      setProblems(problemsOf(intl, error, 'release', ['nik', 'reason', 'evidence']));
    }
  }

  return (
    <section aria-labelledby="release-title">
      <form onSubmit={send} noValidate aria-labelledby="release-title">
        <h2 id="release-title">{t('oversight.release.title')}</h2>
        <p className="muted">{t('oversight.release.intro')}</p>
        <ErrorSummary problems={problems} />
        <Field
          id="release-nik"
          label={t('oversight.release.nik')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={nik}
          onChange={(e) => setNik(e.target.value)}
        />
        <ReasonField id="release-reason" value={reason} onChange={setReason} />
        <Field
          id="release-evidence"
          label={t('oversight.release.evidence')}
          hint={t('oversight.release.evidenceHint')}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
        />
        <button type="submit" className="danger" disabled={release.isPending}>
          {t('oversight.release.submit')}
        </button>
      </form>
      {released && (
        <div className="success" role="status">
          <h3>{t('oversight.release.done')}</h3>
          <dl>
            <dt>{t('oversight.account')}</dt>
            <dd>{released.accountId}</dd>
            <dt>{t('oversight.release.emailConfirmed')}</dt>
            <dd>{t(released.emailConfirmed ? 'oversight.yes' : 'oversight.no')}</dd>
            <dt>{t('oversight.release.submitted')}</dt>
            <dd>{released.submittedApplications}</dd>
          </dl>
          <AccountAudit accountId={released.accountId} />
        </div>
      )}
    </section>
  );
}

function CorrectIdentityForm() {
  const t = useT();
  const intl = useIntl();
  const correct = useCorrectIdentity();
  const [form, setForm] = useState({ accountId: '', fullName: '', birthDate: '', birthPlace: '', gender: '', reason: '' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [corrected, setCorrected] = useState<Account>();
  const set = (patch: Partial<typeof form>) => setForm((old) => ({ ...old, ...patch }));

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!UUID.test(form.accountId.trim())) found.push({ fieldId: 'correct-accountId', message: t('oversight.correct.error.account') });
    if (!form.fullName.trim() && !form.birthDate && !form.birthPlace.trim() && !form.gender) {
      found.push({ fieldId: 'correct-fullName', message: t('error.NOTHING_TO_CORRECT') });
    }
    if (!form.reason.trim()) found.push({ fieldId: 'correct-reason', message: t('oversight.error.reason') });
    setProblems(found);
    if (found.length) return;
    try {
      setCorrected(
        await correct.mutateAsync({
          accountId: form.accountId.trim(),
          reason: form.reason.trim(),
          ...(form.fullName.trim() ? { fullName: form.fullName.trim() } : {}),
          ...(form.birthDate ? { birthDate: form.birthDate } : {}),
          ...(form.birthPlace.trim() ? { birthPlace: form.birthPlace.trim() } : {}),
          ...(form.gender === 'F' || form.gender === 'M' ? { gender: form.gender } : {}),
        }),
      );
    } catch (error) {
      setProblems(problemsOf(intl, error, 'correct', ['accountId', 'fullName', 'birthDate', 'birthPlace', 'gender', 'reason']));
    }
  }

  return (
    <section aria-labelledby="correct-title">
      <form onSubmit={send} noValidate aria-labelledby="correct-title">
        <h2 id="correct-title">{t('oversight.correct.title')}</h2>
        <p className="muted">{t('oversight.correct.intro')}</p>
        <ErrorSummary problems={problems} />
        <Field
          id="correct-accountId"
          label={t('oversight.account')}
          autoComplete="off"
          value={form.accountId}
          onChange={(e) => set({ accountId: e.target.value })}
        />
        <Field
          id="correct-fullName"
          label={t('oversight.correct.fullName')}
          hint={t('oversight.correct.keepHint')}
          value={form.fullName}
          onChange={(e) => set({ fullName: e.target.value })}
        />
        <Field
          id="correct-birthDate"
          type="date"
          label={t('oversight.correct.birthDate')}
          value={form.birthDate}
          onChange={(e) => set({ birthDate: e.target.value })}
        />
        <Field
          id="correct-birthPlace"
          label={t('oversight.correct.birthPlace')}
          value={form.birthPlace}
          onChange={(e) => set({ birthPlace: e.target.value })}
        />
        <div className="field">
          <label htmlFor="correct-gender">{t('oversight.correct.gender')}</label>
          <select id="correct-gender" value={form.gender} onChange={(e) => set({ gender: e.target.value })}>
            <option value="">{t('oversight.correct.gender.keep')}</option>
            <option value="F">{t('oversight.correct.gender.F')}</option>
            <option value="M">{t('oversight.correct.gender.M')}</option>
          </select>
        </div>
        <ReasonField id="correct-reason" value={form.reason} onChange={(reason) => set({ reason })} />
        <button type="submit" disabled={correct.isPending}>
          {t('oversight.correct.submit')}
        </button>
      </form>
      {corrected && (
        <div className="success" role="status">
          <h3>{t('oversight.correct.done')}</h3>
          <dl>
            <dt>{t('oversight.correct.fullName')}</dt>
            <dd>{corrected.fullName}</dd>
            <dt>{t('oversight.correct.birthDate')}</dt>
            <dd>{corrected.dateOfBirth}</dd>
          </dl>
          <AccountAudit accountId={corrected.id} />
        </div>
      )}
    </section>
  );
}

function ReasonField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('oversight.reason')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('oversight.reasonHint')}
      </p>
      <textarea id={id} aria-describedby={`${id}-hint`} rows={3} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The audit log's entries for the account just acted on: who, when, what and why. */
function AccountAudit({ accountId }: { accountId: string }) {
  const t = useT();
  const zone = useAgencyZone();
  const audit = useAccountAudit(accountId);
  if (audit.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  if (!audit.data) return <p>{t('common.loading')}</p>;
  return (
    <table>
      <caption>{t('oversight.audit.forAccount')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('oversight.audit.at')}</th>
          <th scope="col">{t('oversight.audit.action')}</th>
          <th scope="col">{t('oversight.audit.actor')}</th>
          <th scope="col">{t('oversight.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {audit.data.map((entry) => (
          <tr key={entry.id}>
            <td>
              <LocalTime at={entry.at} zone={zone} />
            </td>
            <td>{t.or(`oversight.action.${entry.action}`, entry.action)}</td>
            <td>{entry.actorId}</td>
            <td>
              {entry.reason}
              {entry.evidence ? ` (${entry.evidence})` : ''}
              {entry.changes ? <ChangeList changes={entry.changes} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeList({ changes }: { changes: Record<string, unknown> }) {
  const t = useT();
  return (
    <ul>
      {Object.entries(changes).map(([field, change]) => {
        const { from, to } = change as { from: string | null; to: string };
        return <li key={field}>{t('oversight.change', { field: t.or(`oversight.field.${field}`, field), from: from ?? '—', to })}</li>;
      })}
    </ul>
  );
}
