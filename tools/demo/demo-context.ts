import { join, resolve } from 'node:path';
import { ServiceApi } from './http';

export const PERIOD_CODE = 'PEMKOT-2026-IT';

/** Where the demo's services and files are; `npm start` uses the defaults, the test its own. */
export interface DemoTargets {
  registration: string;
  screening: string;
  skb: string;
  interview: string;
  placement: string;
  /** The database the registration CLI (staff accounts) connects to. */
  database: string;
  /** `.data/demo`: the clock file the services follow and the demo staff credentials. */
  dataDir: string;
  /** The clock offset file every service reads (CLOCK_FILE). */
  clockFile: string;
  /** Prints a line for the person running the demo. */
  say(line: string): void;
}

export interface DemoApis {
  registration: ServiceApi;
  screening: ServiceApi;
  skb: ServiceApi;
  interview: ServiceApi;
  placement: ServiceApi;
}

export function demoApis(t: DemoTargets): DemoApis {
  return {
    registration: new ServiceApi('registration', t.registration),
    screening: new ServiceApi('screening', t.screening),
    skb: new ServiceApi('skb', t.skb),
    interview: new ServiceApi('interview', t.interview),
    placement: new ServiceApi('placement', t.placement),
  };
}

export function repoRoot(): string {
  return process.env.SELEKSI_REPO_ROOT ?? resolve(__dirname, '..', '..', '..');
}

/** The targets of `npm start`: ports 3001–3005 on this machine and `.data/demo` in the repository. */
export function defaultTargets(database: string, say: (line: string) => void): DemoTargets {
  const dataDir = join(repoRoot(), '.data', 'demo');
  return {
    registration: 'http://127.0.0.1:3001',
    screening: 'http://127.0.0.1:3002',
    skb: 'http://127.0.0.1:3003',
    interview: 'http://127.0.0.1:3004',
    placement: 'http://127.0.0.1:3005',
    database,
    dataDir,
    clockFile: join(dataDir, 'clock'),
    say,
  };
}
