import { useQuery } from '@tanstack/react-query';
import { placement, type PlacementSchemas } from '../api/clients';
import { unwrap } from '../api/errors';
import { useLongOperation } from './use-long-operation';

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

/** When the service says the operation last ended. */
export function doneAt(period: PlacementPeriodDetail, operation: Operation): string | null {
  return { rankings: period.rankedAt, proposal: period.proposedAt, confirmation: period.confirmedAt, announcement: period.announcedAt }[operation] ?? null;
}

export const operationReadBackKey = (periodId: string, operation: Operation) => ['placement', 'periods', periodId, 'operation', operation];

/**
 * A long operation of a period (libs' one shape, useLongOperation): its outcome is the period as the
 * service counts it afterwards, read back whenever the page is opened, so leaving and returning shows it.
 */
export function usePlacementOperation(periodId: string, operation: Operation) {
  const readPeriod = async () => unwrap(await placement.GET('/periods/{periodId}', { params: { path: { periodId } } }));
  return useLongOperation<void, PlacementPeriodDetail>({
    key: ['placement', operation, periodId],
    run: async () => {
      await run(periodId, operation);
      return readPeriod();
    },
    readBack: {
      queryKey: operationReadBackKey(periodId, operation),
      queryFn: async () => {
        const period = await readPeriod();
        return doneAt(period, operation) ? { phase: 'succeeded' as const, result: period } : null;
      },
    },
    onSucceeded: (_result, client) => client.invalidateQueries({ queryKey: ['placement'] }),
  });
}
