import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { registration } from '../api/clients';
import { ApiError, unwrap } from '../api/errors';
import type { Application } from './use-application';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The final submit, calm at the deadline: one Idempotency-Key per attempt, kept across retries (and
 * in sessionStorage, so a reload retries the same attempt); a 503 SERVICE_BUSY waits its Retry-After
 * and tries again by itself. Two tabs cannot submit at once: a Web Lock serialises them and a
 * BroadcastChannel tells the other tab it is done (the server's idempotency is the last word).
 */
export function useSubmit(applicationId: string) {
  const queries = useQueryClient();
  const [retryingIn, setRetryingIn] = useState<number | undefined>();
  const [submittedElsewhere, setSubmittedElsewhere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return undefined;
    const channel = new BroadcastChannel(`seleksi-submit-${applicationId}`);
    channel.onmessage = () => {
      setSubmittedElsewhere(true);
      void queries.invalidateQueries({ queryKey: ['applications', applicationId] });
    };
    return () => channel.close();
  }, [applicationId, queries]);

  const mutation = useMutation({
    mutationFn: async (): Promise<Application> => {
      const storageKey = `seleksi.submit-key.${applicationId}`;
      const key = window.sessionStorage.getItem(storageKey) ?? `portal-${crypto.randomUUID()}`;
      window.sessionStorage.setItem(storageKey, key);
      const attempt = async (): Promise<Application> => {
        for (let tries = 0; ; tries += 1) {
          try {
            const result = unwrap(
              await registration.POST('/applications/{applicationId}/submit', { params: { path: { applicationId }, header: { 'Idempotency-Key': key } } }),
            );
            setRetryingIn(undefined);
            return result;
          } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'SERVICE_BUSY' || tries >= 20) throw error;
            const seconds = error.retryAfterSeconds ?? 2;
            setRetryingIn(seconds);
            await sleep(seconds * 1000);
          }
        }
      };
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const application = locks ? await locks.request(`seleksi-submit-${applicationId}`, attempt) : await attempt();
      window.sessionStorage.removeItem(storageKey);
      if (typeof BroadcastChannel !== 'undefined') {
        const channel = new BroadcastChannel(`seleksi-submit-${applicationId}`);
        channel.postMessage('submitted');
        channel.close();
      }
      return application;
    },
    onSuccess: (application) => queries.setQueryData(['applications', applicationId], application),
  });
  return { ...mutation, retryingIn, submittedElsewhere };
}
