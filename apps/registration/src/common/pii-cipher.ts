import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** One key of the ring: an id (written beside every value it seals) and 32 bytes. */
export interface PiiKey {
  id: string;
  key: Buffer;
}

/** `<id>:<base64 of 32 bytes>`, comma-separated (PII_PREVIOUS_KEYS). */
export function parsePiiKeys(list: string | undefined): PiiKey[] {
  if (!list?.trim()) return [];
  return list.split(',').map((entry) => {
    const [id, base64] = entry.trim().split(':');
    return { id, key: Buffer.from(base64 ?? '', 'base64') };
  });
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** Sealed values begin with this byte, then the key id's length and the id, then nonce, tag and body. */
const FORMAT = 0x01;

/**
 * Personal data at rest (UU 27/2022): NIK, KK and the applicants' documents (KTP scans, diplomas,
 * photos), AES-256-GCM, each value with its own nonce and the id of the key that sealed it, so keys
 * can rotate: the current key seals, older keys (PII_PREVIOUS_KEYS) still open what they sealed.
 * Values written before key ids existed (nonce, tag, body) are opened by trying the keys in turn;
 * GCM's tag makes a wrong key fail rather than give garbage.
 *
 * A keyed digest beside NIK and KK makes "one account per NIK" checkable without decrypting. Its key
 * derives from the oldest key of the ring (the last previous key, else the current one), so that the
 * digests already stored stay valid across a rotation, as long as that key stays listed.
 */
export class PiiCipher {
  private readonly current: PiiKey;
  private readonly byId = new Map<string, Buffer>();
  private readonly lookupKey: Buffer;

  constructor(base64Key: string, currentId = 'k1', previous: PiiKey[] = []) {
    this.current = { id: currentId, key: Buffer.from(base64Key, 'base64') };
    for (const k of [this.current, ...previous]) {
      if (k.key.length !== 32) throw new Error(`the PII encryption key ${k.id} must be 32 bytes, base64-encoded`);
      if (!KEY_ID.test(k.id)) throw new Error(`the PII key id "${k.id}" must be 1-32 letters, digits, _ or -`);
      if (this.byId.has(k.id)) throw new Error(`the PII key id ${k.id} is used twice`);
      this.byId.set(k.id, k.key);
    }
    const oldest = previous.length > 0 ? previous[previous.length - 1] : this.current;
    this.lookupKey = createHmac('sha256', oldest.key).update('seleksi:pii-lookup').digest();
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plain: string): Buffer {
    return this.seal(Buffer.from(plain, 'utf8'));
  }

  decrypt(sealed: Buffer): string {
    return this.open(sealed).toString('utf8');
  }

  /** Seals bytes (a document) under the current key. */
  seal(plain: Buffer): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const id = Buffer.from(this.current.id, 'ascii');
    return Buffer.concat([Buffer.from([FORMAT, id.length]), id, nonce, cipher.getAuthTag(), body]);
  }

  /** Opens what `seal` (with any key of the ring) or the key-id-less format before it sealed. */
  open(sealed: Buffer): Buffer {
    const keyed = this.keyOf(sealed);
    if (keyed?.key) {
      const opened = attempt(keyed.key, sealed.subarray(keyed.offset));
      if (opened) return opened;
    }
    for (const key of this.byId.values()) {
      const opened = attempt(key, sealed);
      if (opened) return opened;
    }
    throw new Error(keyed ? `no key of the ring opens this value (sealed with ${keyed.id})` : 'no key of the ring opens this value');
  }

  /** The id of the key a value was sealed with; undefined for the format without key ids. */
  keyIdOf(sealed: Buffer): string | undefined {
    return this.keyOf(sealed)?.id;
  }

  /** Deterministic, keyed: equal numbers give equal digests, and the digest alone reveals nothing. */
  lookupDigest(plain: string): string {
    return createHmac('sha256', this.lookupKey).update(plain).digest('hex');
  }

  /** The key id a value names, and the key when the ring has it (a legacy value can look keyed by chance: its tag then fails). */
  private keyOf(sealed: Buffer): { id: string; key: Buffer | undefined; offset: number } | undefined {
    if (sealed.length < 2 || sealed[0] !== FORMAT) return undefined;
    const offset = 2 + sealed[1];
    const id = sealed.subarray(2, offset).toString('ascii');
    if (offset > sealed.length || !KEY_ID.test(id)) return undefined;
    return { id, key: this.byId.get(id), offset };
  }
}

function attempt(key: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.length < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}
