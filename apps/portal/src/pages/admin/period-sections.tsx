import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { PlacementSchemas, ScreeningSchemas } from '../../api/clients';
import { Field } from '../../components/field';
import { LocalTime } from '../../components/local-time';
import { usePeriodVerifiers } from '../../hooks/use-admin-periods';
import {
  type Formation,
  type LifecycleAction,
  type Period,
  useAdminFormations,
  useChangeQuota,
  useDistribute,
  useLifecycle,
  useRegisterVerifier,
  useScreeningState,
  useStaff,
} from '../../hooks/use-admin-setup';
import { useT } from '../../i18n/locale';
import { SelectField, useErrorText } from './admin-form';

type Distribution = ScreeningSchemas['schemas']['DistributionDto'];
type FinalAnnouncement = PlacementSchemas['schemas']['AnnouncementDto'];

/**
 * The period's steps in order, each with its button while it may run, its progress while it runs, and
 * its outcome as the services record it (so leaving and coming back shows the same), or the refusal.
 */
export function LifecycleSection({ period }: { period: Period }) {
  const t = useT();
  const errorText = useErrorText();
  const lifecycle = useLifecycle(period.id);
  const screening = useScreeningState(period.id, period.status === 'closed');
  const [last, setLast] = useState<{ action: LifecycleAction; error?: unknown; result?: unknown }>();
  const run = (action: LifecycleAction) => {
    setLast(undefined);
    lifecycle.mutate(action, { onSuccess: (result) => setLast({ action, result }), onError: (error) => setLast({ action, error }) });
  };
  const announcement = screening.data?.announcement ?? null;
  const finalizedAt = screening.data?.finalizedAt ?? null;
  const step = (action: LifecycleAction, done: ReactNode | null, enabled: boolean) => (
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
      {last?.action === action && last.error !== undefined && (
        <p role="alert" className="error">
          {errorText(last.error)}
        </p>
      )}
      {last?.action === action && action === 'announceFinal' && last.result !== undefined && (
        <p role="status">
          {t('admin.lifecycle.announceFinal.done', {
            placed: (last.result as FinalAnnouncement).placed,
            vacancies: (last.result as FinalAnnouncement).vacancies,
          })}
        </p>
      )}
    </li>
  );
  return (
    <section aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('admin.lifecycle.title')}</h2>
      <p>
        {t('admin.lifecycle.status')} <strong>{t(`admin.periods.status.${period.status}`)}</strong>
      </p>
      <ol className="lifecycle">
        {step('open', period.status !== 'draft' ? t('admin.lifecycle.open.done') : null, period.status === 'draft')}
        {step('close', period.status === 'closed' ? t('admin.lifecycle.close.done') : null, period.status === 'open')}
        {step(
          'announce',
          announcement && (
            <>
              {t('admin.lifecycle.announce.done', { eligible: announcement.eligible, ineligible: announcement.ineligible })}{' '}
              {t('admin.lifecycle.announce.windows')} <LocalTime at={announcement.appealFilingClosesAt} zone={period.timeZone} />
              {' · '}
              {t('admin.lifecycle.announce.answering')} <LocalTime at={announcement.appealAnsweringClosesAt} zone={period.timeZone} />
            </>
          ),
          period.status === 'closed' && screening.isSuccess,
        )}
        {step(
          'finalize',
          finalizedAt && (
            <>
              {t('admin.lifecycle.finalize.done')} <LocalTime at={finalizedAt} zone={period.timeZone} />
            </>
          ),
          announcement !== null,
        )}
        {step('announceFinal', null, finalizedAt !== null)}
      </ol>
      {period.status === 'closed' && screening.isError && (
        <p role="alert" className="error">
          {errorText(screening.error)}
        </p>
      )}
      <p>
        {t('admin.lifecycle.otherStages')} <Link to={`/staff/admin/periods/${period.id}/panels`}>{t('admin.panels.title')}</Link>
      </p>
    </section>
  );
}

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
