import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { screening, type ScreeningSchemas } from '../api/clients';
import { unwrap } from '../api/errors';

type Resolution = ScreeningSchemas['schemas']['ResolveAppealDto'];

/** The open appeals that I must answer, soonest deadline first. */
export function useAssignedAppeals() {
  return useQuery({ queryKey: ['verifier', 'appeals'], queryFn: async () => unwrap(await screening.GET('/appeals/assigned')) });
}

export function useResolveAppeal(appealId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (resolution: Resolution) =>
      unwrap(await screening.POST('/appeals/{appealId}/resolution', { params: { path: { appealId } }, body: resolution })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['verifier'] }),
  });
}
