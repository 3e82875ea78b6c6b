import { randomUUID } from 'node:crypto';
import { sampleJpeg, samplePdf } from '@seleksi/testing';
import { readEvents, testKafka, testKeys, validatePayloadOf } from './test-support';
import {
  ALL_DECLARATIONS,
  applicantIdentity,
  applicantSession,
  completeDraft,
  EDUCATION,
  formationBody,
  openPeriod,
  Registration,
  signUpBody,
  startRegistration,
} from './registration-harness';

describe('applications', () => {
  let reg: Registration;
  let n = 2000;
  const session = () => applicantSession(reg, applicantIdentity(n++, 'app'));
  beforeAll(async () => (reg = await startRegistration()), 90_000);
  afterAll(() => reg.close());

  const count = async (sql: string, params: unknown[]) => ((await reg.dataSource.query(sql, params)) as unknown[]).length;

  it('takes a complete application to a receipt and publishes ApplicationSubmitted with the snapshot', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    const submitted = await reg.call('POST', `/applications/${id}/submit`, { token: me.token, headers: { 'idempotency-key': `submit-${id}` } });
    expect(submitted.status).toBe(201);
    const receipt = submitted.body.receipt;
    expect(receipt.registrationNumber).toMatch(new RegExp(`^${period.code}-\\d{7}$`));
    expect(receipt.submissionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.submittedAtLocal).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WIB$/);
    expect(receipt.signature.length).toBeGreaterThan(100);

    const event = await waitForEvent(reg, (e) => e.type.endsWith('ApplicationSubmitted.v1') && (e.data as { applicationId: string }).applicationId === id);
    const data = validatePayloadOf(event) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(event.subject).toBe(id);
    expect(data).toMatchObject({
      registrationNumber: receipt.registrationNumber,
      submissionHash: receipt.submissionHash,
      applicant: { applicantId: me.id, phone: expect.stringMatching(/^\+62/) },
      education: EDUCATION,
      formationType: 'general',
      requirements: { minimumGpa: 3, educationLevels: ['S1', 'D4'] },
      nikWarnings: [],
    });
    expect(data.documents.map((d: { type: string }) => d.type).sort()).toEqual(['ijazah', 'pas-foto']);
    expect(JSON.stringify(data)).not.toMatch(/"nik"|kkNumber|password/);
  });

  it('answers a retried submit with the same Idempotency-Key with the same receipt, and one event', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    const key = { 'idempotency-key': `retry-${id}` };
    const tries = await Promise.all([1, 2, 3].map(() => reg.call('POST', `/applications/${id}/submit`, { token: me.token, headers: key })));
    expect(tries.map((t) => t.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(tries.map((t) => JSON.stringify(t.body.receipt))).size).toBe(1);
    const other = await reg.call('POST', `/applications/${id}/submit`, { token: me.token, headers: { 'idempotency-key': `another-${id}` } });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('ALREADY_SUBMITTED');
    expect(await count(`SELECT 1 FROM registration.outbox WHERE message_key = $1`, [id])).toBe(1);
  });

  it('refuses a submit after the window closes with 409 and the deadline in the agency time zone', async () => {
    const closes = new Date(Date.now() + 3_600_000);
    const { period, formations } = await openPeriod(reg, { period: { registrationClosesAt: closes.toISOString(), timeZone: 'WITA' } });
    const me = await session();
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    reg.setNow(new Date(closes.getTime() + 1000));
    try {
      const late = await reg.call('POST', `/applications/${id}/submit`, { token: me.token });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('REGISTRATION_CLOSED');
      expect(late.body.message).toMatch(/ WITA$/);
      expect(late.body.registrationClosesAt).toMatch(/\+08:00$/);
      reg.setNow(new Date(closes.getTime() - 1000));
      expect((await reg.call('POST', `/applications/${id}/submit`, { token: me.token })).status).toBe(201);
    } finally {
      reg.setNow(undefined);
    }
  });

  it('refuses an incomplete application with 422 naming what is missing, writing nothing', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const created = await reg.call('POST', '/applications', { token: me.token, body: { periodId: period.id, formationId: formations[0].id } });
    await reg.call('PATCH', `/applications/${created.body.id}`, { token: me.token, body: { education: EDUCATION, declarations: ALL_DECLARATIONS } });
    await reg.call('PUT', `/applications/${created.body.id}/documents/pas-foto`, { token: me.token, raw: sampleJpeg(), contentType: 'image/jpeg' });
    const res = await reg.call('POST', `/applications/${created.body.id}/submit`, { token: me.token });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'APPLICATION_INCOMPLETE', field: 'documents', missingDocuments: ['ijazah'] });
    expect(await count(`SELECT 1 FROM registration.applications WHERE id = $1 AND status = 'draft' AND registration_number IS NULL`, [created.body.id])).toBe(
      1,
    );
    expect(await count(`SELECT 1 FROM registration.outbox WHERE message_key = $1`, [created.body.id])).toBe(0);
  });

  it('decides the document type by content and the size by the formation', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const created = await reg.call('POST', '/applications', { token: me.token, body: { periodId: period.id, formationId: formations[0].id } });
    const put = (type: string, raw: Buffer, contentType: string) =>
      reg.call('PUT', `/applications/${created.body.id}/documents/${type}`, { token: me.token, raw, contentType });

    const renamed = await put('pas-foto', samplePdf(10_000), 'image/jpeg');
    expect(renamed.status).toBe(415);
    expect(renamed.body).toMatchObject({
      code: 'DOCUMENT_TYPE_NOT_ALLOWED',
      field: 'body',
      slot: 'pas-foto',
      expected: 'image/jpeg',
      detected: 'application/pdf',
      sizeBytes: 10_000,
      maxBytes: 200 * 1024,
    });
    const tooLarge = await put('pas-foto', sampleJpeg(200 * 1024 + 1), 'image/jpeg');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      slot: 'pas-foto',
      detected: 'image/jpeg',
      sizeBytes: 200 * 1024 + 1,
      maxBytes: 200 * 1024,
    });
    expect((await put('sertifikat', samplePdf(), 'application/pdf')).body).toMatchObject({ code: 'DOCUMENT_TYPE_UNKNOWN', field: 'type' });
    expect((await put('ijazah', Buffer.alloc(0), 'application/pdf')).status).toBe(400);
    const json = await reg.call('PUT', `/applications/${created.body.id}/documents/ijazah`, { token: me.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(await count(`SELECT 1 FROM registration.documents WHERE application_id = $1`, [created.body.id])).toBe(0);

    const first = await put('ijazah', samplePdf(50_000), 'application/octet-stream');
    const second = await put('ijazah', samplePdf(60_000), 'application/octet-stream');
    expect(first.status).toBe(200);
    expect(second.body.sha256).not.toBe(first.body.sha256);
    const draft = await reg.call('GET', `/applications/${created.body.id}`, { token: me.token });
    expect(draft.body.documents).toHaveLength(1);
    expect(draft.body.documents[0]).toMatchObject({ type: 'ijazah', sizeBytes: 60_000, sha256: second.body.sha256 });
    expect(draft.body.missingDocuments).toEqual(['pas-foto']);
  });

  it('refuses whitespace-only names at sign-up with a field error, and keeps names trimmed', async () => {
    const identity = applicantIdentity(n++, 'app');
    for (const field of ['fullName', 'placeOfBirth']) {
      const refused = await reg.call('POST', '/accounts', { body: { ...signUpBody(identity), [field]: '   ' } });
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    const padded = await reg.call('POST', '/accounts', {
      body: { ...signUpBody(identity), fullName: `  ${identity.fullName} `, placeOfBirth: ` ${identity.placeOfBirth}\n` },
    });
    expect(padded.status).toBe(201);
    expect(padded.body).toMatchObject({ fullName: identity.fullName, placeOfBirth: identity.placeOfBirth });
  });

  it('refuses a PDF that does not parse and a JPEG that does not decode, naming the slot and why', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const created = await reg.call('POST', '/applications', { token: me.token, body: { periodId: period.id, formationId: formations[0].id } });
    const put = (type: string, raw: Buffer) =>
      reg.call('PUT', `/applications/${created.body.id}/documents/${type}`, { token: me.token, raw, contentType: 'application/octet-stream' });

    // Only the magic number and the end marker of a PDF: what the old fixtures were, and what a broken scan can be.
    const magicOnly = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const pdf = await put('ijazah', magicOnly);
    expect(pdf.status).toBe(422);
    expect(pdf.body).toMatchObject({ code: 'DOCUMENT_UNREADABLE_PDF', field: 'body', slot: 'ijazah', reason: 'MALFORMED', detected: 'application/pdf' });
    expect(pdf.body.message).toMatch(/^ijazah: /);
    const encrypted = Buffer.from(
      samplePdf(5_000)
        .toString('latin1')
        .replace('xref', '4 0 obj\n<< /Filter /Standard /V 1 /R 2 >>\nendobj\nxref')
        .replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 4 0 R'),
      'latin1',
    );
    expect((await put('ijazah', encrypted)).body).toMatchObject({ code: 'DOCUMENT_UNREADABLE_PDF', reason: 'ENCRYPTED' });
    const truncated = sampleJpeg(2_048).subarray(0, 1_900);
    const jpeg = await put('pas-foto', truncated);
    expect(jpeg.status).toBe(422);
    expect(jpeg.body).toMatchObject({ code: 'DOCUMENT_UNREADABLE_JPEG', field: 'body', slot: 'pas-foto', reason: 'MALFORMED', sizeBytes: 1_900 });
    expect(await count(`SELECT 1 FROM registration.documents WHERE application_id = $1`, [created.body.id])).toBe(0);

    expect((await put('ijazah', samplePdf(20_000))).status).toBe(200);
    expect((await put('pas-foto', sampleJpeg(20_000))).status).toBe(200);
  });

  it('keeps one application per applicant per period (409) and keeps a draft across sign-outs', async () => {
    const { period, formations } = await openPeriod(reg, { formations: [formationBody('A-1'), formationBody('A-2')] });
    const me = await session();
    const first = await reg.call('POST', '/applications', { token: me.token, body: { periodId: period.id, formationId: formations[0].id } });
    const second = await reg.call('POST', '/applications', { token: me.token, body: { periodId: period.id, formationId: formations[1].id } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('APPLICATION_EXISTS');
    await reg.call('PATCH', `/applications/${first.body.id}`, { token: me.token, body: { education: EDUCATION, formationId: formations[1].id } });
    await reg.call('POST', '/auth/logout', { body: { refreshToken: me.refreshToken } });
    const later = testKeys().mint(me.id, ['applicant']);
    const draft = await reg.call('GET', `/applications/${first.body.id}`, { token: later });
    expect(draft.body).toMatchObject({ status: 'draft', formationId: formations[1].id, education: EDUCATION });
  });

  it("answers another applicant's application id with 404, for every route", async () => {
    const { period, formations } = await openPeriod(reg);
    const owner = await session();
    const id = await completeDraft(reg, owner.token, period.id, formations[0].id);
    const stranger = await session();
    for (const [method, path, body] of [
      ['GET', `/applications/${id}`, undefined],
      ['PATCH', `/applications/${id}`, { declarations: [] }],
      ['POST', `/applications/${id}/submit`, undefined],
      ['GET', `/applications/${id}/timeline`, undefined],
      ['GET', `/applications/${id}/card.pdf`, undefined],
    ] as const) {
      const res = await reg.call(method, path, { token: stranger.token, body });
      expect([res.status, res.body.code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
    }
    const upload = await reg.call('PUT', `/applications/${id}/documents/ijazah`, { token: stranger.token, raw: samplePdf(), contentType: 'application/pdf' });
    expect(upload.status).toBe(404);
    expect((await reg.call('GET', `/applications/${randomUUID()}`, { token: owner.token })).status).toBe(404);
    expect((await reg.call('GET', `/applications/not-a-uuid`, { token: owner.token })).body.code).toBe('INVALID_ID');
  });

  it('allows no edit after submission, and serves the registration card as a PDF', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    expect((await reg.call('GET', `/applications/${id}/card.pdf`, { token: me.token })).body.code).toBe('APPLICATION_NOT_SUBMITTED');
    await reg.call('POST', `/applications/${id}/submit`, { token: me.token });
    const edit = await reg.call('PATCH', `/applications/${id}`, { token: me.token, body: { declarations: [] } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('APPLICATION_SUBMITTED');
    expect((await reg.call('PUT', `/applications/${id}/documents/ijazah`, { token: me.token, raw: samplePdf(), contentType: 'application/pdf' })).status).toBe(
      409,
    );
    const card = await reg.call('GET', `/applications/${id}/card.pdf`, { token: me.token });
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('application/pdf');
    expect(card.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets verifiers open a submitted document, recording each view, and nobody else', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await session();
    const id = await completeDraft(reg, me.token, period.id, formations[0].id);
    const draft = await reg.call('GET', `/applications/${id}`, { token: me.token });
    const documentId = draft.body.documents.find((d: { type: string }) => d.type === 'ijazah').id;
    const verifierId = randomUUID();
    const view = await reg.call('GET', `/staff/documents/${documentId}`, { token: testKeys().mint(verifierId, ['verifier']) });
    expect(view.status).toBe(200);
    expect(view.bytes.length).toBe(100_000);
    expect((await reg.call('GET', `/staff/documents/${documentId}`, { token: me.token })).status).toBe(403);
    const [audit] = await reg.dataSource.query(`SELECT action, subject FROM registration.audit_log WHERE actor_id = $1`, [verifierId]);
    expect(audit).toEqual({ action: 'document.viewed', subject: documentId });
    await expect(reg.dataSource.query(`DELETE FROM registration.audit_log WHERE actor_id = $1`, [verifierId])).rejects.toThrow(/append-only/);
  });
});

async function waitForEvent(reg: Registration, match: (e: { type: string; data: unknown; subject: string }) => boolean) {
  const kafka = testKafka();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await readEvents(kafka, reg.topicPrefix, 'registration')).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('event not published');
    await new Promise((r) => setTimeout(r, 300));
  }
}
