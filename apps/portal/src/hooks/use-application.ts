import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { registration, type RegistrationSchemas } from '../api/clients';
import { unwrap } from '../api/errors';
import { uploadDocument } from '../api/upload';

export type Application = RegistrationSchemas['schemas']['ApplicationResponse'];
export type DraftChanges = RegistrationSchemas['schemas']['UpdateApplicationDto'];

export function useApplications(enabled = true) {
  return useQuery({ queryKey: ['applications'], enabled, queryFn: async () => unwrap(await registration.GET('/applications')) });
}

export function useApplication(applicationId: string) {
  return useQuery({
    queryKey: ['applications', applicationId],
    queryFn: async () => unwrap(await registration.GET('/applications/{applicationId}', { params: { path: { applicationId } } })),
  });
}

export function useCreateApplication() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: { periodId: string; formationId: string }) => unwrap(await registration.POST('/applications', { body })),
    onSuccess: (application) => {
      queries.setQueryData(['applications', application.id], application);
      void queries.invalidateQueries({ queryKey: ['applications'], exact: true });
    },
  });
}

/** Saves the server draft; the page calls it on every step (autosave). */
export function useSaveDraft(applicationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: DraftChanges) => unwrap(await registration.PATCH('/applications/{applicationId}', { params: { path: { applicationId } }, body })),
    onSuccess: (application) => queries.setQueryData(['applications', applicationId], application),
  });
}

export function useUpload(applicationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: string; file: File; onProgress: (fraction: number) => void }) =>
      uploadDocument(applicationId, input.type, input.file, input.onProgress),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['applications', applicationId] }),
  });
}
