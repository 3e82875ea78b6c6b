import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Role, ROLES } from '@seleksi/auth';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { testKeys } from './tokens';

/**
 * The authorization matrix: per service, one row per route of its OpenAPI document saying who may
 * pass; every kind of caller is tried on every route and the statuses compared with the row. A
 * route in the document without a row fails the suite, so a new route cannot ship unpinned.
 */

/** The kinds of caller tried on every route. */
export const FORGED_CALLERS = ['anonymous', 'expired', 'tampered', 'alg-none', 'hs256-public-key', 'wrong-audience'] as const;
export type ForgedCaller = (typeof FORGED_CALLERS)[number];
export type Caller = ForgedCaller | Role;

/**
 * `admitted`: the guards let the caller through; what the handler answers then (200, or 400/404 for
 * the placeholder parameters and empty body) is the business tests' concern.
 */
export type Expected = 401 | 403 | 404 | 'admitted';

export interface MatrixRow {
  /** `public`: no token needed; `any`: any valid token; otherwise the roles the guard admits. */
  allow: 'public' | 'any' | readonly Role[];
  /** Per caller, a status that differs from the one derived from `allow` (a check in the handler). */
  expect?: Partial<Record<Caller, Expected>>;
  /**
   * The route reads one applicant's data by the path's id: an applicant who does not own it (the
   * placeholder ids belong to nobody) gets this status, never the data.
   */
  otherApplicant?: 404;
  /** Every caller gets this from the handler (a credential in the body, not the token, decides). */
  everyone?: Expected;
  /** The body to send instead of `{}` (a route that takes another path when its body is empty). */
  body?: Record<string, unknown>;
}

export type MatrixTable = Record<string, MatrixRow>;

/** The routes every service's runtime adds (libs/messaging): probes for the orchestrator. */
export const RUNTIME_ROUTES: MatrixTable = {
  'GET /health/live': { allow: 'public' },
  'GET /health/ready': { allow: 'public' },
};

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Every operation of an OpenAPI document as `METHOD /path/{param}`. */
export function openApiRoutes(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  const routes: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) if (item[method]) routes.push(`${method.toUpperCase()} ${path}`);
  }
  return routes.sort();
}

/**
 * A value for each path parameter that passes the route's own format checks where it can (a UUID
 * for ids) and belongs to no one, so an admitted caller reaches the handler and finds nothing.
 */
export function placeholderPath(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] !== undefined) return encodeURIComponent(values[name]);
    if (/id$/i.test(name)) return randomUUID();
    if (name === 'participantNumber') return '999999999999';
    return 'placeholder';
  });
}

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function claims(roles: Role[], overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { sub: randomUUID(), roles, jti: randomUUID(), iss: 'seleksi-registration', aud: 'seleksi', iat: now, exp: now + 300, ...overrides };
}

/** A token for each caller; the forged ones all claim every role, so only the signature can refuse them. */
export function callerToken(caller: Caller): string | undefined {
  const keys = testKeys();
  const everything = [...ROLES];
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'expired':
      return sign(
        claims(everything, { iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) - 60 }),
        readFileSync(keys.privateKeyFile),
        {
          algorithm: 'RS256',
        },
      );
    case 'tampered': {
      // A real applicant token whose payload is rewritten to claim every role; the signature no longer matches.
      const [header, , signature] = keys.mint(randomUUID(), ['applicant']).split('.');
      return `${header}.${b64url(claims(everything))}.${signature}`;
    }
    case 'alg-none':
      return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims(everything))}.`;
    case 'hs256-public-key': {
      // The key confusion attack: the public key, which every service holds, used as an HMAC secret.
      const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims(everything))}`;
      return `${unsigned}.${createHmac('sha256', keys.publicKeyPem).update(unsigned).digest('base64url')}`;
    }
    case 'wrong-audience':
      return sign(claims(everything, { aud: 'another-system' }), readFileSync(keys.privateKeyFile), { algorithm: 'RS256' });
    default:
      return keys.mint(randomUUID(), [caller]);
  }
}

/** What the row says each caller gets. */
export function expectedStatus(row: MatrixRow, caller: Caller): Expected {
  if (row.everyone !== undefined) return row.everyone;
  const override = row.expect?.[caller];
  if (override !== undefined) return override;
  if (row.allow === 'public') return 'admitted';
  if ((FORGED_CALLERS as readonly string[]).includes(caller)) return 401;
  if (row.allow === 'any') return 'admitted';
  return row.allow.includes(caller as Role) ? 'admitted' : 403;
}

function matches(expected: Expected, status: number): boolean {
  if (expected === 'admitted') return status !== 401 && status !== 403 && status < 500;
  return status === expected;
}

export interface MatrixOutcome {
  route: string;
  caller: Caller | 'other-applicant';
  expected: Expected;
  status: number;
}

/** Tries every caller on one route; returns the mismatches (an empty list when the row holds). */
export async function checkRoute(baseUrl: string, route: string, row: MatrixRow, pathValues: Record<string, string> = {}): Promise<MatrixOutcome[]> {
  const [method, path] = route.split(' ');
  const callers: Caller[] = [...FORGED_CALLERS, ...ROLES];
  const wrong: MatrixOutcome[] = [];
  const send = async (token: string | undefined) => {
    const target = placeholderPath(path, pathValues);
    let req = request(baseUrl)[method.toLowerCase() as 'get'](target);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    // Guards run before body validation, so an empty JSON body is enough to see who gets through.
    if (method !== 'GET' && method !== 'DELETE') req = req.send(row.body ?? {});
    return (await req).status;
  };
  for (const caller of callers) {
    const expected = expectedStatus(row, caller);
    const status = await send(callerToken(caller));
    if (!matches(expected, status)) wrong.push({ route, caller, expected, status });
  }
  if (row.otherApplicant !== undefined) {
    const status = await send(callerToken('applicant'));
    if (status !== row.otherApplicant) wrong.push({ route, caller: 'other-applicant', expected: row.otherApplicant, status });
  }
  return wrong;
}

/** The routes of the service's OpenAPI document, as the matrix reads them. */
export async function fetchOpenApiRoutes(baseUrl: string): Promise<string[]> {
  const res = await request(baseUrl).get('/docs/openapi.json');
  if (res.status !== 200) throw new Error(`GET /docs/openapi.json answered ${res.status}`);
  return openApiRoutes(res.body as { paths: Record<string, Record<string, unknown>> });
}

export interface MatrixSuiteOptions {
  /** Starts the service in-process; the matrix only needs its base URL. */
  start(): Promise<{ url: string; close(): Promise<void> }>;
  table: MatrixTable;
  /** Path values that must be real for a route to answer at all (rarely needed). */
  pathValues?: Record<string, string>;
}

/**
 * The jest suite every service runs: the table covers exactly the OpenAPI document's routes, and
 * each row holds for every caller.
 */
export function describeAuthorizationMatrix(service: string, options: MatrixSuiteOptions): void {
  describe(`${service} authorization matrix`, () => {
    let svc: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      svc = await options.start();
    }, 120_000);
    afterAll(async () => svc?.close());

    it('has one row for every route of the OpenAPI document, and no row without a route', async () => {
      const routes = await fetchOpenApiRoutes(svc.url);
      expect({ withoutRow: routes.filter((r) => !(r in options.table)), withoutRoute: Object.keys(options.table).filter((r) => !routes.includes(r)) }).toEqual({
        withoutRow: [],
        withoutRoute: [],
      });
    });

    it.each(Object.keys(options.table))('%s admits exactly the callers its row names', async (route) => {
      expect(await checkRoute(svc.url, route, options.table[route], options.pathValues)).toEqual([]);
    });
  });
}
