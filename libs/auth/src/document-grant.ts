import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A short-lived permission to read one applicant document, issued by screening (which knows which
 * verifier holds which case) and checked by registration (which holds the bytes). Registration
 * cannot see screening's assignments, and a synchronous call back to screening on every document
 * view would couple the two; an HMAC over (document, application, staff member, expiry) with a key
 * only these two services hold carries screening's decision instead.
 */
export interface DocumentGrant {
  documentId: string;
  applicationId: string;
  /** The account the grant was issued to; it is worthless with another account's token. */
  staffId: string;
  expiresAt: Date;
}

export class InvalidDocumentGrantError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidDocumentGrantError';
  }
}

const mac = (key: string, body: string) => createHmac('sha256', key).update(`seleksi-document-grant.${body}`).digest('base64url');

export function signDocumentGrant(key: string, grant: DocumentGrant): string {
  const body = Buffer.from(JSON.stringify({ d: grant.documentId, a: grant.applicationId, s: grant.staffId, e: grant.expiresAt.getTime() })).toString(
    'base64url',
  );
  return `${body}.${mac(key, body)}`;
}

/** The grant's claims when its MAC holds and it has not expired; otherwise an InvalidDocumentGrantError. */
export function verifyDocumentGrant(key: string, token: string, now: Date): DocumentGrant {
  const [body, given, extra] = token.split('.');
  if (!body || !given || extra !== undefined) throw new InvalidDocumentGrantError('the document grant is malformed');
  const expected = Buffer.from(mac(key, body));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new InvalidDocumentGrantError('the document grant is not genuine');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { d: string; a: string; s: string; e: number };
  if (!(claims.e > now.getTime())) throw new InvalidDocumentGrantError('the document grant has expired');
  return { documentId: claims.d, applicationId: claims.a, staffId: claims.s, expiresAt: new Date(claims.e) };
}
