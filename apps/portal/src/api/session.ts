import { registrationPublic, type RegistrationSchemas } from './clients-public';

/**
 * The session, as portal.md sets it: the access token lives in this module's memory only (never
 * localStorage or sessionStorage); the refresh token is the HttpOnly `seleksi_refresh` cookie that
 * registration sets on /api/registration/auth, which no script can read.
 */
type Tokens = RegistrationSchemas['schemas']['TokenPairResponse'];

interface SessionState {
  accessToken: string;
  roles: string[];
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

function adopt(tokens: Tokens): void {
  set({ accessToken: tokens.accessToken, roles: tokens.roles });
}

/** Signs in with the cookie session; the answer (ok or not) for the page to explain. */
export async function signIn(email: string, password: string) {
  const result = await registrationPublic.POST('/auth/login', { body: { email, password, session: 'cookie' } });
  if (result.data) adopt(result.data);
  return result;
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time, whoever asks: the cookie is single use (each refresh rotates it). */
export function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const result = await registrationPublic.POST('/auth/refresh', { body: {} });
      if (!result.data) {
        set(undefined);
        return false;
      }
      adopt(result.data);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** Revokes the refresh token (registration clears the cookie) and forgets the access token. */
export async function signOut(): Promise<void> {
  set(undefined);
  await registrationPublic.POST('/auth/logout', { body: {} }).catch(() => undefined);
}
