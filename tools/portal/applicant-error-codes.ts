/**
 * Test support (Node only, never bundled): the error codes that the routes an applicant calls can
 * return, read from the services' sources. It starts at every controller with an applicant or a
 * public route, follows the relative imports of what they call, and collects the codes thrown there
 * (`new DomainError('CODE', …)`, helpers such as `notFound('CODE', …)`, `{ code: 'CODE' }` bodies),
 * plus the shared ones from libs/auth and libs/messaging (authentication, validation, busy).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SERVICES_WITH_APPLICANT_ROUTES = ['registration', 'screening', 'skb', 'placement'];
const SHARED = ['libs/auth/src', 'libs/messaging/src/runtime'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
}

const CODE_PATTERNS = [
  /new DomainError\(\s*'([A-Z][A-Z0-9_]{2,})'/g,
  /\b(?:notFound|conflict|forbidden|unprocessable|badRequest|refuse\w*)\(\s*'([A-Z][A-Z0-9_]{2,})'/g,
  /Exception\(\s*\{\s*code:\s*'([A-Z][A-Z0-9_]{2,})'/g,
  /\bcode:\s*'([A-Z][A-Z0-9_]{2,})',\s*message:/g,
];

function codesIn(text: string): string[] {
  return CODE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
}

export function applicantErrorCodes(repoRoot: string): string[] {
  return errorCodesFrom(repoRoot, SERVICES_WITH_APPLICANT_ROUTES, /Roles\([^)]*'applicant'|@Public\(\)/);
}

/** The codes that the panelist's routes (interview's scoring and conflicts) can return: what the panelist pages may have to say. */
export function panelistErrorCodes(repoRoot: string): string[] {
  return errorCodesFrom(repoRoot, ['interview'], /Roles\([^)]*'panelist'/);
}

function errorCodesFrom(repoRoot: string, services: string[], controllerRoles: RegExp): string[] {
  const start = services.flatMap((service) =>
    walk(join(repoRoot, 'apps', service, 'src')).filter((f) => f.endsWith('.controller.ts') && controllerRoles.test(readFileSync(f, 'utf8'))),
  );
  return codesReachedFrom(repoRoot, start);
}

/** The same for a staff workspace: the codes of the service's controllers that admit the role (a role's pages call only those). */
export function staffErrorCodes(repoRoot: string, service: string, role: string): string[] {
  const start = walk(join(repoRoot, 'apps', service, 'src')).filter(
    (f) => f.endsWith('.controller.ts') && new RegExp(`Roles\\([^)]*'${role}'`).test(readFileSync(f, 'utf8')),
  );
  return codesReachedFrom(repoRoot, start);
}

function codesReachedFrom(repoRoot: string, start: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  const codes = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const code of codesIn(text)) codes.add(code);
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const next = resolveImport(file, m[1]);
      if (next) queue.push(next);
    }
  }
  for (const dir of SHARED) for (const file of walk(join(repoRoot, dir))) for (const code of codesIn(readFileSync(file, 'utf8'))) codes.add(code);
  return [...codes].sort();
}

/**
 * The error codes the routes of one staff role in one service can return: the same scan, starting at
 * the service's controllers that name the role in a `@Roles(...)`, plus the shared codes.
 */
export function roleErrorCodes(repoRoot: string, service: string, role: string): string[] {
  const roleMention = new RegExp(`Roles\\([^)]*'${role}'`);
  const queue = walk(join(repoRoot, 'apps', service, 'src')).filter((f) => f.endsWith('.controller.ts') && roleMention.test(readFileSync(f, 'utf8')));
  const seen = new Set<string>();
  const codes = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const code of codesIn(text)) codes.add(code);
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const next = resolveImport(file, m[1]);
      if (next) queue.push(next);
    }
  }
  for (const dir of SHARED) for (const file of walk(join(repoRoot, dir))) for (const code of codesIn(readFileSync(file, 'utf8'))) codes.add(code);
  return [...codes].sort();
}
