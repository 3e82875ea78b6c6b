import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { placement, type PlacementSchemas } from '../api/clients';
import { ApiError, toApiError, unwrap } from '../api/errors';

export type RankingEntry = PlacementSchemas['schemas']['RankingEntryDto'];
export type PlacementItem = PlacementSchemas['schemas']['PlacementListItemDto'];
export type OverrideItem = PlacementSchemas['schemas']['OverrideItemDto'];

const rankingQuery = (periodId: string, formationId: string) => ({
  queryKey: ['placement', 'periods', periodId, 'ranking', formationId],
  // No ranking computed yet for the formation is an answer ("not yet"), not a failure.
  queryFn: async () => {
    try {
      return unwrap(await placement.GET('/periods/{periodId}/formations/{formationId}/ranking', { params: { path: { periodId, formationId } } }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RANKING_NOT_FOUND') return null;
      throw error;
    }
  },
});

/** A formation's stored ranking with each candidate's explanation; null before the first computation. */
export function useRanking(periodId: string, formationId: string | undefined) {
  return useQuery({ ...rankingQuery(periodId, formationId ?? ''), enabled: Boolean(formationId) });
}

/** Every formation's ranking (the override form offers any ranked candidate of the period). */
export function useRankings(periodId: string, formationIds: string[]) {
  return useQueries({ queries: formationIds.map((formationId) => rankingQuery(periodId, formationId)) });
}

/** The period's placements: proposed, confirmed and declined (withdrawn ones are history in the overrides). */
export function usePlacements(periodId: string) {
  return useQuery({
    queryKey: ['placement', 'periods', periodId, 'placements'],
    queryFn: async () => unwrap(await placement.GET('/periods/{periodId}/placements', { params: { path: { periodId } } })),
  });
}

/** The period's overrides; PENDING is the approval queue. */
export function useOverrides(periodId: string, status?: 'PENDING' | 'APPLIED') {
  return useQuery({
    queryKey: ['placement', 'periods', periodId, 'overrides', status ?? 'ALL'],
    queryFn: async () => unwrap(await placement.GET('/periods/{periodId}/overrides', { params: { path: { periodId }, query: status ? { status } : {} } })),
  });
}

function useAfterChange() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['placement'] });
}

export function useOverridePlacement(periodId: string) {
  const done = useAfterChange();
  return useMutation({
    mutationFn: async ({ placementId, applicationId, reason }: { placementId: string; applicationId: string; reason: string }) =>
      unwrap(
        await placement.POST('/periods/{periodId}/placements/{placementId}/override', {
          params: { path: { periodId, placementId } },
          body: { applicationId, reason },
        }),
      ),
    onSuccess: done,
  });
}

export function useApproveOverride(periodId: string) {
  const done = useAfterChange();
  return useMutation({
    mutationFn: async (overrideId: string) =>
      unwrap(await placement.POST('/periods/{periodId}/overrides/{overrideId}/approval', { params: { path: { periodId, overrideId } } })),
    onSuccess: done,
  });
}

export function useReport(periodId: string) {
  return useQuery({
    queryKey: ['placement', 'periods', periodId, 'report'],
    queryFn: async () => unwrap(await placement.GET('/periods/{periodId}/report', { params: { path: { periodId } } })),
  });
}

/** The report as the service's CSV, for a spreadsheet. */
export async function loadReportCsv(periodId: string): Promise<Blob> {
  const result = await placement.GET('/periods/{periodId}/report', { params: { path: { periodId }, query: { format: 'csv' } }, parseAs: 'blob' });
  if (!result.response.ok || !result.data) throw toApiError(result.response, result.error);
  return result.data as unknown as Blob;
}
