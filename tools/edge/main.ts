import { join } from 'node:path';
import { startEdge } from './edge';
import { loadRoutingTable, parseUpstreams } from './routes';

/**
 * The edge as a process (npm start, docker-compose): EDGE_PORT, EDGE_HOST, EDGE_UPSTREAMS
 * (`registration=http://127.0.0.1:3001,…`) and PORTAL_DIST (default apps/portal/dist).
 */
async function main(): Promise<void> {
  const port = Number(process.env.EDGE_PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`EDGE_PORT must be a port number (got '${process.env.EDGE_PORT}')`);
  let upstreams: Record<string, URL>;
  const table = loadRoutingTable();
  try {
    upstreams = parseUpstreams(process.env.EDGE_UPSTREAMS, table);
  } catch (error) {
    return fail((error as Error).message);
  }
  const portalDist = process.env.PORTAL_DIST ?? join(__dirname, '..', '..', '..', 'apps', 'portal', 'dist');
  const edge = await startEdge({ port, host: process.env.EDGE_HOST ?? '127.0.0.1', table, upstreams, portalDist });
  console.log(JSON.stringify({ level: 'info', msg: 'edge listening', url: edge.url, routes: table.api.map((r) => r.prefix) }));
  const stop = () => void edge.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function fail(message: string): never {
  console.error(`edge: ${message}`);
  process.exit(78);
}

void main();
