import { resolve } from 'node:path';
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
    repoRoot: process.env.SELEKSI_REPO_ROOT ?? resolve(__dirname, '../../..'),
  };
}
