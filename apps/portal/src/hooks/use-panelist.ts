import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { interview, type InterviewSchemas } from '../api/clients';
import { unwrap } from '../api/errors';
import { useLongOperation } from './use-long-operation';

type Scores = InterviewSchemas['schemas']['SaveSheetDto']['scores'];
type Calibration = InterviewSchemas['schemas']['CalibrationDto'];

/** A candidate of one of my panels, as the panelist routes name them: the panel and the participant number, nothing else. */
export interface CandidateRef {
  panelId: string;
  participantNumber: string;
}

const path = (c: CandidateRef) => ({ path: { panelId: c.panelId, participantNumber: c.participantNumber } });
const key = (c: CandidateRef) => ['panelist', 'candidate', c.panelId, c.participantNumber];

/** The candidates of the panels I sit on (not those I am recused from), by participant number only. */
export function usePanelistCandidates() {
  return useQuery({ queryKey: ['panelist', 'candidates'], queryFn: async () => unwrap(await interview.GET('/panelist/candidates')) });
}

/** One candidate: the rubric with its anchored levels, my sheet, where the panel stands (once mine is in) and the result (once closed). */
export function usePanelistCandidate(c: CandidateRef) {
  return useQuery({
    queryKey: key(c),
    queryFn: async () => unwrap(await interview.GET('/panelist/panels/{panelId}/candidates/{participantNumber}', { params: path(c) })),
  });
}

/** The panel's submitted sheets; the service answers only once my own sheet is submitted. */
export function usePanelSheets(c: CandidateRef, enabled: boolean) {
  return useQuery({
    queryKey: [...key(c), 'sheets'],
    enabled,
    queryFn: async () => unwrap(await interview.GET('/panelist/panels/{panelId}/candidates/{participantNumber}/sheets', { params: path(c) })),
  });
}

function useCandidateMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: ['panelist'] }) });
}

/** Saves my draft (it replaces the previous one). */
export function useSaveSheet(c: CandidateRef) {
  return useCandidateMutation(async (scores: Scores) =>
    unwrap(await interview.PUT('/panelist/panels/{panelId}/candidates/{participantNumber}/sheet', { params: path(c), body: { scores } })),
  );
}

/** Saves these scores and submits the sheet: after that it is locked. */
export function useSubmitSheet(c: CandidateRef) {
  return useCandidateMutation(async (scores: Scores) => {
    unwrap(await interview.PUT('/panelist/panels/{panelId}/candidates/{participantNumber}/sheet', { params: path(c), body: { scores } }));
    return unwrap(await interview.POST('/panelist/panels/{panelId}/candidates/{participantNumber}/sheet/submit', { params: path(c) }));
  });
}

export function useDeclareConflict(c: CandidateRef) {
  return useCandidateMutation(async (reason: string) =>
    unwrap(await interview.POST('/panelist/panels/{panelId}/candidates/{participantNumber}/conflict', { params: path(c), body: { reason } })),
  );
}

export function useCalibrate(c: CandidateRef) {
  return useCandidateMutation(async (body: Calibration) =>
    unwrap(await interview.POST('/panelist/panels/{panelId}/candidates/{participantNumber}/calibration', { params: path(c), body })),
  );
}

/** How the chair closes a candidate's interview: scored (the panel's weighted total), or absent (with a reason once a sheet is in). */
export type CloseInput = { outcome: 'SCORED' } | { outcome: 'ABSENT'; reason: string };
export interface Closed {
  outcome: string;
  total: number | null;
}

/**
 * Closing the interview as a long operation: its progress and outcome, and on a later visit the
 * result as the service recorded it (the candidate view's `result`), so leaving and returning shows it.
 */
export function useCloseInterview(c: CandidateRef, chair: boolean) {
  return useLongOperation<CloseInput, Closed>({
    key: ['panelist-close', c.panelId, c.participantNumber],
    run: async (input) => {
      const done =
        input.outcome === 'SCORED'
          ? unwrap(await interview.POST('/panelist/panels/{panelId}/candidates/{participantNumber}/finalize', { params: path(c) }))
          : unwrap(
              await interview.POST('/panelist/panels/{panelId}/candidates/{participantNumber}/absent', {
                params: path(c),
                body: input.reason ? { reason: input.reason } : {},
              }),
            );
      return { outcome: done.outcome, total: done.total };
    },
    // Only the chair closes an interview; the others read the result in the candidate view.
    readBack: chair
      ? {
          queryKey: [...key(c), 'closed'],
          queryFn: async () => {
            const view = unwrap(await interview.GET('/panelist/panels/{panelId}/candidates/{participantNumber}', { params: path(c) }));
            return view.result ? { phase: 'succeeded', result: { outcome: view.result.outcome, total: view.result.total } } : null;
          },
        }
      : undefined,
    onSucceeded: (_, client) => client.invalidateQueries({ queryKey: ['panelist'] }),
  });
}
