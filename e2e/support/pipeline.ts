import { ServiceName } from '@seleksi/contracts';
import { freshSchema, ServiceProcess, serviceEnv, spawnService, uniqueTopicPrefix, waitUntilReady } from '@seleksi/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PIPELINE_SERVICES: readonly ServiceName[] = ['registration', 'screening', 'skb', 'interview', 'placement'];

export interface PipelineOptions {
  /** Service instances get consecutive ports from here, in PIPELINE_SERVICES order, instance by instance. */
  basePort: number;
  /** Topic prefix of this run; a fresh one by default, so runs never read each other's events. */
  prefix?: string;
  /** How many processes of each service share its consumer group (scale-out); 1 each by default. */
  instances?: Partial<Record<ServiceName, number>>;
  /** Extra settings for every process (another broker, a smaller batch), or per service. */
  env?: Record<string, string>;
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Wipe each service's schema before starting (the default): a scenario starts from nothing. */
  freshSchemas?: boolean;
  readyTimeoutMs?: number;
}

export interface Pipeline {
  readonly prefix: string;
  /** The file every process reads its clock offset from (CLOCK_FILE). */
  readonly clockFile: string;
  /** The clock offset now in force, in milliseconds from the real clock. */
  readonly clockOffsetMs: number;
  /** Base URL of one instance (the first by default). */
  url(service: ServiceName, instance?: number): string;
  processes(service: ServiceName): ServiceProcess[];
  /** Moves every service's clock forward and waits until each has had time to re-read it. */
  advanceClock(ms: number): Promise<void>;
  /** What "now" is for the services, to within the file's re-read interval. */
  now(): Date;
  /** Kills one instance (SIGKILL by default: no shutdown hooks run) and waits for it to be gone. */
  kill(service: ServiceName, instance?: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a killed or stopped instance again with the same settings and waits until it is ready. */
  restart(service: ServiceName, instance?: number): Promise<void>;
  /** Stops every process (SIGTERM) and removes the clock file. */
  stop(): Promise<void>;
}

/**
 * The five services as compiled processes, as `npm start` runs them, wired to one topic prefix and
 * one clock file so that a test can move the whole pipeline past a deadline at once.
 */
export async function startPipeline(options: PipelineOptions): Promise<Pipeline> {
  const prefix = options.prefix ?? uniqueTopicPrefix();
  const dir = mkdtempSync(join(tmpdir(), 'seleksi-pipeline-'));
  const clockFile = join(dir, 'clock');
  let offsetMs = 0;
  writeFileSync(clockFile, '0\n');

  const envs = new Map<string, Record<string, string>>();
  const running = new Map<ServiceName, ServiceProcess[]>();
  let port = options.basePort;
  for (const service of PIPELINE_SERVICES) {
    if (options.freshSchemas ?? true) await freshSchema(service);
    const count = options.instances?.[service] ?? 1;
    const list: ServiceProcess[] = [];
    for (let i = 0; i < count; i += 1) {
      const env = serviceEnv(service, port, {
        KAFKA_TOPIC_PREFIX: prefix,
        CLOCK_FILE: clockFile,
        ...(options.env ?? {}),
        ...(options.serviceEnv?.[service] ?? {}),
      });
      port += 1;
      envs.set(`${service}#${i}`, env);
      list.push(spawnService(service, env));
    }
    running.set(service, list);
  }
  const all = () => [...running.values()].flat();
  const stopAll = async () => {
    await Promise.all(all().map((p) => p.stop()));
    // SELEKSI_E2E_LOGS=<dir> keeps every process's output for a look after the run.
    const keep = process.env.SELEKSI_E2E_LOGS;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      for (const [service, list] of running) list.forEach((p, i) => writeFileSync(join(keep, `${prefix}${service}-${i}.log`), p.logs()));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Instances of one service migrate under an advisory lock (runMigrations): one migrates, the others wait.
    await Promise.all(all().map((p) => waitUntilReady(p, options.readyTimeoutMs ?? 120_000)));
  } catch (error) {
    await stopAll();
    throw error;
  }

  const instanceOf = (service: ServiceName, instance: number): ServiceProcess => {
    const process = running.get(service)?.[instance];
    if (!process) throw new Error(`no instance ${instance} of ${service} in this pipeline`);
    return process;
  };

  return {
    prefix,
    clockFile,
    get clockOffsetMs() {
      return offsetMs;
    },
    url: (service, instance = 0) => instanceOf(service, instance).url,
    processes: (service) => [...(running.get(service) ?? [])],
    async advanceClock(ms) {
      if (!Number.isInteger(ms) || ms < 0) throw new Error(`the clock only moves forward, by whole milliseconds (got ${ms})`);
      offsetMs += ms;
      writeFileSync(clockFile, `${offsetMs}\n`);
      // Each process checks the file at most every 50 ms; a few intervals make every one of them see it.
      await new Promise((resolve) => setTimeout(resolve, 250));
    },
    now: () => new Date(Date.now() + offsetMs),
    async kill(service, instance = 0, signal = 'SIGKILL') {
      await instanceOf(service, instance).stop(signal);
    },
    async restart(service, instance = 0) {
      const old = instanceOf(service, instance);
      await old.stop();
      const env = envs.get(`${service}#${instance}`)!;
      const fresh = spawnService(service, env);
      running.get(service)![instance] = fresh;
      await waitUntilReady(fresh, options.readyTimeoutMs ?? 120_000);
    },
    stop: stopAll,
  };
}
