import { createHmac } from 'node:crypto';

/**
 * The form in which a KK (family card) number travels between services: an HMAC with a key shared
 * by the services that compare families (registration, screening, interview), so two digests can be
 * compared for "same family" while the 16 structured digits, easy to enumerate, are never exposed.
 */
export function kkDigest(kkNumber: string, key: string): string {
  return createHmac('sha256', key).update(kkNumber.trim()).digest('hex');
}
