import { isLocalTimeZone } from '@seleksi/time';
import type { CandidateRef } from '../../hooks/use-panelist';

/** The page of one candidate of one of my panels. */
export const candidatePath = (c: CandidateRef) => `/staff/panelist/panels/${c.panelId}/candidates/${encodeURIComponent(c.participantNumber)}`;

/** The agency's zone, as the service names it at the end of its human-readable time ("… 09:00 WIB"). */
export const zoneOf = (local: string) => {
  const zone = local.trim().split(' ').at(-1) ?? '';
  return isLocalTimeZone(zone) ? zone : 'WIB';
};
