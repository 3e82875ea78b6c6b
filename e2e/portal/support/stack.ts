import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFallbackEdge } from './edge';
import { startMailbox } from './mailbox';

/**
 * One stack per Playwright run: the five compiled services (dist/, as `npm start` runs them) on
 * fresh schemas of the test database, one topic prefix, behind the one-origin edge serving the
 * portal's build. Ports from PORTAL_E2E_BASE_PORT (42000: edge; 42010+: services).
 */
export const ROOT = resolve(__dirname, '../../..');
export const STATE_DIR = join(ROOT, '.data/portal-e2e');
export const STATE_FILE = join(STATE_DIR, 'stack.json');
export const MAIL_DIR = join(STATE_DIR, 'mail');
/** The clock offset every service of the run follows (CLOCK_FILE; support/clock.ts moves it). */
export const CLOCK_FILE = join(STATE_DIR, 'clock');
export const SERVICES = ['registration', 'screening', 'skb', 'interview', 'placement'] as const;
export type Service = (typeof SERVICES)[number];

export interface StackState {
  baseURL: string;
  services: Record<Service, string>;
  privateKeyFile: string;
  publicKeyFile: string;
  database: string;
  edge: 'deploy/edge' | 'fallback';
}

interface DistTesting {
  serviceEnv(service: string, port: number, extra?: Record<string, string>): Record<string, string>;
  spawnService(service: string, env: Record<string, string>): { url: string; service: string; stop(): Promise<void>; exited: Promise<unknown>; logs(): string };
  waitUntilReady(p: unknown, timeoutMs?: number): Promise<void>;
  freshSchema(schema: string): Promise<void>;
  uniqueTopicPrefix(): string;
}

/** The compiled libs/testing (deploy/test.sh builds dist/ first), with the @seleksi/* aliases of dist. */
export function distTesting(): DistTesting {
  // The compiled libs are loaded at run time (as the services run), not bundled by Playwright's loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(ROOT, 'deploy/node-paths.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(ROOT, 'dist/libs/testing/src/index.js')) as DistTesting;
}

interface EdgeModule {
  startEdge(options: { port: number; host?: string; table: unknown; upstreams: Record<string, URL>; portalDist?: string }): Promise<{ close(): Promise<void> }>;
}

/** main's edge (tools/edge, compiled) when it is there, with the one routing table; else the stand-in. */
function realEdge(): { edge: EdgeModule; table: unknown } | undefined {
  const edgeFile = join(ROOT, 'dist/tools/edge/edge.js');
  const routesFile = join(ROOT, 'dist/tools/edge/routes.js');
  if (!existsSync(edgeFile) || !existsSync(routesFile)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const routes = require(routesFile) as { loadRoutingTable(file?: string): unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { edge: require(edgeFile) as EdgeModule, table: routes.loadRoutingTable(join(ROOT, 'deploy/edge/routes.json')) };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = Number(process.env.PORTAL_E2E_BASE_PORT ?? 42000);
  // One offset for the whole run's applicants (the test files pass distinct indexes), so no two of
  // them can share a NIK; workers inherit the environment set here.
  process.env.PORTAL_E2E_PEOPLE_BASE ??= String(Math.floor(Math.random() * 8000));
  mkdirSync(STATE_DIR, { recursive: true });
  const portalDist = join(ROOT, 'apps/portal/dist');
  if (process.env.PORTAL_E2E_SKIP_BUILD !== 'true' || !existsSync(join(portalDist, 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'apps/portal/vite.config.ts'), '--logLevel', 'warn'],
      { stdio: 'inherit', cwd: ROOT },
    );
  }

  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyFile = join(STATE_DIR, 'jwt-public.pem');
  const privateKeyFile = join(STATE_DIR, 'jwt-private.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

  rmSync(MAIL_DIR, { recursive: true, force: true });
  writeFileSync(CLOCK_FILE, '0\n');
  const mailbox = await startMailbox(base + 5, MAIL_DIR);
  const testing = distTesting();
  const prefix = testing.uniqueTopicPrefix();
  const baseURL = `http://127.0.0.1:${base}`;
  const processes: ReturnType<DistTesting['spawnService']>[] = [];
  for (const [i, service] of SERVICES.entries()) {
    await testing.freshSchema(service);
    const env = testing.serviceEnv(service, base + 10 + i, {
      KAFKA_TOPIC_PREFIX: prefix,
      JWT_PUBLIC_KEY_FILE: publicKeyFile,
      JWT_PRIVATE_KEY_FILE: privateKeyFile,
      PORTAL_URL: baseURL,
      // Tests move the services' time with this file instead of waiting (libs/messaging's FileOffsetClock).
      CLOCK_FILE,
      ALLOWED_ORIGINS: baseURL,
      // Mail goes through a real SMTP server that the run starts (support/mailbox.ts), checked every 200 ms.
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(base + 5),
      SMTP_FROM: 'Seleksi <noreply@seleksi.test>',
      MAIL_POLL_MS: '200',
      // Quick consumers: a staff action shows in the applicant's pages within the test's patience.
      CONSUMER_SESSION_TIMEOUT_MS: '6000',
    });
    processes.push(testing.spawnService(service, env));
  }
  const stopServices = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await mailbox.close();
  };
  try {
    await Promise.all(processes.map((p) => testing.waitUntilReady(p, 120_000)));
  } catch (error) {
    await stopServices();
    throw error;
  }
  const services = Object.fromEntries(processes.map((p) => [p.service, p.url])) as Record<Service, string>;
  const real = realEdge();
  const upstreams = Object.fromEntries(Object.entries(services).map(([service, url]) => [service, new URL(url)]));
  const edge = real
    ? await real.edge.startEdge({ port: base, host: '127.0.0.1', table: real.table, upstreams, portalDist })
    : await startFallbackEdge({ port: base, routes: services, portalDist });
  const state: StackState = {
    baseURL,
    services,
    privateKeyFile,
    publicKeyFile,
    database: process.env.SELEKSI_TEST_DB ?? 'seleksi_test',
    edge: real ? 'deploy/edge' : 'fallback',
  };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  process.stdout.write(`portal e2e: ${baseURL} (${state.edge} edge) in front of ${Object.values(services).join(', ')}\n`);

  return async () => {
    await edge.close();
    await stopServices();
  };
}
