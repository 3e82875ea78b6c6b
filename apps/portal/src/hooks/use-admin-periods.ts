import { useQuery } from '@tanstack/react-query';
import { registration, screening } from '../api/clients';
import { unwrap } from '../api/errors';

/** Every period, drafts included (admin). */
export function useAdminPeriods() {
  return useQuery({ queryKey: ['admin', 'periods'], queryFn: async () => unwrap(await registration.GET('/admin/periods')) });
}

/** A period's verifiers with the cases each still has open: the distribution of the work. */
export function usePeriodVerifiers(periodId: string) {
  return useQuery({
    queryKey: ['admin', 'periods', periodId, 'verifiers'],
    queryFn: async () => unwrap(await screening.GET('/periods/{periodId}/verifiers', { params: { path: { periodId } } })),
  });
}

/** Open appeals of a period past their answer deadline. */
export function useOverdueAppeals(periodId: string) {
  return useQuery({
    queryKey: ['admin', 'periods', periodId, 'overdue-appeals'],
    queryFn: async () => unwrap(await screening.GET('/appeals/overdue', { params: { query: { periodId } } })),
  });
}
