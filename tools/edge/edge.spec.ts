import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Edge, SECURITY_HEADERS, startEdge } from './edge';
import { loadRoutingTable, parseUpstreams } from './routes';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in service that records what reached it and answers with its own name. */
async function upstream(name: string, seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.setHeader('set-cookie', 'seleksi_refresh=x; Path=/api/registration/auth; HttpOnly');
      res.writeHead(201, { 'content-type': 'application/json', connection: 'keep-alive' });
      res.end(JSON.stringify({ service: name }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    // Options, not a URL string: a URL string would resolve dot segments before sending.
    const { hostname, port, pathname, search } = new URL(url.replace(/%2e/g, '_DOT_'));
    const path = (pathname + search).replace(/_DOT_/g, '%2e');
    get({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe(startEdge.name, () => {
  const table = loadRoutingTable();
  const seen: Seen[] = [];
  const servers: Server[] = [];
  let dist: string;
  let edge: Edge;

  beforeAll(async () => {
    const upstreams: Record<string, URL> = {};
    for (const route of table.api) {
      const service = await upstream(route.service, seen);
      servers.push(service.server);
      upstreams[route.service] = new URL(service.url);
    }
    dist = mkdtempSync(join(tmpdir(), 'edge-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Seleksi</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("portal");'.repeat(50));
    edge = await startEdge({ port: 0, table, upstreams, portalDist: dist });
  });

  afterAll(async () => {
    await edge.close();
    for (const server of servers) await new Promise((done) => server.close(done));
    rmSync(dist, { recursive: true, force: true });
  });

  beforeEach(() => seen.splice(0));

  it.each(['registration', 'screening', 'skb', 'interview', 'placement'])('sends /api/%s/… to that service with the prefix stripped', async (service) => {
    const res = await fetch(`${edge.url}/api/${service}/periods/1?x=2`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ service });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/periods/1?x=2', body: '{"a":1}' });
    expect(seen[0].headers['x-forwarded-prefix']).toBe(`/api/${service}`);
  });

  it('replaces a client-sent X-Forwarded-For with the address it saw', async () => {
    await fetch(`${edge.url}/api/registration/auth/login`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(seen[0].headers['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
    expect(seen[0].headers['x-forwarded-for']).not.toContain('203.0.113.9');
  });

  it("keeps a service's cookies and sets the security headers on its answers", async () => {
    const res = await fetch(`${edge.url}/api/registration/auth/refresh`, { method: 'POST' });
    expect(res.headers.get('set-cookie')).toContain('Path=/api/registration/auth');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('serves the portal at / and its routes, with the security headers', async () => {
    for (const path of ['/', '/applications/123/timeline', '/reset-password?token=abc']) {
      const res = await fetch(`${edge.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets gzipped and cached for good', async () => {
    const { headers, body } = await rawGet(`${edge.url}/assets/app-1234.js`, { 'accept-encoding': 'gzip' });
    expect(headers['cache-control']).toContain('immutable');
    expect(headers['content-type']).toContain('text/javascript');
    expect(headers['content-encoding']).toBe('gzip');
    expect(body.length).toBeLessThan(200);
    expect(gunzipSync(body).toString()).toBe('console.log("portal");'.repeat(50));
  });

  it('answers 404 for a missing asset, an unknown API and a path outside the build', async () => {
    expect((await fetch(`${edge.url}/assets/missing.js`)).status).toBe(404);
    const unknown = await fetch(`${edge.url}/api/payroll/x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await rawGet(`${edge.url}/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd`, {})).status).toBe(404);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE with Retry-After when a service is down', async () => {
    const down = await startEdge({
      port: 0,
      table,
      upstreams: parseUpstreams(table.api.map((r) => `${r.service}=http://127.0.0.1:9`).join(','), table),
    });
    try {
      const res = await fetch(`${down.url}/api/skb/health/ready`);
      expect(res.status).toBe(502);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      const portal = await fetch(`${down.url}/`);
      expect(portal.status).toBe(503);
      expect(await portal.json()).toMatchObject({ code: 'PORTAL_NOT_BUILT' });
    } finally {
      await down.close();
    }
  });
});

describe(parseUpstreams.name, () => {
  const table = loadRoutingTable();
  const all = 'registration=http://a:1,screening=http://b:2,skb=http://c:3,interview=http://d:4,placement=http://e:5';

  it('reads one address per service', () => {
    expect(parseUpstreams(all, table).skb.toString()).toBe('http://c:3/');
  });

  it.each([
    [undefined, 'EDGE_UPSTREAMS is required'],
    ['registration=http://a:1', 'no address for screening, skb, interview, placement'],
    [all.replace('http://c:3', 'ftp://c'), "'skb' needs service=http://host:port"],
    [all.replace('http://c:3', 'nonsense'), "'skb' needs an http URL"],
  ])('refuses %s', (value, message) => {
    expect(() => parseUpstreams(value, table)).toThrow(message);
  });
});

describe(loadRoutingTable.name, () => {
  it('routes every service under /api/<service>', () => {
    const table = loadRoutingTable();
    expect(table.portal).toBe('/');
    expect(table.api.map((r) => [r.prefix, r.service])).toEqual(['registration', 'screening', 'skb', 'interview', 'placement'].map((s) => [`/api/${s}`, s]));
  });
});
