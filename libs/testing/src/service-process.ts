import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ServiceName } from '@seleksi/contracts';
import { testInfra } from './infra';
import { rememberTopicPrefix } from './kafka';
import { testKeys } from './tokens';
import { waitFor } from './wait';

export interface ServiceProcess {
  service: ServiceName;
  url: string;
  child: ChildProcess;
  logs(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** 32 bytes, base64: the test key for NIK and KK at rest. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_KK_DIGEST_KEY = 'test-kk-digest-key-0123456789';
export const TEST_DOCUMENT_GRANT_KEY = 'test-document-grant-key-0123456789abcdef';

/** The environment a service gets in tests: the test database as its own role, the test broker, a topic prefix. */
export function serviceEnv(service: ServiceName, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const { pg, brokers } = testInfra();
  if (extra.KAFKA_TOPIC_PREFIX) rememberTopicPrefix(extra.KAFKA_TOPIC_PREFIX);
  return {
    PORT: String(port),
    DB_HOST: pg.host,
    DB_PORT: String(pg.port),
    DB_NAME: pg.database,
    DB_USER: `seleksi_${service}`,
    KAFKA_BROKERS: brokers.join(','),
    JWT_PUBLIC_KEY_FILE: testKeys().publicKeyFile,
    // Secrets some services need (others ignore settings they do not declare); test values only.
    JWT_PRIVATE_KEY_FILE: testKeys().privateKeyFile,
    PII_ENCRYPTION_KEY: TEST_PII_KEY,
    KK_DIGEST_KEY: TEST_KK_DIGEST_KEY,
    DOCUMENT_GRANT_KEY: TEST_DOCUMENT_GRANT_KEY,
    // Where registration's e-mails link to: the edge of a local run.
    PORTAL_URL: 'http://127.0.0.1:8080',
    PASSWORD_SCRYPT_COST: '1024',
    // Surges and scenarios sign thousands up from 127.0.0.1; the throttle's own test sets a low limit.
    SIGNUP_MAX_PER_ADDRESS: '1000000',
    MIGRATE_ON_START: 'true',
    CONSUMER_SESSION_TIMEOUT_MS: '6000',
    // Every test run makes its own prefixed topics; two partitions each keep the broker's restarts
    // (which load every partition) fast over a whole suite. Tests about partitions set their own.
    KAFKA_PARTITIONS: '2',
    ...extra,
  };
}

/** Runs a compiled service (dist/, built by deploy/test.sh) as its own OS process, as `npm start` does. */
export function spawnService(service: ServiceName, env: Record<string, string>): ServiceProcess {
  const root = testInfra().repoRoot;
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'deploy/node-paths.js'), join(process.env.SELEKSI_DIST ?? join(root, 'dist'), `apps/${service}/src/main.js`)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', ...(process.env.SELEKSI_DIST ? { SELEKSI_DIST: process.env.SELEKSI_DIST } : {}), ...env },
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    service,
    url: `http://127.0.0.1:${env.PORT}`,
    child,
    logs: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  try {
    await waitFor(`${service.service} to be ready`, async () => (await fetch(`${service.url}/health/ready`)).status === 200, { timeoutMs, intervalMs: 250 });
  } catch (error) {
    // The logs as they are when it gave up: why the process never became ready (or exited).
    throw new Error(`${(error as Error).message}\n${service.service} logs:\n${service.logs().slice(-4000)}`);
  }
}
