import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { RegistrationSchemas } from '../../api/clients';
import { Countdown } from '../../components/countdown';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { DateParts, normalisedDate } from '../../components/date-parts';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { kb, Requirements } from '../../components/requirements';
import { type Application, useApplication, useCreateApplication, useSaveDraft, useUpload } from '../../hooks/use-application';
import { useFormations, usePeriod } from '../../hooks/use-periods';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/locale';
import { useStoredForm } from '../../lib/form-state';
import { errorMessage } from '../../lib/messages';
import { ApiError } from '../../api/errors';

type Education = RegistrationSchemas['schemas']['EducationDto'];
type Declaration = NonNullable<RegistrationSchemas['schemas']['UpdateApplicationDto']['declarations']>[number];
type DocumentRequirement = RegistrationSchemas['schemas']['DocumentRequirementDto'];

/** The API's own enums, listed for the choices; typed against the generated client so a change in the API fails the build. */
const LEVELS: Education['level'][] = ['SMA', 'D3', 'D4', 'S1', 'S2', 'S3'];
const ACCREDITATIONS: Education['accreditation'][] = ['Unggul', 'Baik Sekali', 'Baik', 'A', 'B', 'C', 'Tidak Terakreditasi'];
const DECLARATIONS: Declaration[] = ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'];
const STEPS = ['formation', 'education', 'declarations', 'documents', 'review'] as const;
type Step = (typeof STEPS)[number];

/** `/applications/new?period=&formation=`: starts the draft, then opens the wizard. */
export function NewApplicationPage() {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateApplication();
  const started = useRef(false);
  useEffect(() => {
    const periodId = params.get('period');
    const formationId = params.get('formation');
    if (started.current || !periodId || !formationId) return;
    started.current = true;
    create.mutate({ periodId, formationId }, { onSuccess: (application) => navigate(`/applications/${application.id}`, { replace: true }) });
  }, [params, create, navigate]);
  return (
    <>
      <PageTitle>{t('wizard.title')}</PageTitle>
      {create.isPending && <p role="status">{t('common.loading')}</p>}
      {create.isError && (
        <div role="alert">
          <p>{errorMessage(intl, create.error)}</p>
          <Link to="/applications">{t('layout.myApplications')}</Link>
        </div>
      )}
    </>
  );
}

function StepNav({ current, onGo }: { current: Step; onGo: (step: Step) => void }) {
  const t = useT();
  return (
    <nav aria-label={t('wizard.steps')}>
      <ol className="steps">
        {STEPS.map((step, i) => (
          <li key={step}>
            <button type="button" className="link-button" aria-current={step === current ? 'step' : undefined} onClick={() => onGo(step)}>
              {i + 1}. {t(`wizard.step.${step}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function WizardPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const [params, setParams] = useSearchParams();
  const application = useApplication(applicationId);
  const statusOnArrival = useRef<Application['status'] | undefined>(undefined);
  const step = (STEPS as readonly string[]).includes(params.get('step') ?? '') ? (params.get('step') as Step) : 'formation';
  const go = (next: Step) => setParams({ step: next });
  if (application.isPending) return <p role="status">{t('common.loading')}</p>;
  if (application.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  // An application already submitted when the page opens is followed on its status page (the outcome
  // e-mails link to /applications/:id); one submitted here goes on to its receipt instead.
  statusOnArrival.current ??= application.data.status;
  if (statusOnArrival.current === 'submitted') return <Navigate to={`/applications/${applicationId}/status`} replace />;
  const index = STEPS.indexOf(step);
  return (
    <>
      <PageTitle>
        {t('wizard.title')}: {t(`wizard.step.${step}`)}
      </PageTitle>
      <p className="muted">{t('wizard.stepOf', { n: index + 1, total: STEPS.length })}</p>
      <StepNav current={step} onGo={go} />
      {step === 'formation' && <FormationStep application={application.data} onNext={() => go('education')} />}
      {step === 'education' && <EducationStep application={application.data} onNext={() => go('declarations')} />}
      {step === 'declarations' && <DeclarationsStep application={application.data} onNext={() => go('documents')} />}
      {step === 'documents' && <DocumentsStep application={application.data} onNext={() => go('review')} />}
      {step === 'review' && <ReviewStep application={application.data} onEdit={go} />}
    </>
  );
}

function useFormation(application: Application) {
  const formations = useFormations(application.periodId);
  return { formations, formation: formations.data?.find((f) => f.id === application.formationId) };
}

function FormationStep({ application, onNext }: { application: Application; onNext: () => void }) {
  const t = useT();
  const intl = useIntl();
  const { formations } = useFormation(application);
  const [choice, setChoice] = useState(application.formationId);
  const save = useSaveDraft(application.id);
  const [problems, setProblems] = useState<Problem[]>([]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (choice !== application.formationId) await save.mutateAsync({ formationId: choice });
      onNext();
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  return (
    <form onSubmit={submit}>
      <ErrorSummary problems={problems} />
      <fieldset>
        <legend>{t('wizard.formation.legend')}</legend>
        {formations.data?.map((f) => (
          <div key={f.id} className="card">
            <label className="choice" htmlFor={`formation-${f.id}`}>
              <input type="radio" id={`formation-${f.id}`} name="formation" checked={choice === f.id} onChange={() => setChoice(f.id)} />
              {f.position} ({f.code}), {f.unit}
            </label>
            <Requirements formation={f} />
          </div>
        ))}
      </fieldset>
      <button type="submit">{t('wizard.saveNext')}</button>
    </form>
  );
}

const EMPTY_EDUCATION = { level: '', institution: '', major: '', gpa: '', graduationDate: '', accreditation: '' };

function EducationStep({ application, onNext }: { application: Application; onNext: () => void }) {
  const t = useT();
  const intl = useIntl();
  const saved = application.education;
  const [form, update, clear] = useStoredForm(`education.${application.id}`, saved ? { ...saved, gpa: String(saved.gpa) } : EMPTY_EDUCATION);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = useSaveDraft(application.id);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.level) found.level = t('wizard.education.error.level');
    if (!form.institution.trim()) found.institution = t('wizard.education.error.institution');
    if (!form.major.trim()) found.major = t('wizard.education.error.major');
    const gpa = Number(form.gpa.replace(',', '.'));
    if (!(gpa >= 0 && gpa <= 4) || form.gpa.trim() === '') found.gpa = t('wizard.education.error.gpa');
    const graduationDate = normalisedDate(form.graduationDate);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(graduationDate) || Number.isNaN(Date.parse(graduationDate)))
      found.graduationDate = t('wizard.education.error.graduationDate');
    if (!form.accreditation) found.accreditation = t('wizard.education.error.accreditation');
    setErrors(found);
    setProblems(Object.entries(found).map(([fieldId, message]) => ({ fieldId, message })));
    if (Object.keys(found).length) return;
    try {
      await save.mutateAsync({
        education: { ...form, graduationDate, gpa, level: form.level as Education['level'], accreditation: form.accreditation as Education['accreditation'] },
      });
      clear();
      onNext();
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.replace(/^education\./, '') : undefined;
      setProblems([{ fieldId: field && field in EMPTY_EDUCATION ? field : undefined, message: errorMessage(intl, error) }]);
    }
  }
  const select = (id: 'level' | 'accreditation', options: string[]) => (
    <div className={errors[id] ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{t(`wizard.education.${id}`)}</label>
      {errors[id] && (
        <p className="error" id={`${id}-error`}>
          {errors[id]}
        </p>
      )}
      <select id={id} value={form[id]} onChange={(e) => update({ [id]: e.target.value })} aria-describedby={errors[id] ? `${id}-error` : undefined}>
        <option value="">{t('common.choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  const text = (id: 'institution' | 'major' | 'gpa', extra: object = {}) => (
    <Field id={id} label={t(`wizard.education.${id}`)} value={form[id]} error={errors[id]} onChange={(e) => update({ [id]: e.target.value })} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {select('level', LEVELS)}
      {text('institution')}
      {text('major')}
      {text('gpa', { inputMode: 'decimal', hint: t('wizard.education.gpa.hint') })}
      <DateParts
        id="graduationDate"
        legend={t('wizard.education.graduationDate')}
        value={form.graduationDate}
        error={errors.graduationDate}
        onChange={(graduationDate) => update({ graduationDate })}
      />
      {select('accreditation', ACCREDITATIONS)}
      <button type="submit" disabled={save.isPending}>
        {t('wizard.saveNext')}
      </button>
    </form>
  );
}

function DeclarationsStep({ application, onNext }: { application: Application; onNext: () => void }) {
  const t = useT();
  const intl = useIntl();
  const [chosen, setChosen] = useState<Declaration[]>(application.declarations);
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = useSaveDraft(application.id);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ declarations: chosen });
      onNext();
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  return (
    <form onSubmit={submit}>
      <ErrorSummary problems={problems} />
      <fieldset>
        <legend>{t('wizard.declarations.legend')}</legend>
        {DECLARATIONS.map((d) => (
          <label key={d} className="choice" htmlFor={`declaration-${d}`}>
            <input
              type="checkbox"
              id={`declaration-${d}`}
              checked={chosen.includes(d)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, d] : chosen.filter((c) => c !== d))}
            />
            {t(`declaration.${d}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        {t('wizard.saveNext')}
      </button>
    </form>
  );
}

const MAGIC: Record<DocumentRequirement['mediaType'], (bytes: Uint8Array) => boolean> = {
  'application/pdf': (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** What the server will say, said before the upload: the file's type (by its content) and size against the slot's limit. */
async function checkFile(file: File, requirement: DocumentRequirement): Promise<{ id: string; values: Record<string, string> } | undefined> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const media = requirement.mediaType === 'application/pdf' ? 'PDF' : 'JPEG';
  if (file.size === 0) return { id: 'error.DOCUMENT_EMPTY', values: {} };
  if (!MAGIC[requirement.mediaType](head)) return { id: 'wizard.documents.wrongType', values: { expected: media, found: file.type || '?' } };
  if (file.size > requirement.maxBytes) return { id: 'wizard.documents.tooLarge', values: { size: kb(file.size), limit: kb(requirement.maxBytes) } };
  return undefined;
}

function DocumentSlot({ application, requirement }: { application: Application; requirement: DocumentRequirement }) {
  const t = useT();
  const intl = useIntl();
  const upload = useUpload(application.id);
  const [progress, setProgress] = useState<number | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const status = useRef<HTMLParagraphElement>(null);
  const uploaded = application.documents.find((d) => d.type === requirement.type);
  const id = `document-${requirement.type}`;
  const label = t.or(`document.${requirement.type}`, requirement.type);
  async function choose(file: File | undefined) {
    if (!file) return;
    setProblem(undefined);
    const refused = await checkFile(file, requirement);
    if (refused) {
      setProblem(t(refused.id, refused.values));
      return;
    }
    setProgress(0);
    try {
      await upload.mutateAsync({ type: requirement.type, file, onProgress: setProgress });
      status.current?.focus();
    } catch (error) {
      setProblem(errorMessage(intl, error));
    } finally {
      setProgress(undefined);
    }
  }
  return (
    <div className={problem ? 'field field-error card' : 'field card'}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('wizard.documents.limit', { media: requirement.mediaType === 'application/pdf' ? 'PDF' : 'JPEG', size: kb(requirement.maxBytes) })}
      </p>
      {problem && (
        <p className="error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
      <p tabIndex={-1} ref={status} id={`${id}-status`}>
        {uploaded ? t('wizard.documents.uploaded', { size: kb(uploaded.sizeBytes) }) : t('wizard.documents.missing')}
      </p>
      {progress !== undefined && (
        <progress max={1} value={progress} aria-label={t('wizard.documents.progress', { document: label })}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      <input
        type="file"
        id={id}
        accept={requirement.mediaType}
        aria-describedby={[`${id}-hint`, `${id}-status`, problem ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {uploaded && <p className="muted">{t('wizard.documents.replace')}</p>}
    </div>
  );
}

function DocumentsStep({ application, onNext }: { application: Application; onNext: () => void }) {
  const t = useT();
  const { formation } = useFormation(application);
  const requirements = formation?.requirements.documents ?? [];
  return (
    <div>
      <p>{t('wizard.documents.intro')}</p>
      {requirements.map((r) => (
        <DocumentSlot key={r.type} application={application} requirement={r} />
      ))}
      <button type="button" onClick={onNext}>
        {t('wizard.next')}
      </button>
    </div>
  );
}

function ReviewStep({ application, onEdit }: { application: Application; onEdit: (step: Step) => void }) {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { formation } = useFormation(application);
  const period = usePeriod(application.periodId);
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = useSubmit(application.id);
  useEffect(() => {
    if (submit.submittedElsewhere) navigate(`/applications/${application.id}/receipt`);
  }, [submit.submittedElsewhere, application.id, navigate]);
  const missing: Problem[] = [
    ...(!application.education ? [{ message: t('wizard.review.missingEducation') }] : []),
    ...application.missingDocuments.map((d) => ({ message: t('wizard.review.missingDocument', { document: t.or(`document.${d}`, d) }) })),
  ];
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) {
      setProblems([{ fieldId: 'confirm', message: t('wizard.review.mustConfirm') }]);
      return;
    }
    setProblems([]);
    try {
      await submit.mutateAsync();
      navigate(`/applications/${application.id}/receipt`);
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  const e = application.education;
  return (
    <form onSubmit={send} noValidate>
      <ErrorSummary problems={problems.length ? problems : []} />
      {missing.length > 0 && (
        <div className="warning">
          <h2>{t('wizard.review.incomplete')}</h2>
          <ul>
            {missing.map((m, i) => (
              <li key={i}>{m.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t('wizard.step.formation')}</h2>
      <p>{formation ? `${formation.position} (${formation.code}), ${formation.unit}` : '…'}</p>
      <button type="button" className="link-button" onClick={() => onEdit('formation')}>
        {t('wizard.review.change', { what: t('wizard.step.formation') })}
      </button>
      <h2>{t('wizard.step.education')}</h2>
      {e ? (
        <p>
          {e.level} {e.major}, {e.institution}; {t('wizard.education.gpa')} {e.gpa}; {e.accreditation}; {e.graduationDate}
        </p>
      ) : (
        <p>-</p>
      )}
      <button type="button" className="link-button" onClick={() => onEdit('education')}>
        {t('wizard.review.change', { what: t('wizard.step.education') })}
      </button>
      <h2>{t('wizard.step.documents')}</h2>
      <ul>
        {application.documents.map((d) => (
          <li key={d.id}>
            {t.or(`document.${d.type}`, d.type)}: {kb(d.sizeBytes)}
          </li>
        ))}
      </ul>
      {period.data && <Countdown until={period.data.registrationClosesAt} zone={period.data.timeZone} labelId="landing.closes" />}
      <p className="warning">{t('wizard.review.final')}</p>
      <label className="choice" htmlFor="confirm">
        <input type="checkbox" id="confirm" checked={confirmed} onChange={(ev) => setConfirmed(ev.target.checked)} />
        {t('wizard.review.confirm')}
      </label>
      {submit.retryingIn !== undefined && (
        <p role="status" className="warning">
          {t('wizard.review.busy', { seconds: submit.retryingIn })}
        </p>
      )}
      <button type="submit" disabled={submit.isPending || missing.length > 0}>
        {submit.isPending ? t('common.sending') : t('wizard.review.submit')}
      </button>
    </form>
  );
}
