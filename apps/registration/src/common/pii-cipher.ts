import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * NIK and KK at rest (UU 27/2022): AES-256-GCM under a key from configuration, each value with its
 * own nonce; a keyed digest beside it makes "one account per NIK" checkable without decrypting.
 */
export class PiiCipher {
  private readonly key: Buffer;
  private readonly lookupKey: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== 32) throw new Error('the PII encryption key must be 32 bytes, base64-encoded');
    this.lookupKey = createHmac('sha256', this.key).update('seleksi:pii-lookup').digest();
  }

  encrypt(plain: string): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic, keyed: equal numbers give equal digests, and the digest alone reveals nothing. */
  lookupDigest(plain: string): string {
    return createHmac('sha256', this.lookupKey).update(plain).digest('hex');
  }
}
