import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/errors';
import { registration, skb, type SkbSchemas } from '../api/clients';
import { sendWithProgress } from '../api/upload';
import { type OperationState, useLongOperation } from './use-long-operation';

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

/** What an allocation run or the service's state says: the seated participants and the seats. */
export interface AllocationOutcome {
  seated: number;
  capacity: number;
  /** Only from a run: formations split over several rooms or sessions. */
  splitFormations?: number;
}

/** Reads the period's state for a long operation's read-back (its own key: the data differs from useSkbPeriod's). */
function readState<R>(periodId: string, step: string, from: (state: SkbPeriod) => OperationState<R> | null) {
  return {
    queryKey: ['skb', periodId, 'operation', step],
    queryFn: async () => from(unwrap(await skb.GET('/periods/{periodId}', path(periodId)))),
  };
}

/** A run whose every end, success or refusal, refreshes what the workspace shows of the period. */
function useRefreshingRun<I, R>(periodId: string, run: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return async (input: I) => {
    try {
      return await run(input);
    } finally {
      void client.invalidateQueries({ queryKey: ['skb', periodId] });
    }
  };
}

/** Seat allocation as a long operation; the seated count read back from skb says it happened. */
export function useAllocation(periodId: string) {
  return useLongOperation<void, AllocationOutcome>({
    key: ['skb', 'allocation', periodId],
    run: useRefreshingRun(periodId, async () => {
      const done = unwrap(await skb.POST('/periods/{periodId}/allocation', path(periodId)));
      return { seated: done.participants, capacity: done.capacity, splitFormations: done.splitFormations };
    }),
    readBack: readState(periodId, 'allocation', (s) => (s.seated > 0 ? { phase: 'succeeded', result: { seated: s.seated, capacity: s.capacity } } : null)),
  });
}

export interface PublicationOutcome {
  publishedAt: string;
  /** Participants whose exam card appears (every seated one). */
  scheduled: number;
}

export function usePublication(periodId: string) {
  return useLongOperation<void, PublicationOutcome>({
    key: ['skb', 'publication', periodId],
    run: useRefreshingRun(periodId, async () => unwrap(await skb.POST('/periods/{periodId}/allocation/publish', path(periodId)))),
    readBack: readState(periodId, 'publication', (s) =>
      s.allocationPublishedAt ? { phase: 'succeeded', result: { publishedAt: s.allocationPublishedAt, scheduled: s.seated } } : null,
    ),
  });
}

export interface FinalizationOutcome {
  finalizedAt: string;
  /** Participants given a result. */
  participants: number;
}

export function useFinalization(periodId: string) {
  return useLongOperation<void, FinalizationOutcome>({
    key: ['skb', 'finalization', periodId],
    run: useRefreshingRun(periodId, async () => unwrap(await skb.POST('/periods/{periodId}/finalize', path(periodId)))),
    readBack: readState(periodId, 'finalization', (s) =>
      s.finalizedAt ? { phase: 'succeeded', result: { finalizedAt: s.finalizedAt, participants: s.participants } } : null,
    ),
  });
}

export interface ImportOutcome {
  rows: number;
  participantsChanged: number;
}

/**
 * The CAT file sent as it is (text/csv), with upload progress, as a long operation. Read back from
 * skb's record of the last import: applied, or refused (as the refusal's ApiError, so the same
 * catalogue message shows; the row report comes from useLatestImport).
 */
export function useScoreImport(periodId: string) {
  return useLongOperation<{ file: File; onProgress: (fraction: number) => void }, ImportOutcome>({
    key: ['skb', 'score-import', periodId],
    run: useRefreshingRun(periodId, ({ file, onProgress }) =>
      sendWithProgress<ImportResult>('POST', `/api/skb/periods/${encodeURIComponent(periodId)}/score-imports`, file, 'text/csv', onProgress),
    ),
    readBack: {
      queryKey: ['skb', periodId, 'operation', 'score-import'],
      queryFn: async (): Promise<OperationState<ImportOutcome> | null> => {
        const result = await skb.GET('/periods/{periodId}/score-imports/latest', path(periodId));
        if (result.response.status === 404) return null;
        const last = unwrap(result);
        if (last.outcome === 'APPLIED') return { phase: 'succeeded', result: { rows: last.rows, participantsChanged: last.participantsChanged } };
        return { phase: 'failed', error: new ApiError(422, last.code ?? 'CSV_REJECTED', '', 'file', undefined, { errorCount: last.errorCount }) };
      },
    },
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
