import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { type Formation, type FormationBody, type PeriodDefaults, useAdminFormations, usePeriodDefaults, useSaveFormation } from '../../hooks/use-admin-setup';
import { useT } from '../../i18n/locale';
import { DefaultHint, fieldId, SelectField, useApiProblems } from './admin-form';

type Requirements = FormationBody['requirements'];
type Level = Requirements['educationLevels'][number];
type Document = NonNullable<Requirements['documents']>[number];

const LEVELS: Level[] = ['SMA', 'D3', 'D4', 'S1', 'S2', 'S3'];
const TYPES: FormationBody['formationType'][] = ['general', 'cum-laude', 'disability', 'putra-putri-papua', 'diaspora'];
const KB = 1024;

interface Draft {
  code: string;
  position: string;
  unit: string;
  formationType: FormationBody['formationType'];
  quota: string;
  educationLevels: Level[];
  acceptedMajors: string;
  minimumGpa: string;
  minimumAge: string;
  maximumAge: string;
  documents: { type: string; mediaType: Document['mediaType']; kb: string }[];
}

function initialDraft(defaults: PeriodDefaults, f?: Formation): Draft {
  const docs = f?.requirements.documents ?? defaults.documents;
  return {
    code: f?.code ?? '',
    position: f?.position ?? '',
    unit: f?.unit ?? '',
    formationType: (f?.formationType ?? 'general') as Draft['formationType'],
    quota: f ? String(f.quota) : '',
    educationLevels: (f?.requirements.educationLevels ?? []) as Level[],
    acceptedMajors: (f?.requirements.acceptedMajors ?? []).join('\n'),
    minimumGpa: f ? String(f.requirements.minimumGpa) : '',
    minimumAge: String(f?.requirements.minimumAge ?? defaults.minimumAge),
    maximumAge: String(f?.requirements.maximumAge ?? defaults.maximumAge),
    documents: docs.map((d) => ({ type: d.type, mediaType: d.mediaType, kb: String(Math.round(d.maxBytes / KB)) })),
  };
}

function toBody(d: Draft): FormationBody {
  const n = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  return {
    code: d.code.trim(),
    position: d.position,
    unit: d.unit,
    formationType: d.formationType,
    quota: n(d.quota),
    requirements: {
      educationLevels: d.educationLevels,
      acceptedMajors: d.acceptedMajors
        .split('\n')
        .map((m) => m.trim())
        .filter(Boolean),
      minimumGpa: n(d.minimumGpa),
      minimumAge: n(d.minimumAge),
      maximumAge: n(d.maximumAge),
      documents: d.documents.map((doc) => ({ type: doc.type.trim(), mediaType: doc.mediaType, maxBytes: Math.round(n(doc.kb) * KB) })),
    },
  };
}

/** A formation of a draft period: position, quota, requirements and the documents asked for, defaults shown. */
export function FormationFormPage() {
  const t = useT();
  const { periodId = '', formationId } = useParams();
  const defaults = usePeriodDefaults();
  const formations = useAdminFormations(periodId);
  const formation = formationId ? formations.data?.find((f) => f.id === formationId) : undefined;
  if (defaults.isError || formations.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  if (!defaults.data || (formationId && !formation)) return <p role="status">{t('common.loading')}</p>;
  return <FormationForm key={formationId ?? 'new'} periodId={periodId} defaults={defaults.data} formation={formation} />;
}

function FormationForm({ periodId, defaults, formation }: { periodId: string; defaults: PeriodDefaults; formation?: Formation }) {
  const t = useT();
  const navigate = useNavigate();
  const problemsOf = useApiProblems();
  const save = useSaveFormation(periodId, formation?.id);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(defaults, formation));
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setDoc = (i: number, patch: Partial<Draft['documents'][number]>) =>
    set({ documents: draft.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate(toBody(draft), {
      onSuccess: () => void navigate(`/staff/admin/periods/${periodId}`),
      onError: (error) => setProblems(problemsOf(error)),
    });
  };
  const field = (key: keyof Draft, path: string, label: string, extra: Record<string, unknown> = {}, hint?: ReactNode) => (
    <Field
      id={fieldId(path)}
      label={label}
      hint={hint}
      value={draft[key] as string}
      onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)}
      {...extra}
    />
  );

  return (
    <>
      <PageTitle>{formation ? t('admin.formationForm.editTitle', { code: formation.code }) : t('admin.formationForm.newTitle')}</PageTitle>
      <p>
        <Link to={`/staff/admin/periods/${periodId}`}>{t('admin.formationForm.back')}</Link>
      </p>
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('admin.formationForm.position')}</legend>
          {field('code', 'code', t('admin.formations.code'), { required: true, autoComplete: 'off' }, t('admin.formationForm.codeHint'))}
          {field('position', 'position', t('admin.formations.position'), { required: true })}
          {field('unit', 'unit', t('admin.formations.unit'), { required: true })}
          <SelectField
            id={fieldId('formationType')}
            label={t('admin.formations.type')}
            value={draft.formationType}
            onChange={(e) => set({ formationType: e.target.value as Draft['formationType'] })}
            options={TYPES.map((type) => ({ value: type, label: t(`admin.formations.type.${type}`) }))}
          />
          {field('quota', 'quota', t('admin.formations.quota'), { type: 'number', min: 0, required: true })}
        </fieldset>
        <fieldset>
          <legend>{t('admin.formationForm.requirements')}</legend>
          <fieldset id={fieldId('requirements.educationLevels')}>
            <legend>{t('admin.formationForm.educationLevels')}</legend>
            {LEVELS.map((level) => (
              <div key={level}>
                <input
                  type="checkbox"
                  id={`level-${level}`}
                  checked={draft.educationLevels.includes(level)}
                  onChange={(e) =>
                    set({ educationLevels: e.target.checked ? [...draft.educationLevels, level] : draft.educationLevels.filter((l) => l !== level) })
                  }
                />
                <label htmlFor={`level-${level}`}>{level}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={fieldId('requirements.acceptedMajors')}>{t('admin.formationForm.acceptedMajors')}</label>
            <p className="hint" id={`${fieldId('requirements.acceptedMajors')}-hint`}>
              {t('admin.formationForm.acceptedMajorsHint')}
            </p>
            <textarea
              id={fieldId('requirements.acceptedMajors')}
              aria-describedby={`${fieldId('requirements.acceptedMajors')}-hint`}
              rows={3}
              value={draft.acceptedMajors}
              onChange={(e) => set({ acceptedMajors: e.target.value })}
            />
          </div>
          {field('minimumGpa', 'requirements.minimumGpa', t('admin.formationForm.minimumGpa'), {
            type: 'number',
            step: '0.01',
            min: 0,
            max: 4,
            required: true,
          })}
          {field('minimumAge', 'requirements.minimumAge', t('admin.formationForm.minimumAge'), { type: 'number' }, <DefaultHint value={defaults.minimumAge} />)}
          {field('maximumAge', 'requirements.maximumAge', t('admin.formationForm.maximumAge'), { type: 'number' }, <DefaultHint value={defaults.maximumAge} />)}
        </fieldset>
        <fieldset id={fieldId('requirements.documents')}>
          <legend>{t('admin.formationForm.documents')}</legend>
          <p className="hint">
            <DefaultHint
              value={defaults.documents
                .map((d) => `${t.or(`document.${d.type}`, d.type)} (${d.mediaType === 'application/pdf' ? 'PDF' : 'JPEG'}, ${Math.round(d.maxBytes / KB)} KB)`)
                .join(', ')}
            />
          </p>
          <table>
            <caption>{t('admin.formationForm.documentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.formationForm.documentType')}</th>
                <th scope="col">{t('admin.formationForm.mediaType')}</th>
                <th scope="col">{t('admin.formationForm.maxKb')}</th>
                <th scope="col">{t('admin.periodForm.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.documents.map((doc, i) => {
                const row = t('admin.formationForm.documentRow', { row: i + 1 });
                return (
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`${t('admin.formationForm.documentType')} (${row})`}
                        value={doc.type}
                        onChange={(e) => setDoc(i, { type: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${t('admin.formationForm.mediaType')} (${row})`}
                        value={doc.mediaType}
                        onChange={(e) => setDoc(i, { mediaType: e.target.value as Document['mediaType'] })}
                      >
                        <option value="application/pdf">PDF</option>
                        <option value="image/jpeg">JPEG</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${t('admin.formationForm.maxKb')} (${row})`}
                        type="number"
                        min={1}
                        value={doc.kb}
                        onChange={(e) => setDoc(i, { kb: e.target.value })}
                      />
                    </td>
                    <td>
                      <button type="button" onClick={() => set({ documents: draft.documents.filter((_, j) => j !== i) })}>
                        {t('admin.periodForm.remove', { what: row })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" onClick={() => set({ documents: [...draft.documents, { type: '', mediaType: 'application/pdf', kb: '' }] })}>
            {t('admin.formationForm.addDocument')}
          </button>
        </fieldset>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('admin.form.saving') : t('admin.formationForm.save')}
        </button>
      </form>
    </>
  );
}
