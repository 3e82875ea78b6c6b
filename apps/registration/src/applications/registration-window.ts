import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { isoLocal } from '../common/local-time';
import { Period } from '../periods/period';

/**
 * Applications are written only while the period is open and the clock is inside its window. The
 * refusal names the deadline in the agency's own time, as applicants read it on the announcement.
 */
export function assertRegistrationOpen(period: Period, now: Date): void {
  const closes = period.registrationClosesAt;
  const details = {
    registrationOpensAt: isoLocal(period.registrationOpensAt, period.timeZone),
    registrationClosesAt: isoLocal(closes, period.timeZone),
  };
  if (period.status === 'draft' || now < period.registrationOpensAt) {
    throw new DomainError(
      'REGISTRATION_NOT_OPEN',
      `registration for ${period.name} opens ${formatLocalTime(period.registrationOpensAt, period.timeZone, 'en')}`,
      HttpStatus.CONFLICT,
      undefined,
      details,
    );
  }
  if (period.status === 'closed' || now >= closes) {
    throw new DomainError(
      'REGISTRATION_CLOSED',
      `registration for ${period.name} closed ${formatLocalTime(closes, period.timeZone, 'en')}`,
      HttpStatus.CONFLICT,
      undefined,
      details,
    );
  }
}
