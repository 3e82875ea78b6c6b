import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ScreeningSchemas } from '../../api/clients';
import { PageTitle } from '../../components/layout';
import { useCase, useDecideCase, useStaffDocument } from '../../hooks/use-verifier-cases';
import { useT } from '../../i18n/locale';
import { DecisionForm, type DecisionFormHandle } from './decision-form';
import { SubmittedData } from './submitted-data';

type Check = ScreeningSchemas['schemas']['CheckDto'];
type DocumentRef = ScreeningSchemas['schemas']['SubmittedDocumentDto'];

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

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
  // The queue's filter comes along from the queue (see QueuePage), so going back keeps it.
  const { state } = useLocation() as { state: { queueSearch?: string } | null };
  const queuePath = `/staff/verifier${state?.queueSearch ?? ''}`;
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
      else if (key === 'q') navigate(queuePath);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, queuePath]);

  if (found.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!found.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const detail = found.data;
  const documents = detail.submission.documents;
  const document = documents[shown];

  return (
    <>
      <PageTitle>{t('verifier.case.title', { number: detail.registrationNumber })}</PageTitle>
      <p>
        <Link to={queuePath}>{t('verifier.case.back')}</Link>
      </p>
      <p id="shortcuts">{t('verifier.case.shortcuts')}</p>
      {detail.status !== 'PENDING' && <p role="status">{t('verifier.case.decided', { result: show(detail.result) })}</p>}
      <div className="side-by-side">
        <SubmittedData submission={detail.submission} />
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
            navigate(queuePath, { state: { decided: detail.registrationNumber } });
          }}
        />
      )}
    </>
  );
}
