import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ScreeningSchemas } from '../../api/clients';
import { PageTitle } from '../../components/layout';
import { LongOperation } from '../../components/long-operation';
import { useCase, useDecideCase, useBulkDecision, useStaffDocument, useVerifierQueue } from '../../hooks/use-verifier-cases';
import { useT } from '../../i18n/locale';
import { DecisionForm, type DecisionFormHandle } from './decision-form';
import { VerifierNav } from './verifier-nav';

type Check = ScreeningSchemas['schemas']['CheckDto'];

interface DocumentRef {
  type: string;
  documentId: string;
  mediaType: string;
  sizeBytes: number;
}

interface Submission {
  registrationNumber?: string;
  applicant?: { fullName?: string; placeOfBirth?: string; dateOfBirth?: string; gender?: string; email?: string; phone?: string };
  education?: { level?: string; institution?: string; major?: string; accreditation?: string; gpa?: number; graduationDate?: string };
  documents?: DocumentRef[];
  nikWarnings?: { code: string; message: string }[];
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** My queue: my assigned, undecided cases, oldest first; a selection can be decided at once. */
export function QueuePage() {
  const t = useT();
  const queue = useVerifierQueue();
  const bulk = useBulkDecision();
  const [selected, setSelected] = useState<string[]>([]);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle>{t('verifier.queue.title')}</PageTitle>
      <VerifierNav />
      {queue.isPending && <p role="status">{t('common.loading')}</p>}
      {queue.isError && <p role="alert">{t('common.loadFailed')}</p>}
      <LongOperation
        id="bulk-outcome"
        operation={bulk}
        title={t('verifier.bulk.outcome')}
        summary={(result) => t('verifier.bulk.done', { count: result.applicationIds.length, result: result.result })}
      />
      {queue.data && (
        <>
          <p>
            {queue.hasNextPage
              ? t('verifier.queue.shownMore', { count: items.length })
              : items.length === 0
                ? t('verifier.queue.none')
                : t('verifier.queue.left', { count: items.length })}
          </p>
          {items.length > 0 && (
            <table>
              <caption>{t('verifier.queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('verifier.queue.select')}</th>
                  <th scope="col">{t('verifier.queue.number')}</th>
                  <th scope="col">{t('verifier.queue.name')}</th>
                  <th scope="col">{t('verifier.queue.recommendation')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.applicationId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('verifier.queue.selectOne', { number: item.registrationNumber })}
                        checked={selected.includes(item.applicationId)}
                        onChange={(e) => setSelected(e.target.checked ? [...selected, item.applicationId] : selected.filter((id) => id !== item.applicationId))}
                      />
                    </td>
                    <td>
                      <Link to={`/staff/verifier/cases/${item.applicationId}`}>{item.registrationNumber}</Link>
                    </td>
                    <td>{item.fullName}</td>
                    <td>{item.recommendation ? t(`verifier.decision.${item.recommendation}`) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {queue.hasNextPage && (
            <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
              {t('verifier.queue.more')}
            </button>
          )}
          {selected.length > 0 && (
            <section aria-labelledby="bulk-title">
              <h2 id="bulk-title">{t('verifier.bulk.title', { count: selected.length })}</h2>
              <DecisionForm
                idPrefix="bulk"
                submitLabel={t('verifier.bulk.submit', { count: selected.length })}
                disabled={bulk.running}
                onDecide={async (decision) => {
                  bulk.start({ ...decision, applicationIds: selected });
                  setSelected([]);
                }}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}

function DocumentView({ document, grant }: { document: DocumentRef; grant: string | undefined }) {
  const t = useT();
  const url = useStaffDocument(document.documentId, grant);
  const label = t.or(`verifier.documentType.${document.type}`, document.type);
  if (url.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!url.data) return <p role="alert">{t('common.loadFailed')}</p>;
  return document.mediaType === 'application/pdf' ? (
    <iframe className="document-frame" src={url.data} title={label} />
  ) : (
    <img className="document-image" src={url.data} alt={t('verifier.case.documentAlt', { type: label })} />
  );
}

function ChecksTable({ checks }: { checks: Check[] }) {
  const t = useT();
  return (
    <table>
      <caption>{t('verifier.case.checks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('verifier.case.rule')}</th>
          <th scope="col">{t('verifier.case.version')}</th>
          <th scope="col">{t('verifier.case.fact')}</th>
          <th scope="col">{t('verifier.case.expected')}</th>
          <th scope="col">{t('verifier.case.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.ruleId}>
            <th scope="row">{check.ruleId}</th>
            <td>{check.ruleVersion}</td>
            <td>
              <code>{show(check.fact)}</code>
            </td>
            <td>
              <code>{show(check.expected)}</code>
            </td>
            <td>
              {check.passed === null ? t('verifier.case.pending') : check.passed ? t('verifier.case.passed') : t(`verifier.case.failed.${check.severity}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A case: the submitted data and the documents side by side, the automatic checks, the decision.
 * Keys on the common path (outside a text field): M chooses MS, T chooses TMS, Q returns to the queue.
 */
export function CasePage() {
  const t = useT();
  const { applicationId = '' } = useParams();
  const navigate = useNavigate();
  const found = useCase(applicationId);
  const decide = useDecideCase(applicationId);
  const form = useRef<DecisionFormHandle>(null);
  const [shown, setShown] = useState(0);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'm') form.current?.choose('MS');
      else if (key === 't') form.current?.choose('TMS');
      else if (key === 'q') navigate('/staff/verifier');
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  if (found.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!found.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const detail = found.data;
  const submission = detail.submission as Submission;
  const documents = submission.documents ?? [];
  const document = documents[shown];

  return (
    <>
      <PageTitle>{t('verifier.case.title', { number: detail.registrationNumber })}</PageTitle>
      <p>
        <Link to="/staff/verifier">{t('verifier.case.back')}</Link>
      </p>
      <p id="shortcuts">{t('verifier.case.shortcuts')}</p>
      {detail.status !== 'PENDING' && <p role="status">{t('verifier.case.decided', { result: show(detail.result) })}</p>}
      <div className="side-by-side">
        <section aria-labelledby="submitted-title">
          <h2 id="submitted-title">{t('verifier.case.submitted')}</h2>
          <dl>
            <dt>{t('verifier.case.name')}</dt>
            <dd>{show(submission.applicant?.fullName)}</dd>
            <dt>{t('verifier.case.birth')}</dt>
            <dd>
              {show(submission.applicant?.placeOfBirth)}, {show(submission.applicant?.dateOfBirth)}
            </dd>
            <dt>{t('verifier.case.education')}</dt>
            <dd>
              {show(submission.education?.level)} {show(submission.education?.major)}, {show(submission.education?.institution)} (
              {show(submission.education?.accreditation)})
            </dd>
            <dt>{t('verifier.case.gpa')}</dt>
            <dd>{show(submission.education?.gpa)}</dd>
            <dt>{t('verifier.case.graduated')}</dt>
            <dd>{show(submission.education?.graduationDate)}</dd>
          </dl>
          {(submission.nikWarnings ?? []).length > 0 && (
            <ul aria-label={t('verifier.case.nikWarnings')}>
              {submission.nikWarnings!.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{t('verifier.case.documents')}</h2>
          <ul className="links">
            {documents.map((d, i) => (
              <li key={d.documentId}>
                <button type="button" className="link-button" aria-pressed={i === shown} onClick={() => setShown(i)}>
                  {t.or(`verifier.documentType.${d.type}`, d.type)}
                </button>
              </li>
            ))}
          </ul>
          {document && (
            <DocumentView
              key={document.documentId}
              document={document}
              grant={detail.documentGrants.find((g) => g.documentId === document.documentId)?.grant}
            />
          )}
        </section>
      </div>
      <ChecksTable checks={detail.checks} />
      {detail.status === 'PENDING' && (
        <DecisionForm
          ref={form}
          idPrefix="decision"
          submitLabel={t('verifier.decision.submit')}
          onDecide={async (decision) => {
            await decide.mutateAsync(decision);
            navigate('/staff/verifier', { state: { decided: detail.registrationNumber } });
          }}
        />
      )}
    </>
  );
}
