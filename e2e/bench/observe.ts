/**
 * What the bench reads to know where the pipeline stands. Every service records each event it applies
 * in its inbox in the same transaction as the effect (`processed_at` = that transaction's start), and
 * every event it publishes in its outbox keyed by application id, or, for an event batch, one row with
 * the number of events it holds (their ids and keys are then read from the producer's topic); reading
 * both, each as the service's own role, tells when each application's event became visible downstream.
 * Consumer lag comes from the broker: committed group offsets against the topic end offsets.
 */
import { CE_HEADERS, EventName, EVENTS, eventType, SERVICE_NAMES, ServiceName, topicsConsumedBy } from '@seleksi/contracts';
import { headersAsStrings, TopicNames } from '@seleksi/messaging';
import { clientAs, readTopic, testKafka } from '@seleksi/testing';
import { Admin } from 'kafkajs';
import { Client } from 'pg';

export class Observer {
  private constructor(
    private readonly clients: Map<ServiceName, Client>,
    private readonly topics: TopicNames,
  ) {}

  static async open(topicPrefix: string): Promise<Observer> {
    const clients = new Map<ServiceName, Client>();
    for (const service of SERVICE_NAMES) clients.set(service, await clientAs(`seleksi_${service}`));
    return new Observer(clients, new TopicNames(topicPrefix));
  }

  db(service: ServiceName): Client {
    return this.clients.get(service)!;
  }

  async produced(name: EventName): Promise<number> {
    const producer = EVENTS[name].producer;
    const { rows } = await this.db(producer).query(
      `SELECT coalesce(sum(CASE WHEN batch_source IS NULL THEN 1 ELSE batch_events END), 0)::int AS n FROM ${producer}.outbox WHERE event_type = $1`,
      [eventType(name)],
    );
    return rows[0].n as number;
  }

  async applied(name: EventName, consumer: ServiceName): Promise<number> {
    const { rows } = await this.db(consumer).query(`SELECT count(*)::int AS n FROM ${consumer}.inbox WHERE event_type = $1`, [eventType(name)]);
    return rows[0].n as number;
  }

  /**
   * Application (message key, or the payload field `keyField`) → when `consumer` applied its `name`
   * event, ms since the epoch (the first, if several).
   */
  async appliedTimes(name: EventName, consumer: ServiceName, keyField?: string): Promise<Map<string, number>> {
    const producer = EVENTS[name].producer;
    const type = eventType(name);
    const key = keyField ? `payload->>'${keyField.replace(/[^A-Za-z]/g, '')}'` : 'message_key';
    const keys = await this.db(producer).query(
      `SELECT event_id, ${key} AS message_key FROM ${producer}.outbox WHERE event_type = $1 AND batch_source IS NULL`,
      [type],
    );
    const batches = await this.db(producer).query(`SELECT 1 FROM ${producer}.outbox WHERE event_type = $1 AND batch_source IS NOT NULL LIMIT 1`, [type]);
    if (batches.rows.length > 0) keys.rows.push(...(await this.publishedKeys(producer, type, keyField)));
    const applied = await this.db(consumer).query(
      `SELECT event_id, (extract(epoch FROM processed_at) * 1000)::float8 AS at FROM ${consumer}.inbox WHERE event_type = $1`,
      [type],
    );
    const atById = new Map<string, number>(applied.rows.map((r: { event_id: string; at: number }) => [r.event_id, r.at]));
    const out = new Map<string, number>();
    for (const r of keys.rows as { event_id: string; message_key: string }[]) {
      const at = atById.get(r.event_id);
      if (at !== undefined && (out.get(r.message_key) ?? Infinity) > at) out.set(r.message_key, at);
    }
    return out;
  }

  /** Event id and key of every `type` event on the producer's topic (how the events of batches are known). */
  private async publishedKeys(producer: ServiceName, type: string, keyField?: string): Promise<{ event_id: string; message_key: string }[]> {
    const out: { event_id: string; message_key: string }[] = [];
    for (const m of await readTopic(testKafka('seleksi-bench-keys'), this.topics.of(producer), 120_000)) {
      const headers = headersAsStrings(m.message.headers);
      if (headers[CE_HEADERS.type] !== type) continue;
      const key = keyField ? String((JSON.parse(m.message.value?.toString() ?? '{}') as Record<string, unknown>)[keyField]) : (m.message.key?.toString() ?? '');
      out.push({ event_id: headers[CE_HEADERS.id], message_key: key });
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.end()));
  }
}

export interface LagSample {
  seconds: number;
  byService: Record<string, number>;
}

/** Samples every service's consumer-group lag (sum over the topics and partitions it reads). */
export class LagSampler {
  readonly samples: LagSample[] = [];
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly prefix: string,
    private readonly startedAt: number,
  ) {}

  async start(intervalMs: number): Promise<void> {
    this.admin = testKafka('seleksi-bench-lag').admin();
    await this.admin.connect();
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  async lagNow(): Promise<Record<string, number>> {
    const admin = this.admin!;
    const byService: Record<string, number> = {};
    const ends = new Map<string, Map<number, { high: number; low: number }>>();
    for (const service of SERVICE_NAMES) {
      const topics = topicsConsumedBy(service).map((t) => `${this.prefix}${t}`);
      for (const topic of topics) {
        if (!ends.has(topic)) {
          const offsets = await admin.fetchTopicOffsets(topic);
          ends.set(topic, new Map(offsets.map((p) => [p.partition, { high: Number(p.high), low: Number(p.low) }])));
        }
      }
      const committed = await admin.fetchOffsets({ groupId: `${this.prefix}seleksi.${service}`, topics });
      let lag = 0;
      for (const t of committed) {
        for (const p of t.partitions) {
          const end = ends.get(t.topic)?.get(p.partition);
          if (!end) continue;
          const at = Number(p.offset) < 0 ? end.low : Number(p.offset);
          lag += Math.max(0, end.high - at);
        }
      }
      byService[service] = lag;
    }
    return byService;
  }

  private async sample(): Promise<void> {
    if (this.busy || !this.admin) return;
    this.busy = true;
    try {
      this.samples.push({ seconds: (Date.now() - this.startedAt) / 1000, byService: await this.lagNow() });
    } catch {
      // A sample lost to a broker hiccup is a gap in the curve, not a reason to stop the run.
    } finally {
      this.busy = false;
    }
  }

  /** The largest lag each service had in samples taken between two instants (ms since the epoch). */
  maxBetween(fromMs: number, toMs: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.samples) {
      const at = this.startedAt + s.seconds * 1000;
      if (at < fromMs || at > toMs) continue;
      for (const [service, lag] of Object.entries(s.byService)) out[service] = Math.max(out[service] ?? 0, lag);
    }
    return out;
  }

  latest(): Record<string, number> {
    return this.samples.at(-1)?.byService ?? {};
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.admin?.disconnect();
  }
}
