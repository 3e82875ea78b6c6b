import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

/**
 * A stand-in for the one-origin edge (deploy/edge on main), used only while main has none: the
 * portal's dist at `/` (unknown paths get index.html), `/api/<service>/…` proxied with the prefix
 * stripped, and the edge's security headers (strict CSP without inline script), so the tests fail
 * when a page needs inline code. stack.ts prefers the real edge whenever it is there.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function serveFile(dist: string, url: string, res: ServerResponse): void {
  const path = normalize(join(dist, decodeURIComponent(url.split('?')[0])));
  const file = path.startsWith(dist) && existsSync(path) && statSync(path).isFile() ? path : join(dist, 'index.html');
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

function proxy(target: string, path: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(path, target);
  const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host, 'x-forwarded-proto': 'http' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...SECURITY_HEADERS });
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'BAD_GATEWAY', message: 'upstream unreachable' }));
  });
  req.pipe(upstream);
}

export function startFallbackEdge(options: {
  port: number;
  routes: Record<string, string>;
  portalDist: string;
}): Promise<{ server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const match = /^\/api\/([a-z]+)(\/.*|$)/.exec(url);
    if (match) {
      const target = options.routes[match[1]];
      if (!target) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'NO_SUCH_SERVICE' }));
        return;
      }
      proxy(target, match[2] || '/', req, res);
      return;
    }
    serveFile(options.portalDist, url, res);
  });
  const close = () => new Promise<void>((done) => server.close(() => done()));
  return new Promise((resolve) => server.listen(options.port, '127.0.0.1', () => resolve({ server, close })));
}
