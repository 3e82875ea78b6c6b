import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { useAdminPeriods } from '../../hooks/use-admin-periods';
import { type Formation, type Period, useAdminFormations, useCurrentRubric, usePublishRubric } from '../../hooks/use-admin-setup';
import { useT } from '../../i18n/locale';
import { useApiProblems } from './admin-form';

interface CriterionDraft {
  key: string;
  label: string;
  weight: string;
  anchors: string[];
}

/** A formation's interview rubric: criteria with weights and an anchored description for every level of the period's scale. */
export function RubricPage() {
  const t = useT();
  const { periodId = '', formationId = '' } = useParams();
  const periods = useAdminPeriods();
  const formations = useAdminFormations(periodId);
  const period = periods.data?.find((p) => p.id === periodId);
  const formation = formations.data?.find((f) => f.id === formationId);
  if (periods.isError || formations.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  if (!period || !formation) return <p role="status">{t('common.loading')}</p>;
  return <Rubric period={period} formation={formation} />;
}

function Rubric({ period, formation }: { period: Period; formation: Formation }) {
  const t = useT();
  const problemsOf = useApiProblems();
  const current = useCurrentRubric(period.id, formation.id);
  const publish = usePublishRubric(period.id, formation.id);
  const levels = Array.from({ length: period.interview.scaleMax - period.interview.scaleMin + 1 }, (_, i) => period.interview.scaleMin + i);
  const empty = (): CriterionDraft => ({ key: '', label: '', weight: '', anchors: levels.map(() => '') });
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => [empty()]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState('');
  const setCriterion = (i: number, patch: Partial<CriterionDraft>) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setDone('');
    publish.mutate(
      {
        criteria: criteria.map((c) => ({
          key: c.key.trim(),
          label: c.label,
          weight: c.weight.trim() === '' ? Number.NaN : Number(c.weight),
          anchors: levels.map((level, i) => ({ level, description: c.anchors[i] })),
        })),
      },
      {
        onSuccess: (r) => setDone(t('admin.rubrics.published', { label: r.label })),
        onError: (error) => setProblems(problemsOf(error)),
      },
    );
  };

  return (
    <>
      <PageTitle>{t('admin.rubrics.pageTitle', { code: formation.code })}</PageTitle>
      <p>
        <Link to={`/staff/admin/periods/${period.id}/panels`}>{t('admin.rubrics.back')}</Link>
      </p>
      <section aria-labelledby="current-rubric-title">
        <h2 id="current-rubric-title">{t('admin.rubrics.currentTitle')}</h2>
        {current.isPending && <p role="status">{t('common.loading')}</p>}
        {current.isError && <p>{t('admin.rubrics.missing')}</p>}
        {current.data && (
          <>
            <p>
              {t('admin.rubrics.current', { label: current.data.label, criteria: current.data.criteria.length })}{' '}
              {current.data.frozen && t('admin.rubrics.frozen')}
            </p>
            <table>
              <caption>{t('admin.rubrics.caption', { label: current.data.label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.rubrics.criterion')}</th>
                  <th scope="col">{t('admin.rubrics.weight')}</th>
                  {levels.map((level) => (
                    <th scope="col" key={level}>
                      {t('admin.rubrics.level', { level })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {current.data.criteria.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{c.weight}</td>
                    {levels.map((level) => (
                      <td key={level}>{c.anchors.find((a) => a.level === level)?.description ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section aria-labelledby="new-rubric-title">
        <h2 id="new-rubric-title">{current.data ? t('admin.rubrics.newVersion') : t('admin.rubrics.create')}</h2>
        <p>{t('admin.rubrics.intro', { min: period.interview.scaleMin, max: period.interview.scaleMax })}</p>
        <ErrorSummary problems={problems} />
        <form onSubmit={submit} noValidate>
          {criteria.map((c, i) => (
            <fieldset key={i}>
              <legend>{t('admin.rubrics.criterionN', { n: i + 1 })}</legend>
              <Field
                id={`f-criteria-${i}-key`}
                label={t('admin.rubrics.key')}
                hint={t('admin.rubrics.keyHint')}
                value={c.key}
                onChange={(e) => setCriterion(i, { key: e.target.value })}
              />
              <Field
                id={`f-criteria-${i}-label`}
                label={t('admin.rubrics.criterion')}
                value={c.label}
                onChange={(e) => setCriterion(i, { label: e.target.value })}
              />
              <Field
                id={`f-criteria-${i}-weight`}
                label={t('admin.rubrics.weight')}
                type="number"
                min={0}
                value={c.weight}
                onChange={(e) => setCriterion(i, { weight: e.target.value })}
              />
              {levels.map((level, j) => (
                <div className="field" key={level}>
                  <label htmlFor={`f-criteria-${i}-anchors-${j}`}>{t('admin.rubrics.anchor', { level })}</label>
                  <textarea
                    id={`f-criteria-${i}-anchors-${j}`}
                    rows={2}
                    value={c.anchors[j]}
                    onChange={(e) => setCriterion(i, { anchors: c.anchors.map((a, k) => (k === j ? e.target.value : a)) })}
                  />
                </div>
              ))}
              {criteria.length > 1 && (
                <button type="button" onClick={() => setCriteria((cs) => cs.filter((_, j) => j !== i))}>
                  {t('admin.periodForm.remove', { what: t('admin.rubrics.criterionN', { n: i + 1 }) })}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => setCriteria((cs) => [...cs, empty()])}>
            {t('admin.rubrics.addCriterion')}
          </button>{' '}
          <button type="submit" disabled={publish.isPending}>
            {publish.isPending ? t('admin.form.saving') : t('admin.rubrics.publish')}
          </button>
          {done && <p role="status">{done}</p>}
        </form>
      </section>
    </>
  );
}
