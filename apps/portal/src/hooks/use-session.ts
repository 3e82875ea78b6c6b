import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange } from '../api/session';

/** The in-memory session, re-rendering on sign-in, refresh and sign-out. */
export function useSession() {
  return useSyncExternalStore(onSessionChange, currentSession);
}
