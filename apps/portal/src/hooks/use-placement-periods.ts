import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { placement, type PlacementSchemas } from '../api/clients';
import { unwrap } from '../api/errors';

export type PlacementPeriod = PlacementSchemas['schemas']['PlacementPeriodDto'];
export type PlacementPeriodDetail = PlacementSchemas['schemas']['PlacementPeriodDetailDto'];

/** The periods placement has heard of, with when each long operation last ended. */
export function usePlacementPeriods() {
  return useQuery({ queryKey: ['placement', 'periods'], queryFn: async () => unwrap(await placement.GET('/periods')) });
}

/** One period: its rules, its formations and the outcome of each long operation, read back from the service. */
export function usePlacementPeriod(periodId: string) {
  return useQuery({
    queryKey: ['placement', 'periods', periodId],
    queryFn: async () => unwrap(await placement.GET('/periods/{periodId}', { params: { path: { periodId } } })),
  });
}

/** The long operations of a period; the officer starts each one, and the page reads its outcome back from the service. */
export type Operation = 'rankings' | 'proposal' | 'confirmation' | 'announcement';

async function run(periodId: string, operation: Operation): Promise<unknown> {
  const path = { params: { path: { periodId } } };
  switch (operation) {
    case 'rankings':
      return unwrap(await placement.POST('/periods/{periodId}/rankings', path));
    case 'proposal':
      return unwrap(await placement.POST('/periods/{periodId}/proposal', path));
    case 'confirmation':
      return unwrap(await placement.POST('/periods/{periodId}/confirmation', path));
    case 'announcement':
      return unwrap(await placement.POST('/periods/{periodId}/announcement', path));
  }
}

const operationKey = (periodId: string, operation: Operation) => ['placement', 'operation', periodId, operation];

/**
 * Starts a long operation. Its mutation key lets a page left while it runs and opened again see it
 * still running (useOperationRunning); when it ends, everything of the period is read again.
 */
export function useOperation(periodId: string, operation: Operation) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: operationKey(periodId, operation),
    mutationFn: () => run(periodId, operation),
    onSettled: () => client.invalidateQueries({ queryKey: ['placement'] }),
  });
}

/** When this operation was started from this browser and is still running (null when it is not). */
export function useOperationRunning(periodId: string, operation: Operation): number | null {
  const started = useMutationState({
    filters: { mutationKey: operationKey(periodId, operation), status: 'pending' },
    select: (mutation) => mutation.state.submittedAt,
  });
  return started.length > 0 ? Math.min(...started) : null;
}
