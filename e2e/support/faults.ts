import { CE_HEADERS, EventName, eventType, ServiceName } from '@seleksi/contracts';
import { DeadLetterEntry, headersAsStrings, listDeadLetters } from '@seleksi/messaging';
import { readTopic, testInfra, testKafka, waitFor } from '@seleksi/testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { Pipeline, PIPELINE_SERVICES } from './pipeline';
import { PipelineState } from './pipeline-state';
import { checkDeadLetters, DeadLetterCheck, FAULT_HEADER, MALFORMED_KINDS, MalformedEvent, MalformedKind, malformedEvents } from './poison';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs deploy/kafka/kafka.sh asynchronously (the test's own HTTP calls keep going meanwhile) with this process's KAFKA_* settings. */
function kafkaScript(command: 'start' | 'stop'): Promise<void> {
  const script = join(testInfra().repoRoot, 'deploy/kafka/kafka.sh');
  return new Promise((resolve, reject) => {
    // A broker that holds many partitions takes a while to load them: allow it more than kafka.sh's default.
    const env = { ...process.env, KAFKA_START_TIMEOUT: process.env.KAFKA_START_TIMEOUT ?? '240' };
    const child = spawn('bash', [script, command], { stdio: ['ignore', 'pipe', 'pipe'], env });
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
export class FaultDrills extends PipelineState {
  readonly records: FaultRecord[] = [];
  readonly malformed: MalformedEvent[] = [];
  readonly redelivered: RedeliveredEvent[] = [];

  constructor(
    pipeline: Pipeline,
    kafka: Kafka = testKafka('seleksi-fault-drills'),
    private readonly log: (line: string) => void = () => undefined,
  ) {
    super(pipeline, kafka);
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
    const events = malformedEvents(producer, topic, kinds);
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
   * Each poison event sent, once per service that must reject it, byte for byte, and nothing else
   * (poison.ts); a second copy only where that consumer was killed between the two.
   */
  checkDeadLetters(entries: DeadLetterEntry[], sent: MalformedEvent[] = this.malformed): DeadLetterCheck {
    return checkDeadLetters(entries, sent, this.records);
  }

  /** Every well-formed event on the topics is in its consumers' inboxes, and none of the drill's poison is. */
  checkInboxes(): Promise<string[]> {
    return this.inboxProblems(new Set(this.malformed.map((m) => m.id)));
  }
}
