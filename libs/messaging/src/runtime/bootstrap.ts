import { DynamicModule, INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ServiceName } from '@seleksi/contracts';
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { KafkaEventServer } from '../consumer/kafka-event-server';
import { CorrelationContext, runWithCorrelation } from '../correlation';
import { HttpExceptionFilter } from './http-exception.filter';
import { JsonLogger } from './json-logger';
import { MessagingMetrics } from './messaging-metrics';
import { ConfigError, DatabaseConfig, loadConfig, ServiceConfig } from './service-config';
import { createValidationPipe } from './validation.pipe';

export interface BootstrapOptions {
  service: ServiceName;
  module: Type | DynamicModule;
  config: ServiceConfig;
  description: string;
  /** Where to send log lines; stdout by default. */
  logWriter?: (line: string) => void;
}

const CORRELATION_HEADER = 'x-correlation-id';
/** Media types whose request body reaches handlers as a Buffer. */
export const RAW_BODY_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'text/csv'];
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Checks what the schema of the settings cannot: that referenced files are there. */
function preflight(config: DatabaseConfig): void {
  if (!(config instanceof ServiceConfig)) return;
  try {
    accessSync(config.JWT_PUBLIC_KEY_FILE, constants.R_OK);
  } catch {
    throw new ConfigError([`JWT_PUBLIC_KEY_FILE: cannot read "${config.JWT_PUBLIC_KEY_FILE}"`]);
  }
}

/** Loads the settings or stops the process with a message naming each bad setting. */
export function loadConfigOrExit<T extends DatabaseConfig>(service: string, type: new () => T): T {
  try {
    const config = loadConfig(type);
    preflight(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`seleksi-${service} cannot start: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/**
 * Builds and starts one service: Fastify, the global validation pipe and error filter, correlation
 * ids from `x-correlation-id` (or new), HTTP latency metrics, OpenAPI at /docs, the event transport,
 * and shutdown hooks that stop consuming before the pool closes.
 */
export async function createServiceApp(options: BootstrapOptions): Promise<NestFastifyApplication> {
  preflight(options.config);
  const logger = new JsonLogger(options.service, options.config.LOG_LEVEL, options.logWriter);
  const bodyLimit = options.config.HTTP_BODY_LIMIT_BYTES;
  const trustProxy = options.config.TRUSTED_PROXIES?.split(',').map((p) => p.trim()) ?? false;
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter({ bodyLimit, trustProxy }), {
    logger,
    abortOnError: false,
  });
  // Uploads (documents, score files) arrive as the raw body of their own media type, not as multipart:
  // the handler gets a Buffer and decides the type from the content, never from the header.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(RAW_BODY_TYPES, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  const metrics = app.get(MessagingMetrics);
  const fastify = app.getHttpAdapter().getInstance();
  const contexts = new WeakMap<object, CorrelationContext>();
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    const context = { correlationId };
    contexts.set(request, context);
    void reply.header(CORRELATION_HEADER, correlationId);
    runWithCorrelation(context, done);
  });
  // Body parsing runs on socket events outside the request's async context; enter it again.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const context = contexts.get(request);
    if (context) runWithCorrelation(context, done);
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Seleksi ${options.service}`).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  // The microservice inherits the global filter (which rethrows event-handler errors) and guard.
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: true });
  return app;
}

export async function startServiceApp(app: INestApplication, config: ServiceConfig): Promise<string> {
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  return app.getUrl();
}

export interface ServiceEntry<C extends ServiceConfig> {
  service: ServiceName;
  description: string;
  configType: new () => C;
  module: (config: C) => DynamicModule;
}

/** A service's `main`: settings, app, listen; the process stops with a clear message if any fails. */
export async function runService<C extends ServiceConfig>(entry: ServiceEntry<C>): Promise<void> {
  const config = loadConfigOrExit(entry.service, entry.configType);
  try {
    const app = await createServiceApp({ service: entry.service, module: entry.module(config), config, description: entry.description });
    const url = await startServiceApp(app, config);
    new Logger('Bootstrap').log(`seleksi-${entry.service} listening on ${url} (docs at ${url}/docs)`, 'Bootstrap');
  } catch (error) {
    // A setting only a service's own providers can check (a key file that does not parse) fails here.
    if (error instanceof ConfigError) {
      process.stderr.write(`seleksi-${entry.service} cannot start: ${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`seleksi-${entry.service} failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }
}
