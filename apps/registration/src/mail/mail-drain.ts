import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrationConfig } from '../registration.config';

/**
 * Mail is queued in registration.mail_outbox in the transaction that needs it (sign-up). With
 * MAIL_TRANSPORT=log (local runs) this drain writes each message to the log and marks it sent; with
 * `outbox` an operator's mail relay reads the table instead.
 */
@Injectable()
export class MailDrain implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: RegistrationConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MAIL_TRANSPORT !== 'log') return;
    this.timer = setInterval(() => void this.drain().catch((e: Error) => this.logger.warn(`mail drain failed: ${e.message}`)), 1000);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async drain(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; recipient: string; subject: string; body: string }[] = await manager.query(
        `SELECT id, recipient, subject, body FROM registration.mail_outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      for (const mail of rows) this.logger.log(`mail to ${mail.recipient}: ${mail.subject} | ${mail.body}`);
      if (rows.length > 0) await manager.query(`UPDATE registration.mail_outbox SET sent_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
