/**
 * What a placed applicant reads of why they have their seat. An override's free-text reason, the
 * officers and the applicant it displaced are the officers' record (the override row, the staff
 * routes, the audit), never the placed applicant's: they get this fixed sentence instead.
 */
export const OVERRIDE_WHY_FOR_APPLICANT = 'placed in this seat by a decision of the placement officers (an override of the proposal)';

export function applicantWhy(placement: { kind: string; why: string }): string {
  return placement.kind === 'OVERRIDE' ? OVERRIDE_WHY_FOR_APPLICANT : placement.why;
}
