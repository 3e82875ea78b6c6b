import { Outlet } from 'react-router';
import { useSession } from '../hooks/use-session';
import { NotAllowedPage } from '../pages/not-allowed-page';

/** A workspace's pages, for the holders of its role only; anyone else sees why they cannot go on (the API refuses them anyway). */
export function RequireRole({ role }: { role: string }) {
  const session = useSession();
  if (!session?.roles.includes(role)) return <NotAllowedPage />;
  return (
    <div className="staff-page">
      <Outlet />
    </div>
  );
}
