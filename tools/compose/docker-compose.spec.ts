import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SERVICE_NAMES } from '@seleksi/contracts';
import { serviceRoleName } from '@seleksi/persistence';
import { loadRoutingTable } from '../edge/routes';
import { workspaceRoot } from '../event-docs';

/* docker-compose.yml is not run by the tests (no Docker engine here), so it is parsed and its
 * promises are checked: what each service gets, who gets the signing and PII keys, the edge's routes.
 * Where Docker has an engine, `docker compose config` must accept the file too. */

interface ComposeService {
  environment?: Record<string, string | number>;
  volumes?: string[];
  command?: string[];
  depends_on?: unknown;
}

const file = join(workspaceRoot(), 'docker-compose.yml');
const compose = load(readFileSync(file, 'utf8')) as { services: Record<string, ComposeService> };
const PRIVATE_SETTINGS = ['JWT_PRIVATE_KEY_FILE', 'PII_ENCRYPTION_KEY'];

/** Container paths of the host files a service mounts. */
function mounted(service: ComposeService): string[] {
  return (service.volumes ?? []).map((volume) => volume.split(':')[1]);
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Kafka, the five services and the edge', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['edge', 'kafka', 'postgres', ...SERVICE_NAMES].sort());
  });

  it.each(SERVICE_NAMES)('gives %s its own role and only the keys it needs', (name) => {
    const service = compose.services[name];
    const env = service.environment ?? {};
    expect(env.SERVICE).toBe(name);
    expect(env.DB_USER).toBe(serviceRoleName(name));
    expect(env.JWT_PUBLIC_KEY_FILE).toBe('/keys/jwt-public.pem');
    const signs = name === 'registration';
    expect(mounted(service).sort()).toEqual(signs ? ['/keys/jwt-private.pem', '/keys/jwt-public.pem'] : ['/keys/jwt-public.pem']);
    for (const setting of PRIVATE_SETTINGS) expect(setting in env).toBe(signs);
    // A directory mount would carry every key in it, the private one included.
    for (const volume of service.volumes ?? []) expect(volume.split(':')[0]).toMatch(/\.pem$/);
  });

  it('routes the edge to every service named in deploy/edge/routes.json', () => {
    const edge = compose.services.edge.environment ?? {};
    const upstreams = String(edge.EDGE_UPSTREAMS)
      .split(',')
      .map((pair) => pair.split('='));
    expect(upstreams.map(([service]) => service)).toEqual(loadRoutingTable().api.map((route) => route.service));
    for (const [service, address] of upstreams) expect(address).toBe(`http://${service}:3000`);
    expect(compose.services.edge.volumes).toBeUndefined();
  });

  it('is accepted by docker compose config, where Docker has an engine', () => {
    if (spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0) return; // no engine here: the parse checks above stand
    const env = { ...process.env, KK_DIGEST_KEY: 'k'.repeat(16), PII_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') };
    expect(() => execFileSync('docker', ['compose', '-f', file, 'config', '--quiet'], { env, stdio: 'pipe' })).not.toThrow();
  });
});
