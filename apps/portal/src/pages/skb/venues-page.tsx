import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LocalTime } from '../../components/local-time';
import { useAddSession, useAddVenue, useSessions, useSkbPeriod, useVenues } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { SkbFrame } from './skb-frame';

interface RoomDraft {
  name: string;
  capacity: string;
}

function VenueForm({ periodId }: { periodId: string }) {
  const t = useT();
  const intl = useIntl();
  const add = useAddVenue(periodId);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [rooms, setRooms] = useState<RoomDraft[]>([{ name: '', capacity: '' }]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!name.trim()) found.push({ fieldId: 'venue-name', message: t('skb.venue.error.name') });
    if (!address.trim()) found.push({ fieldId: 'venue-address', message: t('skb.venue.error.address') });
    rooms.forEach((r, i) => {
      if (!r.name.trim()) found.push({ fieldId: `room-${i}-name`, message: t('skb.venue.error.roomName', { n: i + 1 }) });
      if (!(Number(r.capacity) >= 1 && Number.isInteger(Number(r.capacity))))
        found.push({ fieldId: `room-${i}-capacity`, message: t('skb.venue.error.capacity', { n: i + 1 }) });
    });
    setProblems(found);
    setDone('');
    if (found.length > 0) return;
    try {
      const venue = await add.mutateAsync({
        name: name.trim(),
        address: address.trim(),
        rooms: rooms.map((r) => ({ name: r.name.trim(), capacity: Number(r.capacity) })),
      });
      setName('');
      setAddress('');
      setRooms([{ name: '', capacity: '' }]);
      setDone(t('skb.venue.saved', { name: venue.name }));
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  const setRoom = (i: number, patch: Partial<RoomDraft>) => setRooms(rooms.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="venue-form-title">
      <h3 id="venue-form-title">{t('skb.venue.add')}</h3>
      <ErrorSummary problems={problems} />
      <Field id="venue-name" label={t('skb.venue.name')} value={name} onChange={(e) => setName(e.target.value)} />
      <Field id="venue-address" label={t('skb.venue.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
      <fieldset>
        <legend>{t('skb.venue.rooms')}</legend>
        {rooms.map((r, i) => (
          <div key={i} className="inline-fields">
            <Field id={`room-${i}-name`} label={t('skb.venue.roomName', { n: i + 1 })} value={r.name} onChange={(e) => setRoom(i, { name: e.target.value })} />
            <Field
              id={`room-${i}-capacity`}
              label={t('skb.venue.capacity', { n: i + 1 })}
              type="number"
              min={1}
              inputMode="numeric"
              value={r.capacity}
              onChange={(e) => setRoom(i, { capacity: e.target.value })}
            />
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setRooms([...rooms, { name: '', capacity: '' }])}>
          {t('skb.venue.addRoom')}
        </button>
      </fieldset>
      <button type="submit" disabled={add.isPending}>
        {add.isPending ? t('common.sending') : t('skb.venue.submit')}
      </button>
      <p role="status">{done}</p>
    </form>
  );
}

function SessionForm({ periodId }: { periodId: string }) {
  const t = useT();
  const intl = useIntl();
  const add = useAddSession(periodId);
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [duration, setDuration] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!name.trim()) found.push({ fieldId: 'session-name', message: t('skb.session.error.name') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.push({ fieldId: 'session-date', message: t('skb.session.error.date') });
    if (!/^\d{2}:\d{2}$/.test(startTime)) found.push({ fieldId: 'session-start', message: t('skb.session.error.start') });
    if (!(Number(duration) >= 1 && Number.isInteger(Number(duration)))) found.push({ fieldId: 'session-duration', message: t('skb.session.error.duration') });
    setProblems(found);
    setDone('');
    if (found.length > 0) return;
    try {
      const session = await add.mutateAsync({ name: name.trim(), date, startTime, durationMinutes: Number(duration) });
      setName('');
      setDate('');
      setStartTime('');
      setDuration('');
      setDone(t('skb.session.saved', { name: session.name }));
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="session-form-title">
      <h3 id="session-form-title">{t('skb.session.add')}</h3>
      <ErrorSummary problems={problems} />
      <Field id="session-name" label={t('skb.session.name')} value={name} onChange={(e) => setName(e.target.value)} />
      <Field
        id="session-date"
        label={t('skb.session.date')}
        hint={t('skb.session.dateHint')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <Field id="session-start" label={t('skb.session.start')} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
      <Field
        id="session-duration"
        label={t('skb.session.duration')}
        type="number"
        min={1}
        inputMode="numeric"
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
      />
      <button type="submit" disabled={add.isPending}>
        {add.isPending ? t('common.sending') : t('skb.session.submit')}
      </button>
      <p role="status">{done}</p>
    </form>
  );
}

/** Venues with their rooms, and the sessions: listed, and added until the seat plan is published. */
export function SkbVenuesPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const state = useSkbPeriod(periodId);
  const venues = useVenues(periodId);
  const sessions = useSessions(periodId);
  const fixed = Boolean(state.data?.allocationPublishedAt);
  return (
    <SkbFrame periodId={periodId} titleKey="skb.venues.title">
      {fixed && <p className="warning">{t('skb.venues.fixed')}</p>}
      <div className="side-by-side">
        <section aria-labelledby="venues-title">
          <h2 id="venues-title">{t('skb.venues.heading')}</h2>
          {venues.isError && <p role="alert">{t('common.loadFailed')}</p>}
          {venues.data && venues.data.length === 0 && <p>{t('skb.venues.none')}</p>}
          {venues.data && venues.data.length > 0 && (
            <table>
              <caption>{t('skb.venues.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('skb.venue.name')}</th>
                  <th scope="col">{t('skb.venue.address')}</th>
                  <th scope="col">{t('skb.venue.rooms')}</th>
                </tr>
              </thead>
              <tbody>
                {venues.data.map((v) => (
                  <tr key={v.venueId}>
                    <th scope="row">{v.name}</th>
                    <td>{v.address}</td>
                    <td>{v.rooms.map((r) => t('skb.venue.room', { name: r.name, capacity: r.capacity })).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.data && !fixed && <VenueForm periodId={periodId} />}
        </section>
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('skb.sessions.heading')}</h2>
          {sessions.isError && <p role="alert">{t('common.loadFailed')}</p>}
          {sessions.data && sessions.data.length === 0 && <p>{t('skb.sessions.none')}</p>}
          {sessions.data && sessions.data.length > 0 && state.data && (
            <table>
              <caption>{t('skb.sessions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('skb.session.name')}</th>
                  <th scope="col">{t('skb.session.startsAt')}</th>
                  <th scope="col">{t('skb.session.duration')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.sessionId}>
                    <th scope="row">{s.name}</th>
                    <td>
                      <LocalTime at={s.startsAt} zone={state.data.timeZone} />
                    </td>
                    <td>{s.durationMinutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.data && !fixed && <SessionForm periodId={periodId} />}
        </section>
      </div>
    </SkbFrame>
  );
}
