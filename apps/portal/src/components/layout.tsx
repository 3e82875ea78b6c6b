import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../api/session';
import { useSession } from '../hooks/use-session';
import { useLocale, useT } from '../i18n/locale';
import { isStaff } from '../lib/staff-roles';

/** The frame of every applicant page: skip link, header with the language switch, the page, focus on its heading after navigation. */
export function Layout() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Focus moves to the new page's heading, so a screen reader announces where the person is.
    (main.current?.querySelector('h1') as HTMLElement | null)?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Seleksi
        </Link>
        <nav aria-label={t('layout.nav')}>
          <ul>
            {session ? (
              <>
                <li>
                  {isStaff(session.roles) ? <Link to="/staff">{t('staff.nav.workspace')}</Link> : <Link to="/applications">{t('layout.myApplications')}</Link>}
                </li>
                <li>
                  <button
                    type="button"
                    className="link-button"
                    onClick={async () => {
                      await signOut();
                      navigate('/sign-in');
                    }}
                  >
                    {t('layout.signOut')}
                  </button>
                </li>
              </>
            ) : (
              <li>
                <Link to="/sign-in">{t('layout.signIn')}</Link>
              </li>
            )}
            <li>
              <button type="button" className="link-button" lang={locale === 'id' ? 'en' : 'id'} onClick={() => setLocale(locale === 'id' ? 'en' : 'id')}>
                {t('layout.switchLanguage')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** A page's heading: focusable (tabIndex -1) so that the layout can move focus to it. */
export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
