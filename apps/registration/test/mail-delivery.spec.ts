import { randomUUID } from 'node:crypto';
import { newPayload, publishEvent, testKafka, waitFor } from '@seleksi/testing';
import { SMTPServer } from 'smtp-server';
import { applicantIdentity, completeDraft, openPeriod, Registration, signUpBody, startRegistration } from './registration-harness';

/** Ports from this suite's range; nothing else listens there. */
const SMTP_PORT = 43025;

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/**
 * A real SMTP server: accepts everything except recipients starting with "bounce", which get 550, and
 * those starting with "greylist", which get 451 the first time (as greylisting servers answer).
 */
class TestSmtp {
  readonly received: Received[] = [];
  private readonly greylisted = new Set<string>();
  private server?: SMTPServer;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Stopping is an outage: open (pooled) connections are cut, not waited for.
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('bounce')) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        if (address.address.startsWith('greylist') && !this.greylisted.has(address.address)) {
          this.greylisted.add(address.address);
          return callback(Object.assign(new Error('greylisted, try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parse(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(SMTP_PORT, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** Subject and text of a plain nodemailer message (quoted-printable or 7bit body). */
function parse(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)![1].replace(/\r\n[ \t]/g, ' ');
  let text = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    text = Buffer.from(
      text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

describe('mail that arrives: SMTP delivery, retries, bounces, outcome e-mails', () => {
  let reg: Registration;
  const smtp = new TestSmtp();
  let n = 8000;
  const next = () => applicantIdentity(n++, 'mail');

  beforeAll(async () => {
    await smtp.start();
    reg = await startRegistration({
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(SMTP_PORT),
      SMTP_FROM: 'Seleksi <noreply@seleksi.test>',
      MAIL_POLL_MS: '100',
      MAIL_RETRY_INITIAL_SECONDS: '1',
      MAIL_RETRY_MAX_SECONDS: '2',
    });
  }, 90_000);
  afterAll(async () => {
    await reg.close();
    await smtp.stop();
  });

  const outboxOf = async (accountId: string) =>
    reg.dataSource.query(`SELECT kind, attempts, sent_at, failed_at, last_error FROM registration.mail_outbox WHERE account_id = $1 ORDER BY id`, [accountId]);

  /** Received by the server is not yet recorded as sent: the drain's transaction commits after. */
  const recorded = (accountId: string) =>
    waitFor('the delivery recorded', async () => (await outboxOf(accountId)).every((m: { sent_at: Date | null }) => m.sent_at !== null), {
      timeoutMs: 10_000,
    });

  async function signUp(locale: 'id' | 'en', email?: string) {
    const who = { ...next(), ...(email ? { email } : {}) };
    const res = await reg.call('POST', '/accounts', { body: { ...signUpBody(who), locale } });
    expect(res.status).toBe(201);
    return { who, id: res.body.id as string };
  }

  it('delivers the confirmation e-mail over SMTP in Indonesian and in English, with a link that confirms', async () => {
    const id = await signUp('id');
    const en = await signUp('en');
    await waitFor('both confirmation e-mails', async () => smtp.to(id.who.email).length + smtp.to(en.who.email).length === 2, { timeoutMs: 15_000 });
    const [inIndonesian] = smtp.to(id.who.email);
    expect(inIndonesian.subject).toBe('Konfirmasi alamat e-mail Seleksi');
    expect(inIndonesian.text).toContain('Buka tautan berikut untuk mengonfirmasi alamat e-mail Anda (berlaku 24 jam)');
    const [inEnglish] = smtp.to(en.who.email);
    expect(inEnglish.subject).toBe('Confirm your Seleksi e-mail address');
    expect(inEnglish.text).toContain('Open this link to confirm your e-mail address (valid for 24 hours)');
    const token = /http:\/\/127\.0\.0\.1:8080\/confirm-email\?token=([\w-]+)/.exec(inEnglish.text)![1];
    expect((await reg.call('POST', '/accounts/confirm-email', { body: { token } })).status).toBe(204);
    await recorded(en.id);
    expect(await outboxOf(en.id)).toEqual([expect.objectContaining({ kind: 'confirm-email', attempts: 1, sent_at: expect.any(Date), failed_at: null })]);
  });

  it('records a permanent rejection (5xx) as failed, with its reason, and does not retry it', async () => {
    const { id } = await signUp('id', `bounce-${randomUUID().slice(0, 8)}@example.id`);
    await waitFor('the rejection recorded', async () => (await outboxOf(id))[0].failed_at !== null, { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [row] = await outboxOf(id);
    expect(row).toMatchObject({ attempts: 1, sent_at: null, last_error: expect.stringContaining('550') });
  });

  it('retries a temporary rejection (4xx) and delivers', async () => {
    const { who, id } = await signUp('id', `greylist-${randomUUID().slice(0, 8)}@example.id`);
    await waitFor('delivery after the retry', async () => smtp.to(who.email).length === 1, { timeoutMs: 15_000 });
    await recorded(id);
    const [row] = await outboxOf(id);
    expect(row).toMatchObject({ attempts: 2, failed_at: null, sent_at: expect.any(Date) });
  });

  it('keeps every message through an SMTP outage, retrying with backoff until each is delivered', async () => {
    await smtp.stop();
    const first = await signUp('en');
    const others = [await signUp('id'), await signUp('en')];
    await waitFor('two failed attempts', async () => (await outboxOf(first.id))[0].attempts >= 2, { timeoutMs: 20_000 });
    const [during] = await outboxOf(first.id);
    expect(during).toMatchObject({ sent_at: null, failed_at: null, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    await smtp.start();
    await waitFor('every message delivered after the outage', async () => [first, ...others].every(({ who }) => smtp.to(who.email).length === 1), {
      timeoutMs: 20_000,
    });
    await recorded(first.id);
    const [after] = await outboxOf(first.id);
    expect(after.sent_at).not.toBeNull();
    expect(after.attempts).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('e-mails applicants when an outcome of theirs is published, in their language, with a link to their application', async () => {
    const { period, formations } = await openPeriod(reg);
    const applicants = [];
    for (const locale of ['id', 'en'] as const) {
      const { who, id } = await signUp(locale);
      await waitFor('confirmation', async () => smtp.to(who.email).length === 1, { timeoutMs: 15_000 });
      const token = /token=([\w-]+)/.exec(smtp.to(who.email)[0].text)![1];
      await reg.call('POST', '/accounts/confirm-email', { body: { token } });
      const login = await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } });
      const applicationId = await completeDraft(reg, login.body.accessToken, period.id, formations[0].id);
      expect((await reg.call('POST', `/applications/${applicationId}/submit`, { token: login.body.accessToken })).status).toBe(201);
      applicants.push({ who, id, applicationId });
    }
    const [indonesian, english] = applicants;
    const kafka = testKafka();
    const ids = (applicationId: string) => ({ periodId: period.id, formationId: formations[0].id, applicationId, ruleVersion: period.ruleVersion });

    await publishEvent(
      kafka,
      reg.topicPrefix,
      'AdministrativeResultsAnnounced',
      newPayload('AdministrativeResultsAnnounced', ids(english.applicationId), {
        appealFilingClosesAt: '2027-01-10T16:59:00.000Z',
      }),
    );
    await publishEvent(
      kafka,
      reg.topicPrefix,
      'ParticipantScheduled',
      newPayload('ParticipantScheduled', ids(english.applicationId), {
        startsAt: '2027-01-25T01:00:00.000Z',
        venue: 'UPT CAT BKN Bandung',
        room: 'Ruang 2',
      }),
    );
    await waitFor('the outcome e-mails', async () => smtp.to(indonesian.who.email).length === 2 && smtp.to(english.who.email).length === 3, {
      timeoutMs: 30_000,
    });

    const announced = smtp.to(indonesian.who.email)[1];
    expect(announced.subject).toBe(`Hasil seleksi administrasi: ${period.name}`);
    expect(announced.text).toContain('Masa sanggah berakhir 10 Januari 2027, 23:59 WIB.');
    expect(announced.text).toMatch(new RegExp(`^Halo ${indonesian.who.fullName},`));
    expect(announced.text).not.toContain('{{');
    expect(announced.text).toContain(`http://127.0.0.1:8080/applications/${indonesian.applicationId}`);

    const [, announcedEn, examCard] = smtp.to(english.who.email);
    expect(announcedEn.subject).toBe(`Administrative selection result: ${period.name}`);
    expect(announcedEn.text).toContain('Appeals can be filed until 10 January 2027, 23:59 WIB.');
    expect(examCard.subject).toBe(`Exam card: ${period.name}`);
    expect(examCard.text).toContain('Exam: 25 January 2027, 08:00 WIB, UPT CAT BKN Bandung, Ruang 2.');
    expect(examCard.text).toMatch(new RegExp(`^Hello ${english.who.fullName},`));
    expect(examCard.text).toContain(`http://127.0.0.1:8080/applications/${english.applicationId}`);
    // The exam card is the English applicant's alone.
    expect(smtp.to(indonesian.who.email).some((m) => m.subject.startsWith('Kartu'))).toBe(false);
  }, 90_000);
});
