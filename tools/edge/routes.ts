import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of deploy/edge/routes.json: requests under `prefix` go to `service` with the prefix stripped. */
export interface ApiRoute {
  prefix: string;
  service: string;
}

export interface RoutingTable {
  portal: string;
  api: ApiRoute[];
}

/** deploy/edge/routes.json, the one routing table (npm start, tests, docker-compose, manifests). */
export const ROUTES_FILE = join(__dirname, '..', '..', '..', 'deploy', 'edge', 'routes.json');

export function loadRoutingTable(file: string = routesFile()): RoutingTable {
  const table = JSON.parse(readFileSync(file, 'utf8')) as RoutingTable;
  if (table.portal !== '/' || !Array.isArray(table.api) || table.api.length === 0) throw new Error(`${file}: expected { portal: "/", api: [...] }`);
  for (const route of table.api) {
    if (!/^\/api\/[a-z]+$/.test(route.prefix) || !/^[a-z]+$/.test(route.service)) throw new Error(`${file}: bad route ${JSON.stringify(route)}`);
  }
  return table;
}

/** The file from the repository root whether this runs from source (tools/edge) or from dist/tools/edge. */
function routesFile(): string {
  const fromSource = join(__dirname, '..', '..', 'deploy', 'edge', 'routes.json');
  try {
    readFileSync(fromSource);
    return fromSource;
  } catch {
    return ROUTES_FILE;
  }
}

/**
 * Upstream addresses per service, from `registration=http://127.0.0.1:3001,screening=…`: the one
 * thing that differs between environments. Every service of the table needs one.
 */
export function parseUpstreams(value: string | undefined, table: RoutingTable): Record<string, URL> {
  if (!value) throw new Error('EDGE_UPSTREAMS is required: service=url pairs separated by commas, e.g. registration=http://127.0.0.1:3001');
  const upstreams: Record<string, URL> = {};
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const service = pair.slice(0, at);
    let url: URL;
    try {
      url = new URL(pair.slice(at + 1));
    } catch {
      throw new Error(`EDGE_UPSTREAMS: '${service}' needs an http URL`);
    }
    if (at <= 0 || url.protocol !== 'http:') throw new Error(`EDGE_UPSTREAMS: '${pair.slice(0, Math.max(at, 0)) || pair}' needs service=http://host:port`);
    upstreams[service] = url;
  }
  const missing = table.api.map((r) => r.service).filter((s) => !upstreams[s]);
  if (missing.length > 0) throw new Error(`EDGE_UPSTREAMS: no address for ${missing.join(', ')}`);
  return upstreams;
}
