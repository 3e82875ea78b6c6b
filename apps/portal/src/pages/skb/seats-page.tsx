import { useParams } from 'react-router';
import { LocalTime } from '../../components/local-time';
import { LongOperation } from '../../components/long-operation';
import { type Seat, useAllocation, usePublication, useSeatPlan, useSkbPeriod } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { SkbFrame } from './skb-frame';

/** The seat plan cut into one table per session and room, in seating order (the service's order). */
function byRoom(seats: Seat[]): { key: string; first: Seat; seats: Seat[] }[] {
  const groups: { key: string; first: Seat; seats: Seat[] }[] = [];
  for (const seat of seats) {
    const key = `${seat.session}|${seat.venue}|${seat.room}`;
    const last = groups.at(-1);
    if (last?.key === key) last.seats.push(seat);
    else groups.push({ key, first: seat, seats: [seat] });
  }
  return groups;
}

/** Seat allocation and its publication, with the seat plan per session and room. */
export function SkbSeatsPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const state = useSkbPeriod(periodId);
  const allocation = useAllocation(periodId);
  const publication = usePublication(periodId);
  const seats = useSeatPlan(periodId, (state.data?.seated ?? 0) > 0);
  const s = state.data;
  const busy = allocation.running || publication.running;

  return (
    <SkbFrame periodId={periodId} titleKey="skb.seats.title">
      {state.isPending && <p role="status">{t('common.loading')}</p>}
      {state.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {s && (
        <>
          <dl className="receipt">
            <dt>{t('skb.seats.participants')}</dt>
            <dd>{s.participants}</dd>
            <dt>{t('skb.seats.capacity')}</dt>
            <dd>{t('skb.seats.capacityValue', { capacity: s.capacity, sessions: s.sessions })}</dd>
            <dt>{t('skb.seats.seated')}</dt>
            <dd>{s.seated}</dd>
            <dt>{t('skb.seats.publication')}</dt>
            <dd>
              {s.allocationPublishedAt ? (
                <>
                  {t('skb.seats.publishedAt')} <LocalTime at={s.allocationPublishedAt} zone={s.timeZone} />
                </>
              ) : (
                t('skb.seats.notPublished')
              )}
            </dd>
          </dl>
          {!s.allocationPublishedAt && (
            <p>
              <button type="button" onClick={() => allocation.start()} disabled={busy}>
                {s.seated > 0 ? t('skb.seats.reallocate') : t('skb.seats.allocate')}
              </button>{' '}
              <button type="button" onClick={() => publication.start()} disabled={s.seated === 0 || busy}>
                {t('skb.seats.publish')}
              </button>
            </p>
          )}
          <LongOperation
            id="allocation"
            operation={allocation}
            title={t('skb.seats.allocation')}
            running={t('skb.seats.allocating')}
            summary={(r) =>
              [
                t('skb.seats.allocated', { seated: r.seated, capacity: r.capacity }),
                r.splitFormations !== undefined ? t('skb.seats.split', { split: r.splitFormations }) : '',
              ].join(' ')
            }
          />
          <LongOperation
            id="publication"
            operation={publication}
            title={t('skb.seats.publication')}
            running={t('skb.seats.publishing')}
            summary={(r) => (
              <>
                {t('skb.seats.publishedOn')} <LocalTime at={r.publishedAt} zone={s.timeZone} />.{` ${t('skb.seats.cards', { scheduled: r.scheduled })}`}
              </>
            )}
          />
          <h2>{t('skb.seats.plan')}</h2>
          {s.seated === 0 && <p>{t('skb.seats.noPlan')}</p>}
          {seats.isError && <p role="alert">{t('common.loadFailed')}</p>}
          {seats.data && seats.data.length < s.seated && <p>{t('skb.seats.partial', { shown: seats.data.length, seated: s.seated })}</p>}
          {seats.data &&
            byRoom(seats.data).map((group) => (
              <table key={group.key}>
                <caption>
                  {group.first.session}, <LocalTime at={group.first.startsAt} zone={s.timeZone} />: {group.first.venue}, {group.first.room}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('skb.seats.seat')}</th>
                    <th scope="col">{t('skb.seats.number')}</th>
                    <th scope="col">{t('skb.seats.name')}</th>
                    <th scope="col">{t('skb.seats.formation')}</th>
                    <th scope="col">{t('skb.seats.extra')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.seats.map((seat) => (
                    <tr key={seat.participantNumber}>
                      <td>{seat.seatNumber}</td>
                      <th scope="row">{seat.participantNumber}</th>
                      <td>{seat.fullName}</td>
                      <td>{seat.formationCode}</td>
                      <td>{seat.extraMinutes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </>
      )}
    </SkbFrame>
  );
}
