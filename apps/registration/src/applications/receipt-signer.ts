import { createPrivateKey, KeyObject, sign } from 'node:crypto';

/** Signs receipts with registration's private key, so an applicant can prove what they submitted and when. */
export class ReceiptSigner {
  private readonly key: KeyObject;

  constructor(privateKeyPem: string) {
    this.key = createPrivateKey(privateKeyPem);
  }

  sign(fields: { applicationId: string; registrationNumber: string; submittedAt: string; submissionHash: string }): string {
    const canonical = [fields.applicationId, fields.registrationNumber, fields.submittedAt, fields.submissionHash].join('\n');
    return sign('sha256', Buffer.from(canonical), this.key).toString('base64');
  }
}
