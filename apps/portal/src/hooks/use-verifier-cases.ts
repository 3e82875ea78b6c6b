import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { registration, screening, type ScreeningSchemas } from '../api/clients';
import { toApiError, unwrap } from '../api/errors';
import { useLongOperation } from './use-long-operation';

type Decision = ScreeningSchemas['schemas']['DecisionDto'];
type QueuePage = ScreeningSchemas['schemas']['QueuePageDto'];

export interface QueueFilter {
  formationId?: string;
  recommendation?: NonNullable<ScreeningSchemas['schemas']['QueueItemDto']['recommendation']> | 'NONE';
}

/**
 * The verifier's own undecided cases matching the filter, oldest first, a page at a time (keyset:
 * the cursor is the last case seen); each page also says how many are left and in which formations.
 */
export function useVerifierQueue(filter: QueueFilter, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['verifier', 'queue', filter, pageSize],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: QueuePage) => last.nextCursor ?? undefined,
    queryFn: async ({ pageParam }): Promise<QueuePage> =>
      unwrap(await screening.GET('/cases/queue', { params: { query: { limit: pageSize, ...filter, ...(pageParam ? { cursor: pageParam } : {}) } } })),
  });
}

export function useCase(applicationId: string) {
  return useQuery({
    queryKey: ['verifier', 'case', applicationId],
    queryFn: async () => unwrap(await screening.GET('/cases/{applicationId}', { params: { path: { applicationId } } })),
  });
}

export function useReasons() {
  return useQuery({ queryKey: ['screening', 'reasons'], staleTime: Infinity, queryFn: async () => unwrap(await screening.GET('/reasons')) });
}

/**
 * A document of the case as an object URL, for the page's own <iframe>/<img> (the edge's CSP allows
 * blob:). Registration serves it to a verifier only with the short-lived grant that screening's case
 * view issued for this document.
 */
export function useStaffDocument(documentId: string | undefined, grant: string | undefined) {
  return useQuery({
    queryKey: ['verifier', 'document', documentId],
    enabled: Boolean(documentId),
    staleTime: Infinity,
    queryFn: async () => {
      const result = await registration.GET('/staff/documents/{documentId}', {
        params: { path: { documentId: documentId! }, header: grant ? { 'x-document-grant': grant } : {} },
        parseAs: 'blob',
      });
      if (!result.data) throw toApiError(result.response, result.error);
      return URL.createObjectURL(result.data as Blob);
    },
  });
}

function useAfterDecision() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['verifier'] });
}

export function useDecideCase(applicationId: string) {
  const done = useAfterDecision();
  return useMutation({
    mutationFn: async (decision: Decision) =>
      unwrap(await screening.POST('/cases/{applicationId}/decision', { params: { path: { applicationId } }, body: decision })),
    onSuccess: done,
  });
}

type DecisionResult = ScreeningSchemas['schemas']['DecisionResultDto'];

/**
 * One decision for a selection, all or nothing, as a long operation: a big selection takes a while,
 * and its outcome is still shown after the verifier left the queue and came back.
 */
export function useBulkDecision() {
  return useLongOperation<Decision & { applicationIds: string[] }, DecisionResult>({
    key: ['verifier-bulk-decision'],
    run: async (decision) => unwrap(await screening.POST('/cases/decisions', { body: decision })),
    onSucceeded: (_, client) => client.invalidateQueries({ queryKey: ['verifier'] }),
  });
}
