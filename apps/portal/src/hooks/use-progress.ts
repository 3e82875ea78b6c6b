import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { placement, registration, screening, skb } from '../api/clients';
import { ApiError, unwrap } from '../api/errors';

/** A 404 is "nothing yet" on these pages (no appeal filed, no exam card published, no outcome yet). */
async function orNothing<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useTimeline(applicationId: string) {
  return useQuery({
    queryKey: ['applications', applicationId, 'timeline'],
    queryFn: async () => unwrap(await registration.GET('/applications/{applicationId}/timeline', { params: { path: { applicationId } } })),
  });
}

export function useAppeal(applicationId: string) {
  return useQuery({
    queryKey: ['applications', applicationId, 'appeal'],
    queryFn: () => orNothing(async () => unwrap(await screening.GET('/applications/{applicationId}/appeal', { params: { path: { applicationId } } }))),
  });
}

export function useFileAppeal(applicationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) =>
      unwrap(await screening.POST('/applications/{applicationId}/appeal', { params: { path: { applicationId } }, body: { text } })),
    onSuccess: (appeal) => queries.setQueryData(['applications', applicationId, 'appeal'], appeal),
  });
}

export function useExamCard(periodId: string | undefined) {
  return useQuery({
    queryKey: ['periods', periodId, 'exam-card'],
    enabled: Boolean(periodId),
    // The card's contents as data (the PDF itself is downloaded on request).
    queryFn: () => orNothing(async () => unwrap(await skb.GET('/me/periods/{periodId}/exam-card/details', { params: { path: { periodId: periodId! } } }))),
  });
}

export function useSkbResult(periodId: string | undefined) {
  return useQuery({
    queryKey: ['periods', periodId, 'skb-result'],
    enabled: Boolean(periodId),
    queryFn: () => orNothing(async () => unwrap(await skb.GET('/me/periods/{periodId}/result', { params: { path: { periodId: periodId! } } }))),
  });
}

export function useOutcome(applicationId: string) {
  return useQuery({
    queryKey: ['applications', applicationId, 'outcome'],
    queryFn: () => orNothing(async () => unwrap(await placement.GET('/applications/{applicationId}/outcome', { params: { path: { applicationId } } }))),
  });
}

export function useDecline(applicationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(await placement.POST('/applications/{applicationId}/decline', { params: { path: { applicationId } }, body: { reason } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['applications', applicationId, 'outcome'] }),
  });
}
