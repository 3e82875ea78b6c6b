import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** portal.md: the applicant pages load fast on a phone; their JavaScript stays within 200 KB gzip. */
const BUDGET_BYTES = 200 * 1024;
const root = join(__dirname, '../..');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The entry's JavaScript and everything it imports statically: what a phone loads before the first page shows. */
export function initialJs(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files].filter((f) => f.endsWith('.js'));
}

describe("the applicant portal's bundle", () => {
  const out = mkdtempSync(join(tmpdir(), 'portal-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds, and the JavaScript the applicant pages load is within 200 KB gzip (staff pages go in lazy routes)', () => {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'apps/portal/vite.config.ts'), '--outDir', out, '--logLevel', 'error'],
      {
        cwd: root,
        stdio: 'pipe',
        // Jest sets NODE_ENV=test, which would build React's development code; measure what ships.
        env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      },
    );
    const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = initialJs(manifest);
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(out, file))).length, 0);
    expect({ gzipped, within: gzipped <= BUDGET_BYTES }).toEqual({ gzipped, within: true });
  }, 120_000);

  it('counts only what the entry loads at once, not lazy chunks', () => {
    const manifest: Record<string, ManifestChunk> = {
      'index.html': { file: 'a.js', isEntry: true, imports: ['_shared'], dynamicImports: ['staff.tsx'] },
      _shared: { file: 'shared.js' },
      'staff.tsx': { file: 'staff.js', imports: ['_shared'] },
    };
    expect(initialJs(manifest).sort()).toEqual(['a.js', 'shared.js']);
  });
});
