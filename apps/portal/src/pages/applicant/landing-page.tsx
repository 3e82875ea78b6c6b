import { Link } from 'react-router';
import { Countdown } from '../../components/countdown';
import { PageTitle } from '../../components/layout';
import { Requirements } from '../../components/requirements';
import { type RegistrationSchemas } from '../../api/clients';
import { useFormations, usePeriods } from '../../hooks/use-periods';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/locale';

type Period = RegistrationSchemas['schemas']['PeriodResponse'];

function PeriodFormations({ period }: { period: Period }) {
  const t = useT();
  const session = useSession();
  const formations = useFormations(period.id);
  if (formations.isPending) return <p>{t('common.loading')}</p>;
  if (formations.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  return (
    <ul className="cards">
      {formations.data.map((f) => {
        const apply = `/applications/new?period=${period.id}&formation=${f.id}`;
        return (
          <li key={f.id} className="card">
            <h3>
              {f.position} <span className="muted">({f.code})</span>
            </h3>
            <p>{f.unit}</p>
            <details>
              <summary>{t('landing.requirements')}</summary>
              <Requirements formation={f} />
            </details>
            {period.status === 'open' && (
              <Link
                className="button"
                to={session ? apply : `/sign-up?return=${encodeURIComponent(apply)}`}
                aria-label={t('landing.applyTo', { position: f.position })}
              >
                {t('landing.apply')}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Open periods and their formations, with requirements and a live countdown to the deadline in the agency's zone. */
export function LandingPage() {
  const t = useT();
  const periods = usePeriods();
  // Open and still before its deadline (an admin closes a period after its deadline, not at it).
  const open = periods.data?.filter((p) => p.status === 'open' && new Date(p.registrationClosesAt).getTime() > Date.now()) ?? [];
  return (
    <>
      <PageTitle>{t('landing.title')}</PageTitle>
      <p>{t('landing.intro')}</p>
      {periods.isPending && <p>{t('common.loading')}</p>}
      {periods.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {periods.isSuccess && open.length === 0 && <p>{t('landing.none')}</p>}
      {open.map((period) => (
        <section key={period.id} aria-labelledby={`period-${period.id}`}>
          <h2 id={`period-${period.id}`}>{period.name}</h2>
          <p>{period.agencyName}</p>
          <Countdown until={period.registrationClosesAt} zone={period.timeZone} labelId="landing.closes" />
          <PeriodFormations period={period} />
        </section>
      ))}
      <p>
        <Link to="/sign-up">{t('landing.signUp')}</Link> · <Link to="/sign-in">{t('landing.signIn')}</Link>
      </p>
    </>
  );
}
