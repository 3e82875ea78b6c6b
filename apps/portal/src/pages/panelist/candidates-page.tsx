import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { usePanelistCandidates } from '../../hooks/use-panelist';
import { useT } from '../../i18n/locale';
import { candidatePath, zoneOf } from './panelist-paths';

/**
 * My candidates: those of the panels I sit on, by participant number and formation only (the
 * service sends nothing else: no name, photo, NIK, KK or birth date).
 */
export function CandidatesPage() {
  const t = useT();
  const candidates = usePanelistCandidates();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <PageTitle>{t('panelist.candidates.title')}</PageTitle>
      <p>{t('panelist.candidates.intro')}</p>
      {notice && <p role="status">{notice}</p>}
      {candidates.isPending && <p role="status">{t('common.loading')}</p>}
      {candidates.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {candidates.data && candidates.data.length === 0 && <p>{t('panelist.candidates.none')}</p>}
      {candidates.data && candidates.data.length > 0 && (
        <table>
          <caption>{t('panelist.candidates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panelist.candidate.number')}</th>
              <th scope="col">{t('panelist.candidate.formation')}</th>
              <th scope="col">{t('panelist.candidate.slot')}</th>
              <th scope="col">{t('panelist.candidate.status')}</th>
              <th scope="col">{t('panelist.candidate.mySheet')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.data.map((c) => (
              <tr key={`${c.panelId}/${c.participantNumber}`}>
                <th scope="row">
                  <Link to={candidatePath(c)}>{c.participantNumber}</Link>
                </th>
                <td>{[c.formation.code, c.formation.position].filter(Boolean).join(' · ') || '—'}</td>
                <td>
                  {c.slot ? (
                    <>
                      <LocalTime at={c.slot.startsAt} zone={zoneOf(c.slot.localStartsAt)} />, {c.slot.place}
                    </>
                  ) : (
                    t('panelist.candidate.noSlot')
                  )}
                </td>
                <td>{t(`panelist.status.${c.status}`)}</td>
                <td>{t(`panelist.sheet.${c.mySheet}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
