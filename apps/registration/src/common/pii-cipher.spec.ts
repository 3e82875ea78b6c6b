import { createCipheriv, randomBytes } from 'node:crypto';
import { parsePiiKeys, PiiCipher } from './pii-cipher';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');

/** The format before key ids: nonce, tag, body. */
function legacySeal(base64Key: string, plain: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

describe(PiiCipher.name, () => {
  it('seals text and bytes under the current key, with its id in the value, and opens them again', () => {
    const cipher = new PiiCipher(keyA, 'a1');
    const nik = cipher.encrypt('7371010101900001');
    expect(nik.includes(Buffer.from('7371010101900001'))).toBe(false);
    expect(cipher.keyIdOf(nik)).toBe('a1');
    expect(cipher.decrypt(nik)).toBe('7371010101900001');
    const pdf = Buffer.from('%PDF-1.4 a scanned KTP');
    const sealed = cipher.seal(pdf);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(cipher.open(sealed)).toEqual(pdf);
  });

  it('after a rotation opens what the previous key sealed, seals with the new one, and keeps the NIK digests', () => {
    const before = new PiiCipher(keyA, 'a1');
    const old = before.encrypt('3201010101900002');
    const after = new PiiCipher(keyB, 'b2', parsePiiKeys(`a1:${keyA}`));
    expect(after.decrypt(old)).toBe('3201010101900002');
    expect(after.keyIdOf(after.encrypt('x'))).toBe('b2');
    expect(after.lookupDigest('3201010101900002')).toBe(before.lookupDigest('3201010101900002'));
    // Without the old key the old value cannot be opened: rotation needs `cli pii rekey` before the key leaves.
    expect(() => new PiiCipher(keyB, 'b2').decrypt(old)).toThrow(/sealed with a1/);
  });

  it('opens values written before key ids existed', () => {
    const legacy = legacySeal(keyA, '7371010101900003');
    expect(new PiiCipher(keyA).decrypt(legacy)).toBe('7371010101900003');
    expect(new PiiCipher(keyB, 'b2', parsePiiKeys(`a1:${keyA}`)).decrypt(legacy)).toBe('7371010101900003');
    expect(new PiiCipher(keyB).keyIdOf(legacy)).toBeUndefined();
  });

  it('refuses a ring with a short key, a bad id or an id used twice', () => {
    expect(() => new PiiCipher(Buffer.alloc(16).toString('base64'))).toThrow(/must be 32 bytes/);
    expect(() => new PiiCipher(keyA, 'bad id')).toThrow(/key id/);
    expect(() => new PiiCipher(keyA, 'k1', parsePiiKeys(`k1:${keyB}`))).toThrow(/used twice/);
  });
});
