import { TEST_PII_KEY } from '@seleksi/testing';
import { parsePiiKeys, PiiCipher } from '../src/common/pii-cipher';
import { rekeyPersonalData } from '../src/common/pii-rekey';
import { applicantIdentity, applicantSession, completeDraft, openPeriod, Registration, startRegistration } from './registration-harness';

/** Documents (KTP scans, diplomas, photos) and NIK/KK are sealed at rest with a key id, and survive a key rotation. */
describe('personal data at rest', () => {
  let reg: Registration;
  beforeAll(async () => (reg = await startRegistration()), 90_000);
  afterAll(() => reg?.close());

  it('stores an uploaded document sealed, serves it as uploaded, and re-seals it and the NIK under a new key', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await applicantSession(reg, applicantIdentity(7100, 'rest'));
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    const draft = await reg.call('GET', `/applications/${id}`, { token: me.token });
    const documentId = draft.body.documents.find((d: { type: string }) => d.type === 'ijazah').id as string;
    expect((await reg.call('POST', `/applications/${id}/submit`, { token: me.token })).status).toBe(201);

    const [stored] = (await reg.dataSource.query('SELECT content, size_bytes FROM registration.documents WHERE id = $1', [documentId])) as {
      content: Buffer;
      size_bytes: number;
    }[];
    expect(stored.content.includes(Buffer.from('%PDF'))).toBe(false);
    const ring = new PiiCipher(TEST_PII_KEY);
    expect(ring.keyIdOf(stored.content)).toBe('k1');
    const served = await reg.call('GET', `/staff/documents/${documentId}`, { token: reg.admin });
    expect(served.status).toBe(200);
    const uploaded = served.bytes;
    expect(uploaded.subarray(0, 5).toString()).toBe('%PDF-');
    expect(stored.size_bytes).toBe(uploaded.length);
    expect(ring.open(stored.content)).toEqual(uploaded);

    // Rotation: a new current key, the old one kept for reading until everything is re-sealed.
    const newKey = Buffer.alloc(32, 9).toString('base64');
    const rotated = new PiiCipher(newKey, 'k2', parsePiiKeys(`k1:${TEST_PII_KEY}`));
    const first = await rekeyPersonalData((work) => reg.dataSource.transaction(work), rotated, 50);
    expect(first.documents).toBeGreaterThanOrEqual(1);
    expect(first.accounts).toBeGreaterThanOrEqual(1);
    expect(await rekeyPersonalData((work) => reg.dataSource.transaction(work), rotated, 50)).toEqual({ accounts: 0, documents: 0 });

    const [after] = (await reg.dataSource.query('SELECT content FROM registration.documents WHERE id = $1', [documentId])) as { content: Buffer }[];
    const [account] = (await reg.dataSource.query('SELECT nik_sealed FROM registration.accounts WHERE id = $1', [me.id])) as { nik_sealed: Buffer }[];
    // The new key alone now opens both.
    const onlyNew = new PiiCipher(newKey, 'k2');
    expect(onlyNew.open(after.content)).toEqual(uploaded);
    expect(onlyNew.decrypt(account.nik_sealed)).toMatch(/^\d{16}$/);
  });
});
