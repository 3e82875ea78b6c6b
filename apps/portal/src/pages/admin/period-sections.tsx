import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { ScreeningSchemas } from '../../api/clients';
import { LongOperation } from '../../components/long-operation';
import { Field } from '../../components/field';
import { LocalTime } from '../../components/local-time';
import { usePeriodVerifiers } from '../../hooks/use-admin-periods';
import {
  type Formation,
  type LifecycleAction,
  type Period,
  useAdminFormations,
  useAnnouncement,
  useChangeQuota,
  useDistribute,
  useFinalAnnouncement,
  useLifecycle,
  useRegisterVerifier,
  useScreeningFinalization,
  useStaff,
} from '../../hooks/use-admin-setup';
import type { LongOperation as LongOperationState } from '../../hooks/use-long-operation';
import { useT } from '../../i18n/locale';
import { SelectField, useErrorText } from './admin-form';

type Distribution = ScreeningSchemas['schemas']['DistributionDto'];

/**
 * The period's steps in order. Opening and closing are instant at registration and read back as the
 * period's status; the announcements and the finalization are long operations whose progress and
 * outcome (the services' record, or the refusal with its catalogue message) survive leaving the page.
 */
export function LifecycleSection({ period }: { period: Period }) {
  const t = useT();
  const errorText = useErrorText();
  const lifecycle = useLifecycle(period.id);
  const announcement = useAnnouncement(period.id);
  const finalization = useScreeningFinalization(period.id);
  const finalAnnouncement = useFinalAnnouncement(period.id);
  const [last, setLast] = useState<{ action: LifecycleAction; error: unknown }>();
  const run = (action: LifecycleAction) => {
    setLast(undefined);
    lifecycle.mutate(action, { onError: (error) => setLast({ action, error }) });
  };
  const instant = (action: LifecycleAction, done: string | null, enabled: boolean) => (
    <li key={action}>
      <h3>{t(`admin.lifecycle.${action}.title`)}</h3>
      {done ? (
        <p>{done}</p>
      ) : (
        <button type="button" disabled={!enabled || lifecycle.isPending} onClick={() => run(action)}>
          {t(`admin.lifecycle.${action}.button`)}
        </button>
      )}
      {lifecycle.isPending && lifecycle.variables === action && <p role="status">{t('admin.lifecycle.running')}</p>}
      {last?.action === action && (
        <p role="alert" className="error">
          {errorText(last.error)}
        </p>
      )}
    </li>
  );
  const long = <R,>(name: 'announce' | 'finalize' | 'announceFinal', operation: LongOp<R>, enabled: boolean, summary: (result: R) => ReactNode) => (
    <li key={name}>
      <h3>{t(`admin.lifecycle.${name}.title`)}</h3>
      {operation.state?.phase !== 'succeeded' && (
        <button type="button" disabled={!enabled || operation.running} onClick={() => operation.start()}>
          {t(`admin.lifecycle.${name}.button`)}
        </button>
      )}
      <LongOperation id={`${name}-outcome`} level={3} operation={operation} title={t('admin.lifecycle.outcome')} summary={summary} />
    </li>
  );
  const announced = announcement.state?.phase === 'succeeded';
  const finalized = finalization.state?.phase === 'succeeded';
  return (
    <section aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('admin.lifecycle.title')}</h2>
      <p>
        {t('admin.lifecycle.status')} <strong>{t(`admin.periods.status.${period.status}`)}</strong>
      </p>
      <ol className="lifecycle">
        {instant('open', period.status !== 'draft' ? t('admin.lifecycle.open.done') : null, period.status === 'draft')}
        {instant('close', period.status === 'closed' ? t('admin.lifecycle.close.done') : null, period.status === 'open')}
        {long('announce', announcement, period.status === 'closed', (a) => (
          <p>
            {t('admin.lifecycle.announce.done', { eligible: a.eligible, ineligible: a.ineligible })} {t('admin.lifecycle.announce.windows')}{' '}
            <LocalTime at={a.appealFilingClosesAt} zone={period.timeZone} />
            {' · '}
            {t('admin.lifecycle.announce.answering')} <LocalTime at={a.appealAnsweringClosesAt} zone={period.timeZone} />
          </p>
        ))}
        {long('finalize', finalization, announced, (f) => (
          <p>
            {t('admin.lifecycle.finalize.done')} <LocalTime at={f.finalizedAt} zone={period.timeZone} />
          </p>
        ))}
        {long('announceFinal', finalAnnouncement, finalized, (r) => (
          <p>{t('admin.lifecycle.announceFinal.done', { placed: r.placed, vacancies: r.vacancies })}</p>
        ))}
      </ol>
      <p>
        {t('admin.lifecycle.otherStages')} <Link to={`/staff/admin/periods/${period.id}/panels`}>{t('admin.panels.title')}</Link>
      </p>
    </section>
  );
}

type LongOp<R> = Pick<LongOperationState<void, R>, 'state' | 'dismiss' | 'running' | 'start'>;

/** The formations with their requirements and quotas; adding and editing while the period is a draft; quota changes with a reason. */
export function FormationsSection({ period }: { period: Period }) {
  const t = useT();
  const formations = useAdminFormations(period.id);
  const draft = period.status === 'draft';
  return (
    <section aria-labelledby="formations-title">
      <h2 id="formations-title">{t('admin.formations.title')}</h2>
      {formations.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {formations.data && formations.data.length === 0 && <p>{t('admin.formations.none')}</p>}
      {formations.data && formations.data.length > 0 && (
        <table>
          <caption>{t('admin.formations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.formations.code')}</th>
              <th scope="col">{t('admin.formations.position')}</th>
              <th scope="col">{t('admin.formations.type')}</th>
              <th scope="col">{t('admin.formations.quota')}</th>
              <th scope="col">{t('admin.formations.requirements')}</th>
              {draft && <th scope="col">{t('admin.periodForm.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {formations.data.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.code}</th>
                <td>
                  {f.position}, {f.unit}
                </td>
                <td>{t(`admin.formations.type.${f.formationType}`)}</td>
                <td>{f.quota}</td>
                <td>
                  {t('admin.formations.requirementsSummary', {
                    levels: f.requirements.educationLevels.join('/'),
                    gpa: f.requirements.minimumGpa,
                    minAge: f.requirements.minimumAge ?? '',
                    maxAge: f.requirements.maximumAge ?? '',
                    documents: (f.requirements.documents ?? []).map((d) => t.or(`document.${d.type}`, d.type)).join(', '),
                  })}
                </td>
                {draft && (
                  <td>
                    <Link to={`/staff/admin/periods/${period.id}/formations/${f.id}/edit`} aria-label={t('admin.formations.editOne', { code: f.code })}>
                      {t('admin.formations.edit')}
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && (
        <p>
          <Link to={`/staff/admin/periods/${period.id}/formations/new`}>{t('admin.formations.add')}</Link>
        </p>
      )}
      {formations.data && formations.data.length > 0 && <QuotaForm periodId={period.id} formations={formations.data} />}
    </section>
  );
}

function QuotaForm({ periodId, formations }: { periodId: string; formations: Formation[] }) {
  const t = useT();
  const errorText = useErrorText();
  const change = useChangeQuota(periodId);
  const [formationId, setFormationId] = useState(formations[0].id);
  const [quota, setQuota] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<{ ok: string } | { error: unknown }>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    change.mutate(
      { formationId, quota: Number(quota), reason },
      {
        onSuccess: (f) => {
          setOutcome({ ok: t('admin.quota.done', { code: f.code, quota: f.quota }) });
          setReason('');
        },
        onError: (error) => setOutcome({ error }),
      },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="quota-title">
      <h3 id="quota-title">{t('admin.quota.title')}</h3>
      <p>{t('admin.quota.intro')}</p>
      <SelectField
        id="quota-formation"
        label={t('admin.quota.formation')}
        value={formationId}
        onChange={(e) => setFormationId(e.target.value)}
        options={formations.map((f) => ({ value: f.id, label: `${f.code} (${t('admin.quota.current', { quota: f.quota })})` }))}
      />
      <Field id="quota-value" label={t('admin.quota.newQuota')} type="number" min={0} required value={quota} onChange={(e) => setQuota(e.target.value)} />
      <Field id="quota-reason" label={t('admin.quota.reason')} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? t('admin.form.saving') : t('admin.quota.submit')}
      </button>
      {outcome && 'ok' in outcome && <p role="status">{outcome.ok}</p>}
      {outcome && 'error' in outcome && (
        <p role="alert" className="error">
          {errorText(outcome.error)}
        </p>
      )}
    </form>
  );
}

/** The period's verifiers with their open cases; registering one from the staff accounts; the distribution of unassigned cases. */
export function VerifiersSection({ period }: { period: Period }) {
  const t = useT();
  const errorText = useErrorText();
  const verifiers = usePeriodVerifiers(period.id);
  const staff = useStaff('verifier');
  const register = useRegisterVerifier(period.id);
  const distribute = useDistribute(period.id);
  const [accountId, setAccountId] = useState('');
  const [kk, setKk] = useState('');
  const [registered, setRegistered] = useState<{ ok: string } | { error: unknown }>();
  const [distribution, setDistribution] = useState<{ ok: Distribution } | { error: unknown }>();
  const registeredIds = new Set((verifiers.data ?? []).map((v) => v.accountId));
  const candidates = (staff.data ?? []).filter((s) => !registeredIds.has(s.id));
  const chosen = candidates.find((s) => s.id === accountId) ?? candidates[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setRegistered(undefined);
    register.mutate(
      { accountId: chosen.id, name: chosen.fullName, kkNumber: kk.trim() },
      {
        onSuccess: (v) => {
          setRegistered({ ok: t('admin.verifiers.registered', { name: v.name }) });
          setKk('');
        },
        onError: (error) => setRegistered({ error }),
      },
    );
  };
  return (
    <section aria-labelledby="verifiers-title">
      <h2 id="verifiers-title">{t('admin.verifiers.title')}</h2>
      {verifiers.isError && <p role="alert">{errorText(verifiers.error)}</p>}
      {verifiers.data && verifiers.data.length === 0 && <p>{t('admin.verifiers.none')}</p>}
      {verifiers.data && verifiers.data.length > 0 && (
        <table>
          <caption>{t('admin.verifiers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.verifiers.name')}</th>
              <th scope="col">{t('admin.verifiers.openCases')}</th>
              <th scope="col">{t('admin.verifiers.registeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {verifiers.data.map((v) => (
              <tr key={v.accountId}>
                <th scope="row">{v.name}</th>
                <td>{v.openCases}</td>
                <td>
                  <LocalTime at={v.registeredAt} zone={period.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {period.status !== 'draft' && (
        <form onSubmit={submit} aria-labelledby="register-verifier-title">
          <h3 id="register-verifier-title">{t('admin.verifiers.register')}</h3>
          {staff.data && candidates.length === 0 ? (
            <p>{t('admin.verifiers.noStaff')}</p>
          ) : (
            <>
              <SelectField
                id="verifier-account"
                label={t('admin.verifiers.account')}
                value={chosen?.id ?? ''}
                onChange={(e) => setAccountId(e.target.value)}
                options={candidates.map((s) => ({ value: s.id, label: `${s.fullName} (${s.email})` }))}
              />
              <Field
                id="verifier-kk"
                label={t('admin.verifiers.kk')}
                hint={t('admin.verifiers.kkHint')}
                inputMode="numeric"
                autoComplete="off"
                required
                value={kk}
                onChange={(e) => setKk(e.target.value)}
              />
              <button type="submit" disabled={register.isPending || !chosen}>
                {register.isPending ? t('admin.form.saving') : t('admin.verifiers.registerButton')}
              </button>
            </>
          )}
          {registered && 'ok' in registered && <p role="status">{registered.ok}</p>}
          {registered && 'error' in registered && (
            <p role="alert" className="error">
              {errorText(registered.error)}
            </p>
          )}
        </form>
      )}
      {period.status !== 'draft' && (
        <div>
          <h3>{t('admin.distribution.title')}</h3>
          <p>{t('admin.distribution.intro')}</p>
          <button
            type="button"
            disabled={distribute.isPending}
            onClick={() => {
              setDistribution(undefined);
              distribute.mutate(undefined, { onSuccess: (ok) => setDistribution({ ok }), onError: (error) => setDistribution({ error }) });
            }}
          >
            {t('admin.distribution.button')}
          </button>
          {distribute.isPending && <p role="status">{t('admin.lifecycle.running')}</p>}
          {distribution && 'ok' in distribution && (
            <p role="status">{t('admin.distribution.done', { assigned: distribution.ok.assigned, unassignable: distribution.ok.unassignable.length })}</p>
          )}
          {distribution && 'error' in distribution && (
            <p role="alert" className="error">
              {errorText(distribution.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
