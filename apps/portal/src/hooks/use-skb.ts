import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/errors';
import { registration, skb, type SkbSchemas } from '../api/clients';
import { sendWithProgress } from '../api/upload';

export type SkbPeriod = SkbSchemas['schemas']['SkbPeriodResponse'];
export type ImportReport = SkbSchemas['schemas']['LatestImportResponse'];
export type ImportResult = SkbSchemas['schemas']['ImportScoresResponse'];
export type SheetRow = SkbSchemas['schemas']['ScoreSheetRow'];
export type Seat = SkbSchemas['schemas']['SeatResponse'];
export type FormationDistribution = SkbSchemas['schemas']['FormationDistributionDto'];

const path = (periodId: string) => ({ params: { path: { periodId } } });

/** Every period skb knows, with where its SKB stands, joined to registration's code and name. */
export function useSkbPeriods() {
  return useQuery({
    queryKey: ['skb', 'periods'],
    queryFn: async () => {
      const [states, published] = await Promise.all([skb.GET('/periods').then(unwrap), registration.GET('/periods').then(unwrap)]);
      const names = new Map(published.map((p) => [p.id, p]));
      return states.map((s) => ({ ...s, code: names.get(s.periodId)?.code, name: names.get(s.periodId)?.name }));
    },
  });
}

/** One period's SKB state: the source of truth each page reads back after a long step. */
export function useSkbPeriod(periodId: string) {
  return useQuery({ queryKey: ['skb', periodId, 'state'], queryFn: async () => unwrap(await skb.GET('/periods/{periodId}', path(periodId))) });
}

export function usePeriodName(periodId: string) {
  return useQuery({
    queryKey: ['periods', periodId],
    queryFn: async () => unwrap(await registration.GET('/periods/{periodId}', { params: { path: { periodId } } })),
  });
}

export function useVenues(periodId: string) {
  return useQuery({ queryKey: ['skb', periodId, 'venues'], queryFn: async () => unwrap(await skb.GET('/periods/{periodId}/venues', path(periodId))) });
}

export function useSessions(periodId: string) {
  return useQuery({ queryKey: ['skb', periodId, 'sessions'], queryFn: async () => unwrap(await skb.GET('/periods/{periodId}/sessions', path(periodId))) });
}

export function useSeatPlan(periodId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['skb', periodId, 'seats'],
    enabled,
    queryFn: async () => unwrap(await skb.GET('/periods/{periodId}/allocation', { params: { path: { periodId }, query: { limit: 10_000 } } })),
  });
}

export function useScoreSheet(periodId: string) {
  return useQuery({
    queryKey: ['skb', periodId, 'sheet'],
    queryFn: async () => unwrap(await skb.GET('/periods/{periodId}/score-sheet', { params: { path: { periodId }, query: { limit: 1000 } } })),
  });
}

/** The last import's outcome as the service kept it; none yet is an answer, not a failure. */
export function useLatestImport(periodId: string) {
  return useQuery({
    queryKey: ['skb', periodId, 'latest-import'],
    queryFn: async () => {
      try {
        return unwrap(await skb.GET('/periods/{periodId}/score-imports/latest', path(periodId)));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NO_IMPORT_YET') return null;
        throw error;
      }
    },
  });
}

export function useDistribution(periodId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['skb', periodId, 'distribution'],
    enabled,
    queryFn: async () => unwrap(await skb.GET('/periods/{periodId}/results/distribution', path(periodId))),
  });
}

/** After any write: read the period's state (and everything under it) back from the service. */
function useRefresh(periodId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['skb', periodId] });
}

export function useAddVenue(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async (body: SkbSchemas['schemas']['CreateVenueDto']) => unwrap(await skb.POST('/periods/{periodId}/venues', { ...path(periodId), body })),
    onSuccess: refresh,
  });
}

export function useAddSession(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async (body: SkbSchemas['schemas']['CreateSessionDto']) => unwrap(await skb.POST('/periods/{periodId}/sessions', { ...path(periodId), body })),
    onSuccess: refresh,
  });
}

export function useAllocate(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async () => unwrap(await skb.POST('/periods/{periodId}/allocation', path(periodId))),
    onSettled: refresh,
  });
}

export function usePublish(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async () => unwrap(await skb.POST('/periods/{periodId}/allocation/publish', path(periodId))),
    onSettled: refresh,
  });
}

export function useFinalize(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async () => unwrap(await skb.POST('/periods/{periodId}/finalize', path(periodId))),
    onSettled: refresh,
  });
}

/** The CAT file sent as it is (text/csv), with upload progress; the outcome is read back either way. */
export function useImportScores(periodId: string) {
  const refresh = useRefresh(periodId);
  return useMutation({
    mutationFn: async ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      sendWithProgress<ImportResult>('POST', `/api/skb/periods/${encodeURIComponent(periodId)}/score-imports`, file, 'text/csv', onProgress),
    onSettled: refresh,
  });
}

export function useRecordScore(periodId: string) {
  return useMutation({
    mutationFn: async ({ participantNumber, component, score }: { participantNumber: string; component: string; score: number }) =>
      unwrap(
        await skb.PUT('/periods/{periodId}/participants/{participantNumber}/scores/{component}', {
          params: { path: { periodId, participantNumber, component } },
          body: { score },
        }),
      ),
  });
}

export function useRecordAttendance(periodId: string) {
  return useMutation({
    mutationFn: async ({ participantNumber, attendance }: { participantNumber: string; attendance: 'PRESENT' | 'TH' | 'DIS' }) =>
      unwrap(
        await skb.PUT('/periods/{periodId}/participants/{participantNumber}/attendance', {
          params: { path: { periodId, participantNumber } },
          body: { attendance },
        }),
      ),
  });
}
