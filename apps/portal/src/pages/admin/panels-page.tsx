import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { useAdminPeriods } from '../../hooks/use-admin-periods';
import {
  type Formation,
  type Period,
  useAdminFormations,
  useAssignFormation,
  useCreatePanel,
  useCurrentRubric,
  usePanels,
  useStaff,
} from '../../hooks/use-admin-setup';
import { useT } from '../../i18n/locale';
import { SelectField, useApiProblems, useErrorText } from './admin-form';

/** The interview panels of a period (members, chair, formations) and each formation's rubric. */
export function PanelsPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const periods = useAdminPeriods();
  const period = periods.data?.find((p) => p.id === periodId);
  const formations = useAdminFormations(periodId);
  const panels = usePanels(periodId);
  const errorText = useErrorText();
  if (periods.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!period) return <p role="alert">{t('common.loadFailed')}</p>;
  const codeOf = (id: string) => formations.data?.find((f) => f.id === id)?.code ?? id;
  return (
    <>
      <PageTitle>{t('admin.panels.pageTitle', { code: period.code })}</PageTitle>
      <p>
        <Link to={`/staff/admin/periods/${period.id}`}>{t('admin.formationForm.back')}</Link>
      </p>
      <section aria-labelledby="panels-title">
        <h2 id="panels-title">{t('admin.panels.title')}</h2>
        {panels.isError && <p role="alert">{errorText(panels.error)}</p>}
        {panels.data && panels.data.length === 0 && <p>{t('admin.panels.none')}</p>}
        {panels.data && panels.data.length > 0 && (
          <table>
            <caption>{t('admin.panels.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.panels.name')}</th>
                <th scope="col">{t('admin.panels.members')}</th>
                <th scope="col">{t('admin.panels.formations')}</th>
                <th scope="col">{t('admin.panels.assign')}</th>
              </tr>
            </thead>
            <tbody>
              {panels.data.map((panel) => (
                <tr key={panel.panelId}>
                  <th scope="row">{panel.name}</th>
                  <td>
                    <ul>
                      {panel.members.map((m) => (
                        <li key={m.panelistId}>
                          {m.displayName}
                          {m.chair && ` (${t('admin.panels.chair')})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{panel.formationIds.map(codeOf).join(', ') || t('admin.panels.noFormations')}</td>
                  <td>
                    <AssignForm
                      periodId={period.id}
                      panelId={panel.panelId}
                      panelName={panel.name}
                      formations={(formations.data ?? []).filter((f) => !panel.formationIds.includes(f.id))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <CreatePanelForm period={period} />
      </section>
      <section aria-labelledby="rubrics-title">
        <h2 id="rubrics-title">{t('admin.rubrics.title')}</h2>
        {formations.data && (
          <ul>
            {formations.data.map((f) => (
              <RubricLine key={f.id} period={period} formation={f} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function RubricLine({ period, formation }: { period: Period; formation: Formation }) {
  const t = useT();
  const rubric = useCurrentRubric(period.id, formation.id);
  return (
    <li>
      {formation.code}:{' '}
      {rubric.data ? t('admin.rubrics.current', { label: rubric.data.label, criteria: rubric.data.criteria.length }) : t('admin.rubrics.missing')}{' '}
      <Link to={`/staff/admin/periods/${period.id}/formations/${formation.id}/rubric`} aria-label={t('admin.rubrics.openOne', { code: formation.code })}>
        {rubric.data ? t('admin.rubrics.open') : t('admin.rubrics.create')}
      </Link>
    </li>
  );
}

function AssignForm({ periodId, panelId, panelName, formations }: { periodId: string; panelId: string; panelName: string; formations: Formation[] }) {
  const t = useT();
  const errorText = useErrorText();
  const assign = useAssignFormation(periodId);
  const [formationId, setFormationId] = useState('');
  const [outcome, setOutcome] = useState<{ ok: string } | { error: unknown }>();
  const chosen = formationId || formations[0]?.id;
  const said = (
    <>
      {outcome && 'ok' in outcome && <p role="status">{outcome.ok}</p>}
      {outcome && 'error' in outcome && (
        <p role="alert" className="error">
          {errorText(outcome.error)}
        </p>
      )}
    </>
  );
  // Once every formation is assigned the form goes, and what the last assignment did stays.
  if (!chosen) return said;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setOutcome(undefined);
        assign.mutate(
          { panelId, formationId: chosen },
          {
            onSuccess: (r) => setOutcome({ ok: t('admin.panels.assigned', { moved: r.moved, unplaced: r.unplaced }) }),
            onError: (error) => setOutcome({ error }),
          },
        );
      }}
    >
      <SelectField
        id={`assign-${panelId}`}
        label={t('admin.panels.assignTo', { name: panelName })}
        value={chosen}
        onChange={(e) => setFormationId(e.target.value)}
        options={formations.map((f) => ({ value: f.id, label: `${f.code} – ${f.position}` }))}
      />
      <button type="submit" disabled={assign.isPending}>
        {t('admin.panels.assignButton')}
      </button>
      {said}
    </form>
  );
}

interface MemberDraft {
  panelistId: string;
  kkNumber: string;
}

function CreatePanelForm({ period }: { period: Period }) {
  const t = useT();
  const problemsOf = useApiProblems();
  const staff = useStaff('panelist');
  const create = useCreatePanel(period.id);
  const [name, setName] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>(() =>
    Array.from({ length: period.interview.minimumPanelSize }, () => ({ panelistId: '', kkNumber: '' })),
  );
  const [chair, setChair] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState('');
  const options = [{ value: '', label: t('admin.panels.choose') }, ...(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.fullName} (${s.email})` }))];
  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setDone('');
    create.mutate(
      {
        periodId: period.id,
        name,
        members: members.map((m, i) => ({
          panelistId: m.panelistId,
          displayName: staff.data?.find((s) => s.id === m.panelistId)?.fullName ?? '',
          kkNumber: m.kkNumber.trim(),
          chair: i === chair,
        })),
      },
      {
        onSuccess: (panel) => {
          setDone(t('admin.panels.created', { name: panel.name, members: panel.members.length }));
          setName('');
        },
        onError: (error) => setProblems(problemsOf(error)),
      },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-panel-title" noValidate>
      <h3 id="new-panel-title">{t('admin.panels.new')}</h3>
      <p>{t('admin.panels.sizeHint', { size: period.interview.minimumPanelSize })}</p>
      <ErrorSummary problems={problems} />
      <Field id="f-name" label={t('admin.panels.name')} required value={name} onChange={(e) => setName(e.target.value)} />
      {members.map((m, i) => (
        <fieldset key={i}>
          <legend>{t('admin.panels.member', { n: i + 1 })}</legend>
          <SelectField
            id={`f-members-${i}-panelistId`}
            label={t('admin.panels.panelist')}
            value={m.panelistId}
            onChange={(e) => setMember(i, { panelistId: e.target.value })}
            options={options}
          />
          <Field
            id={`f-members-${i}-kkNumber`}
            label={t('admin.verifiers.kk')}
            inputMode="numeric"
            autoComplete="off"
            value={m.kkNumber}
            onChange={(e) => setMember(i, { kkNumber: e.target.value })}
          />
          <div>
            <input type="radio" name="chair" id={`chair-${i}`} checked={chair === i} onChange={() => setChair(i)} />
            <label htmlFor={`chair-${i}`}>{t('admin.panels.isChair')}</label>
          </div>
          {members.length > 1 && (
            <button type="button" onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
              {t('admin.periodForm.remove', { what: t('admin.panels.member', { n: i + 1 }) })}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={() => setMembers((ms) => [...ms, { panelistId: '', kkNumber: '' }])}>
        {t('admin.panels.addMember')}
      </button>{' '}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t('admin.form.saving') : t('admin.panels.create')}
      </button>
      {done && <p role="status">{done}</p>}
    </form>
  );
}
