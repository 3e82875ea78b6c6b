import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { refreshOnce } from '../api/session';
import { signInPath } from '../api/http';
import { useSession } from '../hooks/use-session';
import { useT } from '../i18n/locale';

/** Pages that need a session: after a reload the memory is empty, so one silent refresh via the cookie first. */
export function RequireSession() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!session && !tried) void refreshOnce().finally(() => setTried(true));
  }, [session, tried]);
  if (session) return <Outlet />;
  if (!tried) return <p role="status">{t('common.loading')}</p>;
  return <Navigate to={signInPath(location.pathname + location.search)} replace />;
}
