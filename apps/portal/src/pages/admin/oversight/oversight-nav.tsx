import { NavLink } from 'react-router';
import { useT } from '../../../i18n/locale';

/** The admin's oversight pages: NIK release and identity correction, the audit trail, the period dashboards. */
export function OversightNav() {
  const t = useT();
  return (
    <nav aria-label={t('oversight.nav')}>
      <ul className="links">
        <li>
          <NavLink to="/staff/admin" end>
            {t('oversight.nav.periods')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/staff/admin/oversight/identity">{t('oversight.identity.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/staff/admin/oversight/audit">{t('oversight.audit.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/staff/admin/oversight/dashboards" end>
            {t('oversight.dashboards.title')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
