import { Link } from 'react-router';
import { PageTitle } from '../components/layout';
import { useSession } from '../hooks/use-session';
import { useT } from '../i18n/locale';
import { homeFor } from '../lib/staff-roles';

/** A deep link into a page that the signed-in person's roles do not open. */
export function NotAllowedPage() {
  const t = useT();
  const session = useSession();
  return (
    <>
      <PageTitle>{t('staff.notAllowed.title')}</PageTitle>
      <p>{t('staff.notAllowed.body')}</p>
      <Link to={homeFor(session?.roles ?? [])}>{t('staff.notAllowed.home')}</Link>
    </>
  );
}
