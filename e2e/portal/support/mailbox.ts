import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the run (the `smtp-server` package): registration sends its mail here
 * (MAIL_TRANSPORT=smtp), and each message is kept as a JSON file the tests read.
 */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  at: number;
}

/** Subject and text of a plain nodemailer message (quoted-printable or 7bit body). */
export function parseMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const subjectLine = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)?.[1] ?? '';
  let text = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    text = Buffer.from(
      text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject: subjectLine.replace(/\r\n[ \t]/g, ' '), text: text.replace(/\r\n/g, '\n') };
}

export async function startMailbox(port: number, dir: string): Promise<{ close(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const mail: ReceivedMail = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), ...parseMail(raw), at: Date.now() };
        n += 1;
        writeFileSync(join(dir, `${String(mail.at).padStart(15, '0')}-${String(n).padStart(6, '0')}.json`), JSON.stringify(mail));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every message received so far for an address, oldest first. */
export function mailsTo(dir: string, address: string): ReceivedMail[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReceivedMail)
    .filter((m) => m.to.includes(address.toLowerCase()));
}
