import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { useAdminPeriods } from '../../hooks/use-admin-periods';
import { type Period, type PeriodBody, type PeriodDefaults, usePeriodDefaults, useSavePeriod } from '../../hooks/use-admin-setup';
import { useT } from '../../i18n/locale';
import { DefaultHint, fieldId, fromWallClock, SelectField, toWallClock, useApiProblems } from './admin-form';

type Skb = PeriodBody['skb'] & object;
type SkbComponent = Skb['components'][number];
type TieBreaker = NonNullable<PeriodBody['tieBreakChain']>[number];
type Scope = NonNullable<PeriodBody['placement']['optimalisasiScope']>;

const ZONES: PeriodBody['timeZone'][] = ['WIB', 'WITA', 'WIT'];
const TIE_BREAKERS: TieBreaker[] = ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'];
const SCOPES: Scope[] = ['POSITION_AND_EDUCATION', 'POSITION', 'NONE'];

interface Draft {
  code: string;
  name: string;
  agencyName: string;
  timeZone: PeriodBody['timeZone'];
  opensAt: string;
  closesAt: string;
  ageReferenceDate: string;
  ruleVersion: string;
  appealFilingDays: string;
  appealAnsweringDays: string;
  weightSkb: string;
  weightInterview: string;
  tieBreakChain: string[];
  components: SkbComponent[];
  totalPassingGrade: string;
  proceedFactor: string;
  disabilityExtraMinutes: string;
  scaleMin: string;
  scaleMax: string;
  calibrationThreshold: string;
  minimumPanelSize: string;
  optimalisasiScope: Scope;
  overrideNeedsSecondApproval: boolean;
  reportingDate: string;
}

/** A form's starting values: the period as it stands, or the defaults for a new one. */
function initialDraft(rules: PeriodDefaults | Period, period?: Period): Draft {
  const zone = period?.timeZone ?? 'WIB';
  return {
    code: period?.code ?? '',
    name: period?.name ?? '',
    agencyName: period?.agencyName ?? '',
    timeZone: zone as PeriodBody['timeZone'],
    opensAt: period ? toWallClock(period.registrationOpensAt, zone) : '',
    closesAt: period ? toWallClock(period.registrationClosesAt, zone) : '',
    ageReferenceDate: period?.ageReferenceDate ?? '',
    ruleVersion: period?.ruleVersion ?? '',
    appealFilingDays: String(rules.appealFilingDays),
    appealAnsweringDays: String(rules.appealAnsweringDays),
    weightSkb: String(rules.stageWeights.skb),
    weightInterview: String(rules.stageWeights.interview),
    tieBreakChain: [...rules.tieBreakChain],
    components: rules.skb.components.map((c) => ({ ...c })),
    totalPassingGrade: String(rules.skb.totalPassingGrade),
    proceedFactor: String(rules.skb.proceedFactor),
    disabilityExtraMinutes: String(rules.skb.disabilityExtraMinutes),
    scaleMin: String(rules.interview.scaleMin),
    scaleMax: String(rules.interview.scaleMax),
    calibrationThreshold: String(rules.interview.calibrationThreshold),
    minimumPanelSize: String(rules.interview.minimumPanelSize),
    optimalisasiScope: (rules.placement.optimalisasiScope ?? 'POSITION_AND_EDUCATION') as Scope,
    overrideNeedsSecondApproval: rules.placement.overrideNeedsSecondApproval ?? true,
    reportingDate: period?.placement.reportingDate ?? '',
  };
}

function toBody(d: Draft): PeriodBody {
  const n = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  return {
    code: d.code.trim(),
    name: d.name,
    agencyName: d.agencyName,
    timeZone: d.timeZone,
    registrationOpensAt: d.opensAt ? fromWallClock(d.opensAt, d.timeZone) : '',
    registrationClosesAt: d.closesAt ? fromWallClock(d.closesAt, d.timeZone) : '',
    ageReferenceDate: d.ageReferenceDate,
    ruleVersion: d.ruleVersion.trim(),
    appealFilingDays: n(d.appealFilingDays),
    appealAnsweringDays: n(d.appealAnsweringDays),
    stageWeights: { skb: n(d.weightSkb), interview: n(d.weightInterview) },
    tieBreakChain: d.tieBreakChain.filter(Boolean) as TieBreaker[],
    skb: {
      components: d.components,
      totalPassingGrade: n(d.totalPassingGrade),
      proceedFactor: n(d.proceedFactor),
      disabilityExtraMinutes: n(d.disabilityExtraMinutes),
    },
    interview: {
      scaleMin: n(d.scaleMin),
      scaleMax: n(d.scaleMax),
      calibrationThreshold: n(d.calibrationThreshold),
      minimumPanelSize: n(d.minimumPanelSize),
    },
    placement: { optimalisasiScope: d.optimalisasiScope, overrideNeedsSecondApproval: d.overrideNeedsSecondApproval, reportingDate: d.reportingDate },
  };
}

/** A new period (`/staff/admin/periods/new`) or a draft's settings (`…/:periodId/edit`): every rule, each with its default. */
export function PeriodFormPage() {
  const t = useT();
  const { periodId } = useParams();
  const defaults = usePeriodDefaults();
  const periods = useAdminPeriods();
  const period = periodId ? periods.data?.find((p) => p.id === periodId) : undefined;
  if (defaults.isError || periods.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  if (!defaults.data || (periodId && !period)) return <p role="status">{t('common.loading')}</p>;
  return <PeriodForm key={periodId ?? 'new'} defaults={defaults.data} period={period} />;
}

function PeriodForm({ defaults, period }: { defaults: PeriodDefaults; period?: Period }) {
  const t = useT();
  const navigate = useNavigate();
  const problemsOf = useApiProblems();
  const save = useSavePeriod(period?.id);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(period ?? defaults, period));
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setComponent = (i: number, patch: Partial<SkbComponent>) => set({ components: draft.components.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate(toBody(draft), {
      onSuccess: (saved) => void navigate(`/staff/admin/periods/${saved.id}`),
      onError: (error) => setProblems(problemsOf(error)),
    });
  };

  const text = (key: keyof Draft, field: string, label: string, extra: Record<string, unknown> = {}, hint?: ReactNode) => (
    <Field
      id={fieldId(field)}
      label={label}
      hint={hint}
      value={draft[key] as string}
      onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)}
      {...extra}
    />
  );
  const number = (key: keyof Draft, field: string, label: string, defaultValue: number | string, step = '1') =>
    text(key, field, label, { type: 'number', step, required: true }, <DefaultHint value={defaultValue} />);

  return (
    <>
      <PageTitle>{period ? t('admin.periodForm.editTitle', { code: period.code }) : t('admin.periodForm.newTitle')}</PageTitle>
      <p>
        <Link to={period ? `/staff/admin/periods/${period.id}` : '/staff/admin'}>{t('admin.period.back')}</Link>
      </p>
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('admin.periodForm.identity')}</legend>
          {text('code', 'code', t('admin.periods.code'), { required: true, autoComplete: 'off' }, t('admin.periodForm.codeHint'))}
          {text('name', 'name', t('admin.periods.name'), { required: true })}
          {text('agencyName', 'agencyName', t('admin.periodForm.agencyName'), { required: true })}
          <SelectField
            id={fieldId('timeZone')}
            label={t('admin.periodForm.timeZone')}
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value as Draft['timeZone'] })}
            options={ZONES.map((z) => ({ value: z, label: z }))}
          />
          {text(
            'opensAt',
            'registrationOpensAt',
            t('admin.periodForm.opensAt'),
            { type: 'datetime-local', required: true },
            t('admin.periodForm.zoneHint', { zone: draft.timeZone }),
          )}
          {text(
            'closesAt',
            'registrationClosesAt',
            t('admin.periodForm.closesAt'),
            { type: 'datetime-local', required: true },
            t('admin.periodForm.zoneHint', { zone: draft.timeZone }),
          )}
          {text(
            'ageReferenceDate',
            'ageReferenceDate',
            t('admin.rules.ageReferenceDate'),
            { type: 'date', required: true },
            t('admin.periodForm.ageReferenceHint'),
          )}
          {text('ruleVersion', 'ruleVersion', t('admin.rules.ruleVersion'), { required: true }, t('admin.periodForm.ruleVersionHint'))}
        </fieldset>

        <fieldset>
          <legend>{t('admin.periodForm.appeals')}</legend>
          {number('appealFilingDays', 'appealFilingDays', t('admin.rules.appealFilingDays'), defaults.appealFilingDays)}
          {number('appealAnsweringDays', 'appealAnsweringDays', t('admin.rules.appealAnsweringDays'), defaults.appealAnsweringDays)}
        </fieldset>

        <fieldset>
          <legend>{t('admin.rules.stageWeights')}</legend>
          {number('weightSkb', 'stageWeights.skb', t('admin.periodForm.weightSkb'), defaults.stageWeights.skb)}
          {number('weightInterview', 'stageWeights.interview', t('admin.periodForm.weightInterview'), defaults.stageWeights.interview)}
        </fieldset>

        <fieldset>
          <legend>{t('admin.rules.tieBreak')}</legend>
          <p className="hint">
            <DefaultHint value={defaults.tieBreakChain.map((s) => t(`admin.rules.tieBreak.${s}`)).join(' → ')} />
          </p>
          {TIE_BREAKERS.map((_, i) => (
            <SelectField
              key={i}
              id={fieldId(`tieBreakChain.${i}`)}
              label={t('admin.periodForm.tieBreakStep', { step: i + 1 })}
              value={draft.tieBreakChain[i] ?? ''}
              onChange={(e) => {
                const chain = [...draft.tieBreakChain];
                chain[i] = e.target.value;
                set({ tieBreakChain: chain });
              }}
              options={[{ value: '', label: t('admin.periodForm.none') }, ...TIE_BREAKERS.map((s) => ({ value: s, label: t(`admin.rules.tieBreak.${s}`) }))]}
            />
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('admin.periodForm.skb')}</legend>
          <table>
            <caption>{t('admin.periodForm.components')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.periodForm.component')}</th>
                <th scope="col">{t('admin.periodForm.componentLabel')}</th>
                <th scope="col">{t('admin.periodForm.source')}</th>
                <th scope="col">{t('admin.periodForm.weight')}</th>
                <th scope="col">{t('admin.periodForm.maxScore')}</th>
                <th scope="col">{t('admin.periodForm.passingGrade')}</th>
                <th scope="col">{t('admin.periodForm.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.components.map((c, i) => {
                const row = t('admin.periodForm.componentRow', { row: i + 1 });
                const cell = (key: 'component' | 'label' | 'weight' | 'maxScore' | 'passingGrade', label: string, numeric: boolean) => (
                  <td>
                    <input
                      id={fieldId(`skb.components.${i}.${key}`)}
                      aria-label={`${label} (${row})`}
                      type={numeric ? 'number' : 'text'}
                      value={String(c[key])}
                      onChange={(e) => setComponent(i, { [key]: numeric ? Number(e.target.value) : e.target.value })}
                    />
                  </td>
                );
                return (
                  <tr key={i}>
                    {cell('component', t('admin.periodForm.component'), false)}
                    {cell('label', t('admin.periodForm.componentLabel'), false)}
                    <td>
                      <select
                        aria-label={`${t('admin.periodForm.source')} (${row})`}
                        value={c.source}
                        onChange={(e) => setComponent(i, { source: e.target.value as SkbComponent['source'] })}
                      >
                        <option value="IMPORT">{t('admin.periodForm.source.IMPORT')}</option>
                        <option value="MANUAL">{t('admin.periodForm.source.MANUAL')}</option>
                      </select>
                    </td>
                    {cell('weight', t('admin.periodForm.weight'), true)}
                    {cell('maxScore', t('admin.periodForm.maxScore'), true)}
                    {cell('passingGrade', t('admin.periodForm.passingGrade'), true)}
                    <td>
                      <button type="button" onClick={() => set({ components: draft.components.filter((_, j) => j !== i) })}>
                        {t('admin.periodForm.remove', { what: row })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">
            <DefaultHint value={defaults.skb.components.map((c) => `${c.label} ${c.weight}% (${c.passingGrade}/${c.maxScore})`).join(', ')} />
          </p>
          <button
            type="button"
            onClick={() =>
              set({ components: [...draft.components, { component: '', label: '', source: 'MANUAL', weight: 0, maxScore: 100, passingGrade: 0 }] })
            }
          >
            {t('admin.periodForm.addComponent')}
          </button>
          {number('totalPassingGrade', 'skb.totalPassingGrade', t('admin.periodForm.totalPassingGrade'), defaults.skb.totalPassingGrade, 'any')}
          {number('proceedFactor', 'skb.proceedFactor', t('admin.periodForm.proceedFactor'), defaults.skb.proceedFactor, 'any')}
          {number('disabilityExtraMinutes', 'skb.disabilityExtraMinutes', t('admin.periodForm.disabilityExtraMinutes'), defaults.skb.disabilityExtraMinutes)}
        </fieldset>

        <fieldset>
          <legend>{t('admin.periodForm.interview')}</legend>
          {number('scaleMin', 'interview.scaleMin', t('admin.periodForm.scaleMin'), defaults.interview.scaleMin)}
          {number('scaleMax', 'interview.scaleMax', t('admin.periodForm.scaleMax'), defaults.interview.scaleMax)}
          {number(
            'calibrationThreshold',
            'interview.calibrationThreshold',
            t('admin.rules.calibrationThreshold'),
            defaults.interview.calibrationThreshold,
            'any',
          )}
          {number('minimumPanelSize', 'interview.minimumPanelSize', t('admin.rules.minimumPanelSize'), defaults.interview.minimumPanelSize)}
        </fieldset>

        <fieldset>
          <legend>{t('admin.periodForm.placement')}</legend>
          <SelectField
            id={fieldId('placement.optimalisasiScope')}
            label={t('admin.periodForm.optimalisasiScope')}
            hint={<DefaultHint value={t(`admin.periodForm.scope.${defaults.placement.optimalisasiScope}`)} />}
            value={draft.optimalisasiScope}
            onChange={(e) => set({ optimalisasiScope: e.target.value as Scope })}
            options={SCOPES.map((s) => ({ value: s, label: t(`admin.periodForm.scope.${s}`) }))}
          />
          <div className="field">
            <p className="hint" id={`${fieldId('placement.overrideNeedsSecondApproval')}-hint`}>
              <DefaultHint value={t(defaults.placement.overrideNeedsSecondApproval ? 'admin.periodForm.yes' : 'admin.periodForm.no')} />
            </p>
            <input
              type="checkbox"
              id={fieldId('placement.overrideNeedsSecondApproval')}
              aria-describedby={`${fieldId('placement.overrideNeedsSecondApproval')}-hint`}
              checked={draft.overrideNeedsSecondApproval}
              onChange={(e) => set({ overrideNeedsSecondApproval: e.target.checked })}
            />
            <label htmlFor={fieldId('placement.overrideNeedsSecondApproval')}>{t('admin.periodForm.overrideNeedsSecondApproval')}</label>
          </div>
          {text('reportingDate', 'placement.reportingDate', t('admin.periodForm.reportingDate'), { type: 'date', required: true })}
        </fieldset>

        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('admin.form.saving') : period ? t('admin.periodForm.save') : t('admin.periodForm.create')}
        </button>
      </form>
    </>
  );
}
