import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { RegistrationConfig } from '../registration.config';

export interface OutgoingMail {
  recipient: string;
  subject: string;
  body: string;
}

/**
 * Why a message was not delivered: `permanent` is an SMTP 5xx answer (retrying cannot help);
 * `unreachable` means no SMTP answer at all (the server is down), which the next messages would meet too.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly unreachable: boolean,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;
  close(): void {}
}

/** Local runs: the message goes to the log. */
export class LogMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.log(`mail to ${mail.recipient}: ${mail.subject} | ${mail.body.replace(/\n+/g, ' ')}`);
  }
}

export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: RegistrationConfig) {
    super();
    this.transporter = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
      // A few connections kept open and reused: an announcement can mean many thousands of messages.
      pool: true,
      maxConnections: 2,
      // An unreachable server must fail fast: the drain holds the messages' row locks meanwhile.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail({ from: this.config.SMTP_FROM, to: mail.recipient, subject: mail.subject, text: mail.body });
    } catch (error) {
      const { responseCode, message } = error as { responseCode?: number; message: string };
      throw new MailDeliveryError(
        responseCode ? `${responseCode} ${message}` : message,
        responseCode !== undefined && responseCode >= 500 && responseCode < 600,
        responseCode === undefined,
      );
    }
  }

  override close(): void {
    this.transporter.close();
  }
}

export function mailTransportFor(config: RegistrationConfig): MailTransport | undefined {
  if (config.MAIL_TRANSPORT === 'smtp') return new SmtpMailTransport(config);
  if (config.MAIL_TRANSPORT === 'log') return new LogMailTransport();
  return undefined;
}
