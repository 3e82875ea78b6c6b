import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ProvisionTarget } from '@seleksi/persistence';

/** Where the real test infrastructure is; deploy/test.sh starts it and exports these. */
export interface TestInfra {
  pg: ProvisionTarget;
  brokers: string[];
  repoRoot: string;
}

export function testInfra(): TestInfra {
  return {
    pg: {
      host: process.env.PGHOST ?? '127.0.0.1',
      port: Number(process.env.PGPORT ?? 5432),
      adminUser: process.env.PGADMIN_USER ?? 'postgres',
      database: process.env.SELEKSI_TEST_DB ?? 'seleksi_test',
    },
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    repoRoot: process.env.SELEKSI_REPO_ROOT ?? workspaceRootAbove(__dirname),
  };
}

/** The nearest directory above `from` holding nx.json: the repository, whether this runs from libs/ (Jest) or dist/libs/ (tools). */
function workspaceRootAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}: set SELEKSI_REPO_ROOT`);
  }
}
