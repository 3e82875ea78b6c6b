import type { components } from './generated/registration';

/**
 * The session, as portal.md sets it: the access token lives in this module's memory only (never
 * localStorage or sessionStorage); the refresh token is an HttpOnly cookie that registration sets on
 * /api/registration/auth, which the page's script cannot read.
 */
type TokenResponse = Partial<components['schemas']['TokenPairResponse']> & { accessToken: string; roles: string[] };

interface SessionState {
  accessToken: string;
  roles: string[];
  /** Only while registration answers without cookie sessions (before the account branch): kept in memory, never stored. */
  refreshToken?: string;
}

let state: SessionState | undefined;
const listeners = new Set<() => void>();

export function currentSession(): Readonly<SessionState> | undefined {
  return state;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: SessionState | undefined): void {
  state = next;
  for (const listener of listeners) listener();
}

export function adoptTokens(tokens: TokenResponse): void {
  set({ accessToken: tokens.accessToken, roles: tokens.roles, refreshToken: tokens.refreshToken });
}

export function forget(): void {
  set(undefined);
}

const AUTH = '/api/registration/auth';

export async function signIn(email: string, password: string): Promise<Response> {
  const post = (body: object) =>
    fetch(`${AUTH}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  let response = await post({ email, password, session: 'cookie' });
  if (response.status === 400) {
    // A registration without cookie sessions refuses the unknown `session` field: sign in as an API client.
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string; field?: string };
    if (body.code === 'FIELD_NOT_ALLOWED' || body.field === 'session') response = await post({ email, password });
  }
  if (response.ok) adoptTokens((await response.clone().json()) as TokenResponse);
  return response;
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time, whoever asks: the cookie (or the in-memory token) is single use. */
export function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const body = state?.refreshToken ? { refreshToken: state.refreshToken } : {};
      const response = await fetch(`${AUTH}/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        forget();
        return false;
      }
      adoptTokens((await response.json()) as TokenResponse);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  const body = state?.refreshToken ? { refreshToken: state.refreshToken } : {};
  forget();
  await fetch(`${AUTH}/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  }).catch(() => undefined);
}
