import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testInfra } from '@seleksi/testing';

/**
 * Regenerates the portal's clients from the running services (the compiled tool boots them from
 * dist/, as `npm run clients` does; openapi-typescript is ESM inside, which Jest cannot load) and
 * fails when a committed file differs.
 */
// Not imported from ./portal-clients: that module loads openapi-typescript.
const CLIENT_SERVICES = ['registration', 'screening', 'skb', 'interview', 'placement'];
const readClient = (service: string, dir = join(testInfra().repoRoot, 'apps/portal/src/api/generated')) => readFileSync(join(dir, `${service}.ts`), 'utf8');

describe("the portal's generated API clients", () => {
  const out = mkdtempSync(join(tmpdir(), 'portal-clients-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("match what each running service's OpenAPI document generates today (run npm run clients after changing an API)", () => {
    const root = testInfra().repoRoot;
    execFileSync(
      process.execPath,
      ['-r', join(root, 'deploy/node-paths.js'), join(process.env.SELEKSI_DIST ?? join(root, 'dist'), 'tools/portal-clients.js'), '--out', out],
      {
        env: { ...process.env, PORTAL_CLIENTS_BASE_PORT: process.env.PORTAL_CLIENTS_TEST_BASE_PORT ?? '42110' },
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
    for (const service of CLIENT_SERVICES) expect({ service, text: readClient(service) }).toEqual({ service, text: readClient(service, out) });
  }, 200_000);
});
