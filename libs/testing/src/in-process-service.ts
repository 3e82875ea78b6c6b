import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceName } from '@seleksi/contracts';
import { createServiceApp, loadConfig, ServiceConfig, startServiceApp } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { serviceEnv } from './service-process';
import { uniqueTopicPrefix } from './kafka';
import { waitFor } from './wait';

export interface InProcessService<C extends ServiceConfig> {
  app: NestFastifyApplication;
  config: C;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The service's own pool (its own role and schema). */
  dataSource: DataSource;
  topicPrefix: string;
  logs(): string;
  close(): Promise<void>;
}

export interface InProcessOptions<C extends ServiceConfig> {
  service: ServiceName;
  configType: new () => C;
  /** e.g. `(config) => ScreeningModule.forConfig(config, { processMetrics: false })` */
  module: (config: C) => DynamicModule;
  /** Extra or overriding settings, as environment variables. */
  env?: Record<string, string>;
}

/**
 * A whole service (HTTP, event transport, relay) in the test's own process, on a free port, against
 * the real database (as the service's role, migrated at start) and the real broker, with a topic
 * prefix of its own unless `env.KAFKA_TOPIC_PREFIX` says otherwise. For HTTP and event tests of one
 * service; e2e tests run the compiled services as processes instead.
 */
export async function startInProcess<C extends ServiceConfig>(options: InProcessOptions<C>): Promise<InProcessService<C>> {
  const topicPrefix = options.env?.KAFKA_TOPIC_PREFIX ?? uniqueTopicPrefix();
  const env = serviceEnv(options.service, 0, { LOG_LEVEL: 'warn', ...options.env, KAFKA_TOPIC_PREFIX: topicPrefix });
  const config = loadConfig(options.configType, env);
  let logs = '';
  const app = await createServiceApp({
    service: options.service,
    module: options.module(config),
    config,
    description: `${options.service} under test`,
    logWriter: (line) => (logs += line),
  });
  const url = (await startServiceApp(app, config)).replace('[::1]', '127.0.0.1');
  // Ready means the consumer has joined its group and the database answers, as in production.
  await waitFor(`${options.service} to be ready (logs: ${logs.slice(-2000)})`, async () => (await fetch(`${url}/health/ready`)).status === 200, {
    timeoutMs: 60_000,
    intervalMs: 100,
  });
  return {
    app,
    config,
    url,
    dataSource: app.get(DataSource),
    topicPrefix,
    logs: () => logs,
    close: () => app.close(),
  };
}
