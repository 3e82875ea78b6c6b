import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { Agent, createServer, IncomingHttpHeaders, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RoutingTable } from './routes';

export interface EdgeOptions {
  port: number;
  host?: string;
  table: RoutingTable;
  upstreams: Record<string, URL>;
  /** The portal's build (apps/portal/dist); without one, `/` answers 503 PORTAL_NOT_BUILT. */
  portalDist?: string;
}

export interface Edge {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Set on every answer, the portal's and the services': no inline script or style anywhere, nothing
 * framed, no MIME sniffing, no referrer leaving the origin.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
    "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

// Connection-scoped headers are the proxy's own business on each side (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-authenticate',
]);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.webmanifest']);

/** The one origin: the portal's files at `/`, each service under its prefix, security headers on all. */
export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const routes = [...options.table.api].sort((a, b) => b.prefix.length - a.prefix.length);
  const files = options.portalDist ? new PortalFiles(options.portalDist) : undefined;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
    if (route) return proxy(req, res, options.upstreams[route.service], route.prefix, route.service, agent);
    if (path === '/edge/health') return json(res, 200, { status: 'ok' });
    if (path.startsWith('/api/')) return json(res, 404, { code: 'NOT_FOUND', message: `No service answers ${path}` });
    if (!files) return json(res, 503, { code: 'PORTAL_NOT_BUILT', message: 'The portal has not been built (npm start builds it)' });
    return files.serve(req, res, path);
  });
  // Uploads and long exports stream through; the services keep their own body limits and timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function proxy(req: IncomingMessage, res: ServerResponse, upstream: URL, prefix: string, service: string, agent: Agent): void {
  const target = (req.url ?? '/').slice(prefix.length) || '/';
  const headers = forwardable(req.headers);
  // The services trust these because only the edge can set them: whatever a client sent is replaced.
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-prefix'] = prefix;
  headers.host = upstream.host;

  const outgoing = request(
    {
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: target.startsWith('/') ? target : `/${target}`,
      headers,
      agent,
    },
    (answer) => {
      const back = forwardable(answer.headers);
      // A service's own security headers stay (e.g. a stricter CSP on a document); the edge's fill the rest.
      res.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(res);
    },
  );
  outgoing.on('error', () => {
    if (res.headersSent) return res.destroy();
    json(res, 502, { code: 'UPSTREAM_UNAVAILABLE', message: `The ${service} service is not answering; try again shortly` }, { 'retry-after': '5' });
  });
  req.on('aborted', () => outgoing.destroy());
  req.pipe(outgoing);
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    kept[name] = value;
  }
  return kept;
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

/** The portal's build: hashed assets cached for good, everything else revalidated, text gzipped once. */
class PortalFiles {
  private readonly root: string;
  private readonly gzipped = new Map<string, Buffer>();

  constructor(dist: string) {
    this.root = resolve(dist);
  }

  serve(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not served here` });
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return json(res, 400, { code: 'BAD_PATH', message: 'The path is not valid' });
    }
    const file = resolve(join(this.root, normalize(decoded)));
    if (file !== this.root && !file.startsWith(this.root + sep)) return json(res, 404, { code: 'NOT_FOUND', message: 'Not found' });
    if (existsSync(file) && statSync(file).isFile()) return this.send(req, res, file, decoded.startsWith('/assets/'));
    // A missing asset is a 404; any other path is a page of the single-page app.
    if (decoded.startsWith('/assets/') || extname(decoded) !== '') return json(res, 404, { code: 'NOT_FOUND', message: 'Not found' });
    const index = join(this.root, 'index.html');
    if (!existsSync(index)) return json(res, 503, { code: 'PORTAL_NOT_BUILT', message: 'The portal has not been built (npm start builds it)' });
    return this.send(req, res, index, false);
  }

  private send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean): void {
    const type = extname(file);
    res.setHeader('content-type', TYPES[type] ?? 'application/octet-stream');
    res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && COMPRESSIBLE.has(type)) {
      let body = this.gzipped.get(file);
      if (!body || !immutable) {
        body = gzipSync(readFileSync(file));
        if (immutable) this.gzipped.set(file, body);
      }
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('content-length', body.length);
      res.writeHead(200);
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.setHeader('content-length', statSync(file).size);
    res.writeHead(200);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }
}
