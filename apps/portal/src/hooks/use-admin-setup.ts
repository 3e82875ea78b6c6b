import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  interview,
  type InterviewSchemas,
  placement,
  type PlacementSchemas,
  registration,
  type RegistrationSchemas,
  screening,
  type ScreeningSchemas,
} from '../api/clients';
import { ApiError, unwrap } from '../api/errors';
import { type OperationState, useLongOperation } from './use-long-operation';

export type PeriodBody = RegistrationSchemas['schemas']['CreatePeriodDto'];
export type PeriodDefaults = RegistrationSchemas['schemas']['PeriodDefaultsResponse'];
export type Period = RegistrationSchemas['schemas']['PeriodResponse'];
export type FormationBody = RegistrationSchemas['schemas']['FormationDto'];
export type Formation = RegistrationSchemas['schemas']['FormationResponse'];
export type PanelBody = InterviewSchemas['schemas']['CreatePanelDto'];
export type RubricBody = InterviewSchemas['schemas']['CreateRubricDto'];

const periodKey = (periodId: string) => ['admin', 'periods', periodId];

/** What a new period and formation take for every rule left out, read from registration (never copied here). */
export function usePeriodDefaults() {
  return useQuery({
    queryKey: ['admin', 'period-defaults'],
    queryFn: async () => unwrap(await registration.GET('/admin/periods/defaults')),
    staleTime: Infinity,
  });
}

export function useAdminFormations(periodId: string) {
  return useQuery({
    queryKey: [...periodKey(periodId), 'formations'],
    queryFn: async () => unwrap(await registration.GET('/admin/periods/{periodId}/formations', { params: { path: { periodId } } })),
  });
}

/** The agency's staff accounts holding a role (verifiers, panelists to register). */
export function useStaff(role: 'verifier' | 'panelist') {
  return useQuery({
    queryKey: ['admin', 'staff', role],
    queryFn: async () => unwrap(await registration.GET('/admin/staff', { params: { query: { role } } })),
  });
}

/** Every mutation of the admin pages refreshes the period's queries once it is answered. */
function useAdminMutation<TVars, TResult>(periodId: string, run: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['admin', 'periods'] }), queryClient.invalidateQueries({ queryKey: periodKey(periodId) })]),
  });
}

export function useSavePeriod(periodId: string | undefined) {
  return useAdminMutation(periodId ?? 'new', async (body: PeriodBody) =>
    periodId
      ? unwrap(await registration.PUT('/admin/periods/{periodId}', { params: { path: { periodId } }, body }))
      : unwrap(await registration.POST('/admin/periods', { body })),
  );
}

export function useSaveFormation(periodId: string, formationId: string | undefined) {
  return useAdminMutation(periodId, async (body: FormationBody) =>
    formationId
      ? unwrap(await registration.PUT('/admin/formations/{formationId}', { params: { path: { formationId } }, body }))
      : unwrap(await registration.POST('/admin/periods/{periodId}/formations', { params: { path: { periodId } }, body })),
  );
}

export function useChangeQuota(periodId: string) {
  return useAdminMutation(periodId, async ({ formationId, quota, reason }: { formationId: string; quota: number; reason: string }) =>
    unwrap(await registration.POST('/admin/formations/{formationId}/quota', { params: { path: { formationId } }, body: { quota, reason } })),
  );
}

export type LifecycleAction = 'open' | 'close';

/** The period's steps, each at the service that owns it. */
export function useLifecycle(periodId: string) {
  const path = { params: { path: { periodId } } };
  return useAdminMutation(periodId, async (action: LifecycleAction): Promise<unknown> => {
    switch (action) {
      case 'open':
        return unwrap(await registration.POST('/admin/periods/{periodId}/open', path));
      case 'close':
        return unwrap(await registration.POST('/admin/periods/{periodId}/close', path));
    }
  });
}

export function useRegisterVerifier(periodId: string) {
  return useAdminMutation(periodId, async (body: { accountId: string; name: string; kkNumber: string }) =>
    unwrap(await screening.POST('/periods/{periodId}/verifiers', { params: { path: { periodId } }, body })),
  );
}

export function useDistribute(periodId: string) {
  return useAdminMutation(periodId, async () => unwrap(await screening.POST('/periods/{periodId}/distribution', { params: { path: { periodId } } })));
}

export function usePanels(periodId: string) {
  return useQuery({
    queryKey: [...periodKey(periodId), 'panels'],
    retry: false,
    queryFn: async () => unwrap(await interview.GET('/panels', { params: { query: { periodId } } })),
  });
}

export function useCreatePanel(periodId: string) {
  return useAdminMutation(periodId, async (body: PanelBody) => unwrap(await interview.POST('/panels', { body })));
}

export function useAssignFormation(periodId: string) {
  return useAdminMutation(periodId, async ({ panelId, formationId }: { panelId: string; formationId: string }) =>
    unwrap(await interview.POST('/panels/{panelId}/formations', { params: { path: { panelId } }, body: { formationId } })),
  );
}

/** A formation's current rubric; 404 RUBRIC_NOT_FOUND until one is published. */
export function useCurrentRubric(periodId: string, formationId: string) {
  return useQuery({
    queryKey: [...periodKey(periodId), 'rubric', formationId],
    retry: false,
    queryFn: async () => unwrap(await interview.GET('/formations/{formationId}/rubrics/current', { params: { path: { formationId } } })),
  });
}

export function usePublishRubric(periodId: string, formationId: string) {
  return useAdminMutation(periodId, async (body: RubricBody) =>
    unwrap(await interview.POST('/formations/{formationId}/rubrics', { params: { path: { formationId } }, body })),
  );
}

export type Announcement = ScreeningSchemas['schemas']['AnnouncementDto'];
export type FinalAnnouncement = PlacementSchemas['schemas']['AnnouncementDto'];

/** Screening's record of the period (announcement, finalization); null while screening has not heard of it. */
async function screeningState(periodId: string) {
  try {
    return unwrap(await screening.GET('/periods/{periodId}/announcement', { params: { path: { periodId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Screening's announcement of the administrative results: started here or read back from screening,
 * so leaving the page and coming back shows the outcome (or this browser's refusal, with its code).
 */
export function useAnnouncement(periodId: string) {
  const client = useQueryClient();
  return useLongOperation<void, Announcement>({
    key: ['admin', 'screening-announcement', periodId],
    run: async () => unwrap(await screening.POST('/periods/{periodId}/announcement', { params: { path: { periodId } } })),
    readBack: {
      queryKey: [...periodKey(periodId), 'screening-announcement'],
      queryFn: async (): Promise<OperationState<Announcement> | null> => {
        const state = await screeningState(periodId);
        return state?.announcement ? { phase: 'succeeded', result: state.announcement } : null;
      },
    },
    onSucceeded: () => client.invalidateQueries({ queryKey: periodKey(periodId) }),
  });
}

/** Screening's finalization (ScreeningFinalized for every application), read back as its time. */
export function useScreeningFinalization(periodId: string) {
  const client = useQueryClient();
  return useLongOperation<void, { finalizedAt: string }>({
    key: ['admin', 'screening-finalization', periodId],
    run: async () => unwrap(await screening.POST('/periods/{periodId}/finalization', { params: { path: { periodId } } })),
    readBack: {
      queryKey: [...periodKey(periodId), 'screening-finalization'],
      queryFn: async (): Promise<OperationState<{ finalizedAt: string }> | null> => {
        const state = await screeningState(periodId);
        return state?.finalizedAt ? { phase: 'succeeded', result: { finalizedAt: state.finalizedAt } } : null;
      },
    },
    onSucceeded: () => client.invalidateQueries({ queryKey: periodKey(periodId) }),
  });
}

/** Placement's announcement of the final results (placement keeps no period-level record to read back). */
export function useFinalAnnouncement(periodId: string) {
  return useLongOperation<void, FinalAnnouncement>({
    key: ['admin', 'final-announcement', periodId],
    run: async () => unwrap(await placement.POST('/periods/{periodId}/announcement', { params: { path: { periodId } } })),
  });
}
