import { NavLink } from 'react-router';
import { useT } from '../../i18n/locale';

/** The verifier workspace's own menu: the queue and the appeals to answer. */
export function VerifierNav() {
  const t = useT();
  return (
    <nav aria-label={t('verifier.nav')}>
      <ul className="links">
        <li>
          <NavLink to="/staff/verifier" end>
            {t('verifier.queue.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/staff/verifier/appeals">{t('verifier.appeals.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
