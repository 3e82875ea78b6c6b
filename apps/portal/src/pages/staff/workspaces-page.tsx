import { Link, Navigate } from 'react-router';
import { PageTitle } from '../../components/layout';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/locale';
import { workspacesOf } from '../../lib/staff-roles';
import { NotAllowedPage } from '../not-allowed-page';

/** The workspaces of a person with several staff roles; with one, straight into it. */
export function WorkspacesPage() {
  const t = useT();
  const session = useSession();
  const workspaces = workspacesOf(session?.roles ?? []);
  if (workspaces.length === 0) return <NotAllowedPage />;
  if (workspaces.length === 1) return <Navigate to={workspaces[0].path} replace />;
  return (
    <>
      <PageTitle>{t('staff.workspaces.title')}</PageTitle>
      <ul className="links">
        {workspaces.map((w) => (
          <li key={w.role}>
            <Link to={w.path}>{t(`staff.workspace.${w.key}`)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
