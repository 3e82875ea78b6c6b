import { useQuery } from '@tanstack/react-query';
import { registration } from '../api/clients';
import { unwrap } from '../api/errors';

export function usePeriods() {
  return useQuery({ queryKey: ['periods'], queryFn: async () => unwrap(await registration.GET('/periods')) });
}

export function usePeriod(periodId: string | undefined) {
  return useQuery({
    queryKey: ['periods', periodId],
    enabled: Boolean(periodId),
    queryFn: async () => unwrap(await registration.GET('/periods/{periodId}', { params: { path: { periodId: periodId! } } })),
  });
}

export function useFormations(periodId: string | undefined) {
  return useQuery({
    queryKey: ['periods', periodId, 'formations'],
    enabled: Boolean(periodId),
    queryFn: async () => unwrap(await registration.GET('/periods/{periodId}/formations', { params: { path: { periodId: periodId! } } })),
  });
}
