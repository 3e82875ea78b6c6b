import { CE_HEADERS, EventName, eventsConsumedBy, eventType, ServiceName } from '@seleksi/contracts';
import { headersAsStrings, TopicNames } from '@seleksi/messaging';
import { connectAsService, readTopic, waitFor } from '@seleksi/testing';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Pipeline, PIPELINE_SERVICES } from './pipeline';

/**
 * Where a running pipeline stands, read as each service's own role and from the broker: what is left
 * to publish and to consume, whether everything settled, and whether every event on the topics was
 * applied.
 */
export class PipelineState {
  protected readonly names: TopicNames;
  private readonly databases = new Map<ServiceName, DataSource>();
  protected disposed = false;

  constructor(
    protected readonly pipeline: Pipeline,
    protected readonly kafka: Kafka,
  ) {
    this.names = new TopicNames(pipeline.prefix);
  }

  /** How many events of a type a service has written to its outbox so far, published or not. */
  async outboxCount(service: ServiceName, name: EventName): Promise<number> {
    const [{ n }] = (await (
      await this.database(service)
    ).query(`SELECT count(*)::int AS n FROM "${service}".outbox WHERE event_type = $1`, [eventType(name)])) as { n: number }[];
    return n;
  }

  async appliedCount(service: ServiceName): Promise<number> {
    const [{ n }] = (await (await this.database(service)).query(`SELECT count(*)::int AS n FROM "${service}".inbox`)) as { n: number }[];
    return n;
  }

  private async database(service: ServiceName): Promise<DataSource> {
    let db = this.databases.get(service);
    if (!db) {
      if (this.disposed) throw new Error('the pipeline checks are over');
      db = await connectAsService(service, [], 1);
      this.databases.set(service, db);
    }
    return db;
  }

  /**
   * What a service still has to do: messages on the topics it reads past its group's committed
   * offsets, and outbox rows its relay has not published yet.
   */
  async backlog(service: ServiceName): Promise<{ unconsumed: number; unpublished: number }> {
    const [{ unpublished }] = (await (
      await this.database(service)
    ).query(`SELECT count(*)::int AS unpublished FROM "${service}".outbox WHERE published_at IS NULL`)) as { unpublished: number }[];
    // A broker that has just started answers "not the coordinator" until it has loaded the group offsets.
    const unconsumed = await waitFor(`the consumer offsets of ${service}`, async () => ({ n: await this.unconsumed(service) }), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    return { unconsumed: unconsumed.n, unpublished };
  }

  private async unconsumed(service: ServiceName): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = this.names.consumedBy(service);
      const committed = await admin.fetchOffsets({ groupId: `${this.pipeline.prefix}seleksi.${service}`, topics });
      let unconsumed = 0;
      for (const topic of topics) {
        const group = committed.find((c) => c.topic === topic);
        for (const end of await admin.fetchTopicOffsets(topic)) {
          const offset = Number(group?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
          unconsumed += Number(end.high) - Math.max(offset, Number(end.low));
        }
      }
      return unconsumed;
    } finally {
      await admin.disconnect();
    }
  }

  /** True when every consumer group has committed up to the end of each topic it reads and no outbox holds unpublished rows. */
  async isSettled(): Promise<boolean> {
    for (const service of PIPELINE_SERVICES) {
      const { unconsumed, unpublished } = await this.backlog(service);
      if (unconsumed > 0 || unpublished > 0) return false;
    }
    return true;
  }

  /** Waits until the pipeline has nothing left to publish or consume, twice in a row (a consumer's effect may publish more). */
  async waitUntilSettled(timeoutMs = 120_000): Promise<void> {
    let streak = 0;
    await waitFor(
      'every outbox published and every consumer group at the end of its topics',
      async () => {
        streak = (await this.isSettled()) ? streak + 1 : 0;
        return streak >= 2;
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  async waitUntilAllReady(timeoutMs = 120_000): Promise<void> {
    const urls = PIPELINE_SERVICES.flatMap((s) => this.pipeline.processes(s).map((p) => p.url));
    await waitFor(
      'every service instance ready (database and consumer group)',
      async () => {
        const answers = await Promise.all(
          urls.map(async (u) => {
            const res = await fetch(`${u}/health/ready`);
            return { u, status: res.status, body: await res.text() };
          }),
        );
        const waiting = answers.filter((a) => a.status !== 200);
        // waitFor names the last error when it times out: which instance is not ready, and why.
        if (waiting.length > 0) throw new Error(waiting.map((a) => `${a.u} ${a.status} ${a.body}`).join('; '));
        return true;
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /**
   * Nothing lost: every well-formed event on a topic, of a type a service consumes, is in that
   * service's inbox (its primary key makes "applied twice" impossible to record, so the effects are
   * checked elsewhere). Poison events must not be there.
   */
  async inboxProblems(poison: ReadonlySet<string>): Promise<string[]> {
    const problems: string[] = [];
    const onTopic = new Map<string, { id: string; type: string }[]>();
    for (const producer of PIPELINE_SERVICES) {
      const messages = await readTopic(this.kafka, this.names.of(producer));
      onTopic.set(
        producer,
        messages
          .map(({ message }) => {
            const h = headersAsStrings(message.headers);
            return { id: h[CE_HEADERS.id] ?? '', type: h[CE_HEADERS.type] ?? '' };
          })
          .filter((e) => !poison.has(e.id)),
      );
    }
    for (const service of PIPELINE_SERVICES) {
      const types = new Set(eventsConsumedBy(service).map(eventType));
      const rows = (await (await this.database(service)).query(`SELECT event_id FROM "${service}".inbox WHERE consumer = $1`, [service])) as {
        event_id: string;
      }[];
      const inbox = new Set(rows.map((r) => r.event_id));
      const wanted = new Set(
        [...onTopic.values()]
          .flat()
          .filter((e) => types.has(e.type))
          .map((e) => e.id),
      );
      for (const id of wanted) if (!inbox.has(id)) problems.push(`${service} never applied event ${id}`);
      for (const id of inbox) if (poison.has(id)) problems.push(`${service} applied poison event ${id}`);
    }
    return problems;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.databases.values()].map((db) => db.destroy()));
    this.databases.clear();
  }
}
