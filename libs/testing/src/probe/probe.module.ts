import { Controller, DynamicModule, Inject, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { ApplicationSubmitted, EventEnvelope, eventType, ServiceName } from '@seleksi/contracts';
import {
  ConsumerHooks,
  currentCorrelation,
  EventBatchContext,
  EventBatchPattern,
  EventContext,
  KafkaEventServer,
  MessagingMetrics,
  RethrowRpcFilter,
} from '@seleksi/messaging';
import { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { testKafka } from '../kafka';
import { waitFor } from '../wait';

const PROBE = Symbol('PROBE');

interface ProbeSettings {
  schema: string;
  instance: string;
  /** While true, registration numbers starting FAIL- throw; a test turns it off to "fix the bug". */
  failures: { enabled: boolean };
  /** The size of each chunk the batch form was handed. */
  chunks: number[];
}

/** A consumer's effect: one row per applied ApplicationSubmitted; registration numbers starting FAIL- always throw. */
@Controller()
class ProbeHandler {
  constructor(@Inject(PROBE) private readonly probe: ProbeSettings) {}

  @EventPattern(eventType('ApplicationSubmitted'))
  async submitted(@Payload() event: EventEnvelope<ApplicationSubmitted>, @Ctx() ctx: EventContext): Promise<void> {
    if (this.probe.failures.enabled && event.data.registrationNumber.startsWith('FAIL-'))
      throw new Error(`induced failure for ${event.data.registrationNumber}`);
    const correlation = currentCorrelation();
    await ctx.manager.query(
      `INSERT INTO "${this.probe.schema}".effects (event_id, application_id, registration_number, instance, correlation_id, causation_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, event.data.applicationId, event.data.registrationNumber, this.probe.instance, correlation?.correlationId, correlation?.causationId],
    );
  }
}

/** The same effect as a batch form: one insert per chunk; a chunk holding a FAIL- event throws as a whole. */
@Controller()
class ProbeBatchHandler {
  constructor(@Inject(PROBE) private readonly probe: ProbeSettings) {}

  @EventBatchPattern(eventType('ApplicationSubmitted'))
  async submitted(@Payload() events: EventEnvelope<ApplicationSubmitted>[], @Ctx() ctx: EventBatchContext): Promise<void> {
    this.probe.chunks.push(events.length);
    const failing = this.probe.failures.enabled ? events.find((e) => e.data.registrationNumber.startsWith('FAIL-')) : undefined;
    if (failing) throw new Error(`induced failure for ${failing.data.registrationNumber}`);
    const correlation = currentCorrelation();
    await ctx.manager.query(
      `INSERT INTO "${this.probe.schema}".effects (event_id, application_id, registration_number, instance, correlation_id, causation_id)
       SELECT id, application_id, registration_number, $4, $5, $6 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS e (id, application_id, registration_number)`,
      [
        events.map((e) => e.id),
        events.map((e) => e.data.applicationId),
        events.map((e) => e.data.registrationNumber),
        this.probe.instance,
        correlation?.correlationId,
        correlation?.causationId,
      ],
    );
  }
}

@Module({})
class ProbeModule {
  static register(settings: ProbeSettings, batchForm: boolean): DynamicModule {
    return { module: ProbeModule, controllers: [batchForm ? ProbeBatchHandler : ProbeHandler], providers: [{ provide: PROBE, useValue: settings }] };
  }
}

export interface ProbeConsumerOptions {
  schema: string;
  dataSource: DataSource;
  groupId: string;
  topics: string[];
  instance: string;
  /** The service whose consumer this stands in for; names the inbox rows. */
  consumer?: ServiceName | string;
  maxAttempts?: number;
  /** Events per transaction; the probe handler has a batch form when `batchForm` is set. */
  batchSize?: number;
  hooks?: ConsumerHooks;
  partitions?: number;
  failures?: { enabled: boolean };
  /** Declare the probe's batch form instead of its per-event handler. */
  batchForm?: boolean;
  /** How long to wait at most between retries while a dependency is down (default 500 ms). */
  retryMaxMs?: number;
}

export interface ProbeConsumer {
  server: KafkaEventServer;
  app: INestMicroservice;
  metrics: MessagingMetrics;
  /** The size of each chunk the batch form was handed (empty for the per-event handler). */
  chunks: number[];
  close(): Promise<void>;
}

/** A Nest microservice on the real transport, joined to its group and consuming. */
export async function startProbeConsumer(options: ProbeConsumerOptions): Promise<ProbeConsumer> {
  const metrics = new MessagingMetrics(options.instance, async () => 0, false);
  const server = new KafkaEventServer(
    testKafka(options.instance),
    options.dataSource,
    {
      consumer: options.consumer ?? 'probe',
      groupId: options.groupId,
      topics: options.topics,
      ensureTopics: [...options.topics, ...options.topics.map((t) => `${t}.dlq`)],
      partitions: options.partitions ?? 6,
      schema: options.schema,
      batchSize: options.batchSize ?? 500,
      maxAttempts: options.maxAttempts ?? 3,
      retryInitialMs: 50,
      retryMaxMs: options.retryMaxMs ?? 500,
      partitionsConsumedConcurrently: 3,
      sessionTimeoutMs: 6_000,
      connectRetryMaxMs: 2_000,
    },
    metrics,
    options.hooks,
  );
  const chunks: number[] = [];
  const settings = { schema: options.schema, instance: options.instance, failures: options.failures ?? { enabled: true }, chunks };
  const app = await NestFactory.createMicroservice(ProbeModule.register(settings, options.batchForm ?? false), {
    strategy: server,
    logger: ['error'],
  });
  app.useGlobalFilters(new RethrowRpcFilter());
  await app.listen();
  await waitFor(`${options.instance} to join ${options.groupId}`, () => server.isRunning, { timeoutMs: 60_000 });
  return { server, app, metrics, chunks, close: () => app.close() };
}
