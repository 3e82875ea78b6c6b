import { NetworkError } from './errors';
import { currentSession, refreshOnce } from './session';

/** Where a page sends someone whose session cannot be renewed: sign-in, then back where they were. */
export function signInPath(returnTo: string = window.location.pathname + window.location.search): string {
  return `/sign-in?return=${encodeURIComponent(returnTo)}`;
}

let onSessionLost: (path: string) => void = (path) => window.location.assign(path);

/** The router installs its own navigation so that a lost session does not reload the page. */
export function setSessionLostHandler(handler: (path: string) => void): void {
  onSessionLost = handler;
}

function withToken(request: Request): Request {
  const token = currentSession()?.accessToken;
  const headers = new Headers(request.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/**
 * The fetch every client uses: the in-memory access token; on 401 one silent refresh via the
 * cookie and one retry; a second 401 sends the person to sign-in with the page they were on.
 */
export async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  let response: Response;
  try {
    response = await fetch(withToken(request));
    if (response.status !== 401) return response;
    if (await refreshOnce()) {
      response = await fetch(withToken(retry));
      if (response.status !== 401) return response;
    }
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  onSessionLost(signInPath());
  return response;
}
