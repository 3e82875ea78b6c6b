import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { ScreeningSchemas } from '../../api/clients';
import { PageTitle } from '../../components/layout';
import { LongOperation } from '../../components/long-operation';
import { type QueueFilter, useBulkDecision, useVerifierQueue } from '../../hooks/use-verifier-cases';
import { useT } from '../../i18n/locale';
import { DecisionForm } from './decision-form';
import { VerifierNav } from './verifier-nav';

type Formation = ScreeningSchemas['schemas']['QueueFormationDto'];

const RECOMMENDATIONS = ['MS', 'TMS', 'NONE'] as const;
const isRecommendation = (value: string | null): value is NonNullable<QueueFilter['recommendation']> => RECOMMENDATIONS.some((r) => r === value);

/** The filter lives in the address, so a case's "back to the queue" and a reload keep it. */
function useQueueFilter(): [QueueFilter, (next: QueueFilter) => void] {
  const [params, setParams] = useSearchParams();
  const recommendation = params.get('recommendation');
  const filter: QueueFilter = {
    ...(params.get('formationId') ? { formationId: params.get('formationId')! } : {}),
    ...(isRecommendation(recommendation) ? { recommendation } : {}),
  };
  const set = (next: QueueFilter) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  return [filter, set];
}

function formationName(t: ReturnType<typeof useT>, f: Formation) {
  return f.code ? `${f.code} — ${f.position ?? ''}` : t('verifier.queue.formationUnknown', { id: f.formationId.slice(0, 8) });
}

function FilterForm({ filter, formations, onApply }: { filter: QueueFilter; formations: Formation[]; onApply: (next: QueueFilter) => void }) {
  const t = useT();
  const [formationId, setFormationId] = useState(filter.formationId ?? '');
  const [recommendation, setRecommendation] = useState<string>(filter.recommendation ?? '');
  const filtered = Boolean(filter.formationId || filter.recommendation);

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({ formationId: formationId || undefined, recommendation: isRecommendation(recommendation) ? recommendation : undefined });
  }

  return (
    <form onSubmit={apply} className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('verifier.queue.filters')}</h2>
      <div className="filter-fields">
        <div>
          <label htmlFor="filter-formation">{t('verifier.queue.formation')}</label>
          <select id="filter-formation" value={formationId} onChange={(e) => setFormationId(e.target.value)}>
            <option value="">{t('verifier.queue.allFormations')}</option>
            {formations.map((f) => (
              <option key={f.formationId} value={f.formationId}>
                {t('verifier.queue.formationOption', { name: formationName(t, f), count: f.remaining })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-recommendation">{t('verifier.queue.recommendation')}</label>
          <select id="filter-recommendation" value={recommendation} onChange={(e) => setRecommendation(e.target.value)}>
            <option value="">{t('verifier.queue.allRecommendations')}</option>
            {RECOMMENDATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`verifier.queue.recommendation.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit">{t('verifier.queue.apply')}</button>{' '}
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setFormationId('');
            setRecommendation('');
            onApply({});
          }}
        >
          {t('verifier.queue.clear')}
        </button>
      )}
    </form>
  );
}

/** My queue: my assigned, undecided cases, oldest first, filtered by formation and recommendation; a selection can be decided at once. */
export function QueuePage() {
  const t = useT();
  const [filter, setFilter] = useQueueFilter();
  const queue = useVerifierQueue(filter);
  const bulk = useBulkDecision();
  const [selected, setSelected] = useState<string[]>([]);
  const { search } = useLocation();
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  // The newest page's counts: what is left now, after any decision since the first page.
  const latest = pages.at(-1);
  const formations = latest?.formations ?? [];
  const total = formations.reduce((sum, f) => sum + f.remaining, 0);
  const filtered = Boolean(filter.formationId || filter.recommendation);
  const codeOf = new Map(formations.map((f) => [f.formationId, f.code]));

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
      {latest && (
        <>
          <FilterForm
            key={JSON.stringify(filter)}
            filter={filter}
            formations={formations}
            onApply={(next) => {
              setSelected([]);
              setFilter(next);
            }}
          />
          <p id="queue-left">
            {latest.remaining === 0 ? t('verifier.queue.none') : t('verifier.queue.left', { count: latest.remaining })}
            {filtered && <> {t('verifier.queue.ofAll', { count: total })}</>}
            {queue.hasNextPage && <> {t('verifier.queue.shownMore', { count: items.length })}</>}
          </p>
          {items.length > 0 && (
            <table>
              <caption>{t('verifier.queue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('verifier.queue.select')}</th>
                  <th scope="col">{t('verifier.queue.number')}</th>
                  <th scope="col">{t('verifier.queue.name')}</th>
                  <th scope="col">{t('verifier.queue.formation')}</th>
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
                      <Link to={`/staff/verifier/cases/${item.applicationId}`} state={{ queueSearch: search }}>
                        {item.registrationNumber}
                      </Link>
                    </td>
                    <td>{item.fullName}</td>
                    <td>{codeOf.get(item.formationId) ?? '—'}</td>
                    <td>{item.recommendation ? t(`verifier.decision.${item.recommendation}`) : t('verifier.queue.recommendation.NONE')}</td>
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
