import {
  CE_HEADERS,
  EVENTS,
  EventName,
  eventsConsumedBy,
  eventsProducedBy,
  eventType,
  ServiceName,
  topicOf,
  topicsConsumedBy,
  validatePayloadOfType,
} from '@seleksi/contracts';
import { DeadLetterEntry, headersAsStrings, listDeadLetters, TopicNames } from '@seleksi/messaging';
import { connectAsService, readTopic, testInfra, testKafka, waitFor } from '@seleksi/testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Pipeline, PIPELINE_SERVICES } from './pipeline';

/** The three ways an event can be poison; each must be dead-lettered, never applied, never retried forever. */
export type MalformedKind = 'not-json' | 'breaks-contract' | 'unknown-type';
export const MALFORMED_KINDS: readonly MalformedKind[] = ['not-json', 'breaks-contract', 'unknown-type'];

/** Outside the `id.seleksi.<service>.<Name>.v<n>` scheme: a consumer that meets it cannot be an older build. */
const UNKNOWN_TYPE = 'com.example.faultdrill.Unknown.v1';
/** Marks the poison a drill sent, so that it is never mistaken for a real event (e.g. picked for redelivery). */
export const FAULT_HEADER = 'x-seleksi-fault-drill';

export interface MalformedEvent {
  id: string;
  kind: MalformedKind;
  topic: string;
  type: string;
  value: Buffer;
  /** The services that must each dead-letter it once: every reader of the topic, or only the handlers of its type. */
  consumers: ServiceName[];
}

export interface RedeliveredEvent {
  id: string;
  type: string;
  topic: string;
}

export interface FaultRecord {
  fault: string;
  /** When it began (ms since the epoch, real clock). */
  at: number;
  /** What it hit: `broker`, `<service>#<instance>` or a topic. */
  target: string;
  detail: string;
  ms: number;
  /** Events the fault caught in flight: not yet consumed or not yet published by the services it hit. */
  inFlight: number;
}

export interface DeadLetterCheck {
  problems: string[];
  /**
   * Second copies written by a consumer killed after its first dead letter and before it committed
   * past the message: it reads the message again and dead-letters it again (KafkaEventServer keeps no
   * record of what it dead-lettered).
   */
  crashCopies: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readersOf(producer: ServiceName): ServiceName[] {
  return PIPELINE_SERVICES.filter((s) => topicsConsumedBy(s).includes(topicOf(producer)));
}

/** The event of a topic that the most services handle, so one contract breach reaches every handler it can. */
function mostConsumedEvent(producer: ServiceName): EventName {
  const [first, ...rest] = eventsProducedBy(producer);
  return rest.reduce((best, n) => (EVENTS[n].consumers.length > EVENTS[best].consumers.length ? n : best), first);
}

function passesContract(type: string, payload: object): boolean {
  try {
    validatePayloadOfType(type, payload);
    return true;
  } catch {
    return false;
  }
}

/** Runs deploy/kafka/kafka.sh asynchronously (the test's own HTTP calls keep going meanwhile) with this process's KAFKA_* settings. */
function kafkaScript(command: 'start' | 'stop'): Promise<void> {
  const script = join(testInfra().repoRoot, 'deploy/kafka/kafka.sh');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kafka.sh ${command} exited ${code}: ${out}`))));
  });
}

/**
 * Restarting a broker other than the one the services use would prove nothing and break someone
 * else's run (kafka.sh reads KAFKA_PORT, the services KAFKA_BROKERS): refuse when they disagree.
 */
function assertOwnBroker(): void {
  const port = testInfra().brokers[0]?.split(':')[1];
  const scriptPort = process.env.KAFKA_PORT ?? '9092';
  if (port !== scriptPort) {
    throw new Error(`KAFKA_BROKERS points at port ${port} but kafka.sh would restart port ${scriptPort}; set KAFKA_PORT to match`);
  }
}

/**
 * The fault drills of issue 8 against a running pipeline: broker restart, SIGKILL and restart of a
 * service, a batch delivered twice, poison events on the service topics. It remembers what it did
 * (`records`, `malformed`, `redelivered`) so the checks afterwards know exactly what to expect.
 */
export class FaultDrills {
  readonly records: FaultRecord[] = [];
  readonly malformed: MalformedEvent[] = [];
  readonly redelivered: RedeliveredEvent[] = [];
  private readonly names: TopicNames;
  private readonly databases = new Map<ServiceName, DataSource>();
  private disposed = false;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly kafka: Kafka = testKafka('seleksi-fault-drills'),
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.names = new TopicNames(pipeline.prefix);
  }

  private async timed<T>(fault: string, target: string, detail: string, run: (inFlight: (n: number, what: string) => void) => Promise<T>): Promise<T> {
    const started = Date.now();
    const record: FaultRecord = { fault, at: started, target, detail, ms: 0, inFlight: 0 };
    const result = await run((n, what) => {
      record.inFlight = n;
      record.detail = [record.detail, what].filter(Boolean).join('; ');
    });
    record.ms = Date.now() - started;
    this.records.push(record);
    this.log(`fault drill: ${fault} of ${target} (${record.detail}) in ${record.ms} ms`);
    return result;
  }

  /**
   * Runs `fault` in the background as soon as `ready` holds (polled every 100 ms), for a moment no
   * scenario hook reaches, such as the middle of the submission surge. Await the promise to know it
   * ran; it rejects if the drills are disposed first.
   */
  when(what: string, ready: () => Promise<boolean>, fault: () => Promise<void>): Promise<void> {
    const run = async () => {
      while (!(await ready().catch(() => false))) {
        if (this.disposed) throw new Error(`the drills ended before ${what}`);
        await sleep(100);
      }
      this.log(`fault drill: now, ${what}`);
      await fault();
    };
    const done = run();
    // Marked as handled here; whoever awaits it still sees the failure.
    done.catch(() => undefined);
    return done;
  }

  /** How many events of a type a service has written to its outbox so far, published or not. */
  async outboxCount(service: ServiceName, name: EventName): Promise<number> {
    const [{ n }] = (await (await this.database(service)).query(`SELECT count(*)::int AS n FROM "${service}".outbox WHERE event_type = $1`, [eventType(name)])) as { n: number }[];
    return n;
  }

  async appliedCount(service: ServiceName): Promise<number> {
    const [{ n }] = (await (await this.database(service)).query(`SELECT count(*)::int AS n FROM "${service}".inbox`)) as { n: number }[];
    return n;
  }

  /**
   * Stops the broker (as an operator would, the services are not told), runs `whileDown` (HTTP calls
   * that must still be accepted and whose events must not be lost), starts it again and waits until
   * every service instance consumes again.
   */
  async restartBroker<T>(whileDown?: () => Promise<T>): Promise<T | undefined> {
    assertOwnBroker();
    return this.timed('broker restart', 'broker', whileDown ? 'with calls while it was down' : 'stop and start', async (inFlight) => {
      await kafkaScript('stop');
      let result: T | undefined;
      try {
        result = await whileDown?.();
      } finally {
        await kafkaScript('start');
      }
      const backlogs = await Promise.all(PIPELINE_SERVICES.map(async (s) => ({ s, ...(await this.backlog(s)) })));
      inFlight(
        backlogs.reduce((n, b) => n + b.unconsumed + b.unpublished, 0),
        `back with ${backlogs.map((b) => `${b.s} ${b.unconsumed} to consume, ${b.unpublished} to publish`).join(', ')}`,
      );
      await this.waitUntilAllReady(120_000);
      return result;
    });
  }

  /** SIGKILL (no shutdown hook, no offset commit, no outbox mark) and a restart with the same settings. */
  async killAndRestart(service: ServiceName, instance = 0): Promise<void> {
    await this.timed('SIGKILL and restart', `${service}#${instance}`, '', async (inFlight) => {
      const [{ unconsumed, unpublished }, applied] = await Promise.all([this.backlog(service), this.appliedCount(service)]);
      await this.pipeline.kill(service, instance, 'SIGKILL');
      inFlight(unconsumed + unpublished, `killed with ${applied} applied, ${unconsumed} to consume, ${unpublished} to publish`);
      await this.pipeline.restart(service, instance);
    });
  }

  /** Waits until the service is applying events again (its inbox grows), then kills it in the middle of that. */
  async killWhileConsuming(service: ServiceName, instance = 0): Promise<void> {
    const before = await this.appliedCount(service);
    // On a quiet machine the backlog can be gone before this looks: then there is nothing to catch in flight.
    await waitFor(
      `${service} to apply events, or to have none left to apply`,
      async () => (await this.appliedCount(service)) > before || (await this.backlog(service)).unconsumed === 0,
      { timeoutMs: 60_000, intervalMs: 50 },
    );
    await this.killAndRestart(service, instance);
  }

  /**
   * Publishes again, byte for byte (same key, headers and event id), the first `count` events of the
   * given types already on a producer's topic, as a relay that crashed before marking them would.
   */
  async redeliver(producer: ServiceName, types: EventName[], count: number): Promise<RedeliveredEvent[]> {
    const topic = this.names.of(producer);
    const wanted = new Set(types.map(eventType));
    return this.timed('redelivery', topic, `${count} × ${types.join('/')}`, async () => {
      // The drill's own poison carries real type names; sending it again would be another drill.
      const batch = (await readTopic(this.kafka, topic))
        .map(({ message }) => ({ message, headers: headersAsStrings(message.headers) }))
        .filter(({ headers }) => wanted.has(headers[CE_HEADERS.type] ?? '') && !(FAULT_HEADER in headers))
        .slice(0, count);
      if (batch.length === 0) throw new Error(`no ${types.join('/')} on ${topic} to deliver twice`);
      const sender = this.kafka.producer({ allowAutoTopicCreation: false });
      await sender.connect();
      try {
        await sender.send({
          topic,
          acks: -1,
          messages: batch.map(({ message, headers }) => ({ key: message.key, value: message.value, headers })),
        });
      } finally {
        await sender.disconnect();
      }
      const sent = batch.map(({ headers }) => ({ id: headers[CE_HEADERS.id] ?? '', type: headers[CE_HEADERS.type] ?? '', topic }));
      this.redelivered.push(...sent);
      return sent;
    });
  }

  /** Publishes one poison event of each kind (by default) on a producer's topic, with CloudEvents headers that are otherwise right. */
  async publishMalformed(producer: ServiceName, kinds: readonly MalformedKind[] = MALFORMED_KINDS): Promise<MalformedEvent[]> {
    const topic = this.names.of(producer);
    const name = mostConsumedEvent(producer);
    const def = EVENTS[name];
    const events = kinds.map((kind): MalformedEvent & { key: string } => {
      const key = randomUUID();
      if (kind === 'not-json') {
        return { id: randomUUID(), kind, topic, key, type: eventType(name), value: Buffer.from(`{"${def.key}": "${key}", "truncated`), consumers: readersOf(producer) };
      }
      if (kind === 'unknown-type') {
        return { id: randomUUID(), kind, topic, key, type: UNKNOWN_TYPE, value: Buffer.from(JSON.stringify({ [def.key]: key })), consumers: readersOf(producer) };
      }
      const payload = { [def.key]: key, note: 'fault drill: every other field is missing' };
      // A payload the contract accepted would be applied, not dead-lettered: the drill would test nothing.
      if (passesContract(eventType(name), payload)) throw new Error(`the drill's broken ${name} passes its contract`);
      return { id: randomUUID(), kind, topic, key, type: eventType(name), value: Buffer.from(JSON.stringify(payload)), consumers: [...def.consumers] };
    });
    return this.timed('malformed events', topic, kinds.join(', '), async () => {
      const sender = this.kafka.producer({ allowAutoTopicCreation: false });
      await sender.connect();
      try {
        await sender.send({
          topic,
          acks: -1,
          messages: events.map((e) => ({
            key: e.key,
            value: e.value,
            headers: {
              [CE_HEADERS.id]: e.id,
              [CE_HEADERS.type]: e.type,
              [CE_HEADERS.source]: producer,
              [CE_HEADERS.time]: new Date().toISOString(),
              [CE_HEADERS.specversion]: '1.0',
              [CE_HEADERS.subject]: e.key,
              [CE_HEADERS.correlationid]: randomUUID(),
              [CE_HEADERS.contentType]: 'application/json',
              [FAULT_HEADER]: e.kind,
            },
          })),
        });
      } finally {
        await sender.disconnect();
      }
      const sent = events.map(({ key: _key, ...e }) => e);
      this.malformed.push(...sent);
      return sent;
    });
  }

  /** Every dead letter on the five services' dead-letter topics, from the beginning. */
  async readDeadLetters(): Promise<DeadLetterEntry[]> {
    const all = await Promise.all(PIPELINE_SERVICES.map((s) => listDeadLetters(this.kafka, this.names.deadLetterOf(this.names.of(s)))));
    return all.flat();
  }

  /**
   * Each poison event sent, once per service that must reject it, byte for byte, and nothing else:
   * a good event in a dead-letter topic is an effect lost. A second copy is a problem unless that
   * consumer was killed between the two (`crashCopies`).
   */
  checkDeadLetters(entries: DeadLetterEntry[], sent: MalformedEvent[] = this.malformed): DeadLetterCheck {
    const problems: string[] = [];
    const crashCopies: string[] = [];
    const byId = new Map(sent.map((m) => [m.id, m]));
    const copies = new Map<string, DeadLetterEntry[]>();
    for (const entry of entries) {
      const origin = entry.eventId ? byId.get(entry.eventId) : undefined;
      const what = `${entry.consumer} dead-lettered ${entry.eventType ?? '?'} ${entry.eventId ?? '(no id)'} from ${entry.originalTopic} (${entry.error})`;
      if (!origin) {
        problems.push(`unexpected dead letter: ${what}`);
        continue;
      }
      if (!origin.consumers.includes(entry.consumer as ServiceName)) problems.push(`dead letter from a service that must not read it: ${what}`);
      if (entry.originalTopic !== origin.topic) problems.push(`dead letter names the wrong topic: ${what}`);
      if (!entry.message.value?.equals(origin.value)) problems.push(`dead letter does not keep the value byte for byte: ${what}`);
      const key = `${origin.id}|${entry.consumer}`;
      copies.set(key, [...(copies.get(key) ?? []), entry]);
    }
    const killedBetween = (consumer: string, from: string, to: string) =>
      this.records.some((r) => r.fault === 'SIGKILL and restart' && r.target.startsWith(`${consumer}#`) && r.at < Date.parse(to) && r.at + r.ms > Date.parse(from));
    for (const m of sent) {
      for (const consumer of m.consumers) {
        const letters = (copies.get(`${m.id}|${consumer}`) ?? []).sort((a, b) => a.failedAt.localeCompare(b.failedAt));
        if (letters.length === 0) problems.push(`${m.kind} ${m.type} on ${m.topic} never dead-lettered by ${consumer}`);
        for (let i = 1; i < letters.length; i += 1) {
          const copy = `${m.kind} ${m.type} on ${m.topic} dead-lettered again by ${consumer} at ${letters[i].failedAt} (first at ${letters[0].failedAt})`;
          if (killedBetween(consumer, letters[i - 1].failedAt, letters[i].failedAt)) crashCopies.push(copy);
          else problems.push(copy);
        }
      }
    }
    return { problems, crashCopies };
  }

  private async database(service: ServiceName): Promise<DataSource> {
    let db = this.databases.get(service);
    if (!db) {
      if (this.disposed) throw new Error('the fault drills are over');
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
    const [{ unpublished }] = (await (await this.database(service)).query(
      `SELECT count(*)::int AS unpublished FROM "${service}".outbox WHERE published_at IS NULL`,
    )) as { unpublished: number }[];
    // A broker that has just started answers "not the coordinator" until it has loaded the group offsets.
    const unconsumed = await waitFor(`the consumer offsets of ${service}`, async () => ({ n: await this.unconsumed(service) }), { timeoutMs: 60_000, intervalMs: 250 });
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
    await waitFor('every outbox published and every consumer group at the end of its topics', async () => {
      streak = (await this.isSettled()) ? streak + 1 : 0;
      return streak >= 2;
    }, { timeoutMs, intervalMs: 500 });
  }

  async waitUntilAllReady(timeoutMs = 120_000): Promise<void> {
    const urls = PIPELINE_SERVICES.flatMap((s) => this.pipeline.processes(s).map((p) => p.url));
    await waitFor('every service instance ready (database and consumer group)', async () => {
      const statuses = await Promise.all(urls.map(async (u) => (await fetch(`${u}/health/ready`)).status));
      return statuses.every((s) => s === 200);
    }, { timeoutMs, intervalMs: 500 });
  }

  /**
   * Nothing lost: every well-formed event on a topic, of a type a service consumes, is in that
   * service's inbox (its primary key makes "applied twice" impossible to record, so the effects are
   * checked elsewhere). Poison events must not be there.
   */
  async checkInboxes(): Promise<string[]> {
    const problems: string[] = [];
    const poison = new Set(this.malformed.map((m) => m.id));
    const onTopic = new Map<string, { id: string; type: string }[]>();
    for (const producer of PIPELINE_SERVICES) {
      const messages = await readTopic(this.kafka, this.names.of(producer));
      onTopic.set(producer, messages.map(({ message }) => {
        const h = headersAsStrings(message.headers);
        return { id: h[CE_HEADERS.id] ?? '', type: h[CE_HEADERS.type] ?? '' };
      }).filter((e) => !poison.has(e.id)));
    }
    for (const service of PIPELINE_SERVICES) {
      const types = new Set(eventsConsumedBy(service).map(eventType));
      const rows = (await (await this.database(service)).query(`SELECT event_id FROM "${service}".inbox WHERE consumer = $1`, [service])) as { event_id: string }[];
      const inbox = new Set(rows.map((r) => r.event_id));
      const wanted = new Set([...onTopic.values()].flat().filter((e) => types.has(e.type)).map((e) => e.id));
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
