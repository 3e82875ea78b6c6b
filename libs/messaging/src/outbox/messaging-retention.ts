import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RetentionSettings {
  schema: string;
  /** Published outbox rows older than this are deleted: they hold the events' payloads, personal data included. */
  outboxRetentionMs: number;
  /**
   * Inbox rows older than this are deleted. They hold only ids, but they are what recognises a
   * redelivered event, so keep them longer than the topics keep events (a replay from the earliest
   * offset must still find every event it applied).
   */
  inboxRetentionMs: number;
  intervalMs: number;
  /** Rows deleted per statement, so a prune never holds long locks. */
  chunkSize?: number;
}

export interface PruneResult {
  outbox: number;
  inbox: number;
}

/**
 * Deletes published outbox rows and old inbox rows after their retention, on the instance that holds
 * the outbox relay's leadership (one per service). Unpublished rows are never touched.
 */
export class MessagingRetention {
  private readonly logger = new Logger(MessagingRetention.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RetentionSettings,
    private readonly isActive: () => boolean,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      if (!this.isActive() || this.running) return;
      this.running = this.prune()
        .catch((error: Error) => this.logger.warn(`pruning ${this.settings.schema}'s outbox and inbox failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.settings.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async prune(): Promise<PruneResult> {
    const s = `"${this.settings.schema}"`;
    const outbox = await this.deleteInChunks(
      `DELETE FROM ${s}.outbox WHERE id IN (SELECT id FROM ${s}.outbox WHERE published_at < now() - $1 * interval '1 millisecond' LIMIT $2)`,
      this.settings.outboxRetentionMs,
    );
    const inbox = await this.deleteInChunks(
      `DELETE FROM ${s}.inbox WHERE ctid IN (SELECT ctid FROM ${s}.inbox WHERE processed_at < now() - $1 * interval '1 millisecond' LIMIT $2)`,
      this.settings.inboxRetentionMs,
    );
    if (outbox + inbox > 0) this.logger.log(`pruned ${outbox} published outbox row(s) and ${inbox} inbox row(s) of ${this.settings.schema}`);
    return { outbox, inbox };
  }

  private async deleteInChunks(sql: string, retentionMs: number): Promise<number> {
    const chunk = this.settings.chunkSize ?? 5_000;
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(sql, [retentionMs, chunk])) as [unknown, number];
      total += deleted;
      if (deleted < chunk) return total;
    }
  }
}
