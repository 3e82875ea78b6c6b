import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : walk(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The fixed catalogue keys the portal's pages ask for: `t('a.b')`, `labelId="a.b"`, `titleId="a.b"`, … */
export function keysUsedByPages(portalSrc: string): string[] {
  const keys = new Set<string>();
  for (const file of walk(portalSrc)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt(?:\.or)?\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(m[1]);
    for (const m of text.matchAll(/\b(?:labelId|titleId|introId|doneId|id)="([a-z][a-zA-Z]*\.[a-zA-Z0-9_.]+)"/g)) keys.add(m[1]);
    for (const m of text.matchAll(/\bid: '([a-z][a-zA-Z]*\.[a-zA-Z0-9_.]+)'/g)) keys.add(m[1]);
  }
  return [...keys].sort();
}
