import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The lock must be complete: `npm ci` (the scripts, a Docker build, any CI) accepts it, and
 * `npm install` leaves it as it is. npm 11 once dropped other platforms' optional bindings from it
 * (@unrs/resolver-binding-*), which broke both. Checked on copies, without touching node_modules.
 */
describe('package-lock.json', () => {
  const root = join(__dirname, '..');
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockfile-'));
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(dir, file));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const npm = (...args: string[]) =>
    execFileSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });

  it('is accepted by npm ci', () => {
    expect(() => npm('ci', '--dry-run')).not.toThrow();
  });

  it('is left unchanged by npm install', () => {
    npm('install', '--package-lock-only');
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  });

  it('pins every direct dependency to an exact version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const ranged = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(ranged).toEqual([]);
  });
});
