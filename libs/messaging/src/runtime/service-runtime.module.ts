import { BeforeApplicationShutdown, DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard, JwtVerifier } from '@seleksi/auth';
import { ServiceName } from '@seleksi/contracts';
import { createServiceDataSource, MigrationClass, runMigrations } from '@seleksi/persistence';
import { Kafka } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { DataSource, MixedList } from 'typeorm';
import { KafkaEventServer } from '../consumer/kafka-event-server';
import { createKafka, kafkaConnectionFrom } from '../kafka/kafka-settings';
import { MessagingRetention } from '../outbox/messaging-retention';
import { TopicNames } from '../kafka/topic-names';
import { EventBatchSources } from '../outbox/event-batches';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { Clock, clockFromSettings } from './clock';
import { HealthController } from './health.controller';
import { MessagingMetrics } from './messaging-metrics';
import { MetricsController } from './metrics.controller';
import { ServiceConfig } from './service-config';
import { KAFKA, SERVICE_NAME } from './tokens';

export interface ServiceRuntimeOptions {
  service: ServiceName;
  config: ServiceConfig;
  /** Explicit list, with `MessagingTables1763800000000` first and `OutboxEventBatches1763800000900` (the relay reads its columns). */
  migrations: MigrationClass[];
  /** The sources of the service's event batches (`Outbox.enqueueBatch`), by name. */
  eventBatches?: EventBatchSources;
  entities?: MixedList<new () => unknown>;
  /** Turn off process-wide metrics when several services share one process (tests). */
  processMetrics?: boolean;
}

/** Starts the relay once the app is up and closes it, then the pool, after the consumer has stopped. */
@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly retention: MessagingRetention,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.retention.start();
  }

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`shutting down${signal ? ` on ${signal}` : ''}: consuming stops after the message in hand`);
  }

  // Runs after Nest has closed the HTTP server and the event transport (consumer left its group).
  async onApplicationShutdown(): Promise<void> {
    await this.retention.stop();
    await this.relay.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.logger.log('shutdown complete: consumer closed, relay stopped, database pool closed');
  }
}

/**
 * Everything a Seleksi service stands on: its config, its own database schema (migrated at start
 * when MIGRATE_ON_START), the outbox and its relay, the inbox-backed event transport, JWT
 * verification as a global guard, health and metrics.
 */
@Module({})
export class ServiceRuntimeModule {
  static forService(options: ServiceRuntimeOptions): DynamicModule {
    const { config, service } = options;
    const schema = service;
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: service },
      { provide: ServiceConfig, useValue: config },
      { provide: Clock, useFactory: () => clockFromSettings(config) },
      {
        provide: DataSource,
        useFactory: async () => {
          const dataSource = createServiceDataSource({
            settings: {
              host: config.DB_HOST,
              port: config.DB_PORT,
              database: config.DB_NAME,
              user: config.DB_USER,
              password: config.DB_PASSWORD,
              schema,
              poolSize: config.DB_POOL_SIZE,
            },
            migrations: options.migrations,
            entities: options.entities,
            applicationName: `seleksi-${service}`,
          });
          await dataSource.initialize();
          if (config.MIGRATE_ON_START) await runMigrations(dataSource);
          return dataSource;
        },
      },
      { provide: KAFKA, useFactory: () => createKafka(kafkaConnectionFrom(config, `seleksi-${service}`)) },
      { provide: TopicNames, useValue: new TopicNames(config.KAFKA_TOPIC_PREFIX) },
      { provide: Outbox, useFactory: (topics: TopicNames) => new Outbox({ service, schema, topics, batches: options.eventBatches }), inject: [TopicNames] },
      {
        provide: MessagingMetrics,
        useFactory: (dataSource: DataSource) =>
          new MessagingMetrics(
            service,
            async () => {
              // Events, not rows: an event batch counts the events it has still to publish.
              const [row] = (await dataSource.query(
                `SELECT coalesce(sum(CASE WHEN batch_source IS NULL THEN 1 ELSE batch_events - batch_published END), 0)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
              )) as { n: number }[];
              return row.n;
            },
            options.processMetrics ?? true,
          ),
        inject: [DataSource],
      },
      {
        provide: OutboxRelay,
        useFactory: (dataSource: DataSource, kafka: Kafka, topics: TopicNames) =>
          new OutboxRelay(dataSource, kafka, {
            schema,
            batchSize: config.OUTBOX_BATCH_SIZE,
            pollIntervalMs: config.OUTBOX_POLL_MS,
            standbyRetryMs: 2_000,
            topics: [topics.of(service)],
            partitions: config.KAFKA_PARTITIONS,
            topicCreation: {
              replicationFactor: config.KAFKA_REPLICATION_FACTOR,
              minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
              deadLetterRetentionMs: config.KAFKA_DLQ_RETENTION_MS,
            },
            batches: options.eventBatches,
          }),
        inject: [DataSource, KAFKA, TopicNames],
      },
      {
        provide: MessagingRetention,
        useFactory: (dataSource: DataSource, relay: OutboxRelay) =>
          new MessagingRetention(
            dataSource,
            {
              schema,
              outboxRetentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
              inboxRetentionMs: config.INBOX_RETENTION_DAYS * 86_400_000,
              intervalMs: config.PRUNE_INTERVAL_MS,
            },
            () => relay.isLeader,
          ),
        inject: [DataSource, OutboxRelay],
      },
      {
        provide: KafkaEventServer,
        useFactory: (kafka: Kafka, dataSource: DataSource, topics: TopicNames, metrics: MessagingMetrics) =>
          new KafkaEventServer(
            kafka,
            dataSource,
            {
              consumer: service,
              groupId: topics.groupOf(service),
              topics: topics.consumedBy(service),
              ensureTopics: topics.neededBy(service),
              partitions: config.KAFKA_PARTITIONS,
              // The consumer may create its topics first (a dead-letter topic, a producer not yet started): same settings as the relay.
              topicCreation: {
                replicationFactor: config.KAFKA_REPLICATION_FACTOR,
                minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
                deadLetterRetentionMs: config.KAFKA_DLQ_RETENTION_MS,
              },
              schema,
              batchSize: config.CONSUMER_BATCH_SIZE,
              maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
              retryInitialMs: config.CONSUMER_RETRY_INITIAL_MS,
              retryMaxMs: config.CONSUMER_RETRY_MAX_MS,
              partitionsConsumedConcurrently: config.CONSUMER_CONCURRENT_PARTITIONS,
              sessionTimeoutMs: config.CONSUMER_SESSION_TIMEOUT_MS,
              connectRetryMaxMs: 10_000,
            },
            metrics,
          ),
        inject: [KAFKA, DataSource, TopicNames, MessagingMetrics],
      },
      {
        provide: JwtVerifier,
        useFactory: () => new JwtVerifier(readFileSync(config.JWT_PUBLIC_KEY_FILE, 'utf8'), { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
      },
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      RuntimeLifecycle,
    ];
    return {
      module: ServiceRuntimeModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_NAME, ServiceConfig, Clock, DataSource, KAFKA, TopicNames, Outbox, OutboxRelay, MessagingMetrics, KafkaEventServer, JwtVerifier],
    };
  }
}
