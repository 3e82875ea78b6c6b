import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { RegistrationConfig } from '../registration.config';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailDeliveryError, MailTransport, mailTransportFor } from './mail-transport';

const BATCH = 20;

/** Seconds before the next attempt after `attempts` failed ones: doubling from the initial wait, capped. */
export function retryDelaySeconds(attempts: number, initial: number, max: number): number {
  return Math.min(max, initial * 2 ** Math.min(attempts - 1, 30));
}

/**
 * Mail is queued in registration.mail_outbox in the transaction that needs it. With MAIL_TRANSPORT
 * `smtp` or `log` this drain delivers each due message; a temporary failure (the server is down, a
 * 4xx answer) waits with backoff and is tried again, a permanent 5xx rejection is kept as failed with
 * its reason. With `outbox` an operator's mail relay reads the table instead.
 */
@Injectable()
export class MailDrain implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: MailTransport | undefined;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: MailOutboxRepository,
    private readonly config: RegistrationConfig,
    private readonly clock: Clock,
  ) {
    this.transport = mailTransportFor(config);
  }

  onApplicationBootstrap(): void {
    if (!this.transport) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.drainAll()
        .catch((e: Error) => this.logger.warn(`mail drain failed: ${e.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.MAIL_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    this.transport?.close();
  }

  /** Batch after batch while full ones come back: an announcement's many e-mails go out without waiting a poll each. */
  private async drainAll(): Promise<void> {
    while (this.timer && (await this.drain()).due === BATCH);
  }

  /** Tries the due messages of one batch once. */
  async drain(): Promise<{ due: number; sent: number }> {
    const transport = this.transport;
    if (!transport) return { due: 0, sent: 0 };
    return this.dataSource.transaction(async (manager) => {
      const due = await this.outbox.lockDue(manager, this.clock.now(), BATCH);
      let sent = 0;
      for (const mail of due) {
        try {
          await transport.send(mail);
          await this.outbox.markSent(manager, mail.id, this.clock.now());
          sent += 1;
        } catch (error) {
          const reason = (error as Error).message.slice(0, 1000);
          if (error instanceof MailDeliveryError && error.permanent) {
            this.logger.warn(`mail ${mail.id} rejected for good: ${reason}`);
            await this.outbox.markFailed(manager, mail.id, reason, this.clock.now());
          } else {
            const wait = retryDelaySeconds(mail.attempts + 1, this.config.MAIL_RETRY_INITIAL_SECONDS, this.config.MAIL_RETRY_MAX_SECONDS);
            this.logger.warn(`mail ${mail.id} not delivered (attempt ${mail.attempts + 1}), retrying in ${wait} s: ${reason}`);
            await this.outbox.markRetry(manager, mail.id, reason, new Date(this.clock.now().getTime() + wait * 1000));
            // The server is down: the rest of the batch waits for the next poll instead of failing one by one.
            if (error instanceof MailDeliveryError && error.unreachable) return { due: 0, sent };
          }
        }
      }
      return { due: due.length, sent };
    });
  }
}
