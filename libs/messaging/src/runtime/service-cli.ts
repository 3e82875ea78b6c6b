import { ServiceName } from '@seleksi/contracts';
import { createServiceDataSource, MigrationClass, runMigrations } from '@seleksi/persistence';
import { loadConfigOrExit } from './bootstrap';
import { DatabaseConfig } from './service-config';

export interface ServiceCliEntry {
  service: ServiceName;
  migrations: MigrationClass[];
}

/** `cli migrate`: applies the service's pending migrations as the service's own role. */
export async function runServiceCli(entry: ServiceCliEntry, argv: string[]): Promise<void> {
  const [command] = argv;
  if (command !== 'migrate') {
    process.stderr.write(`usage: cli migrate\n`);
    process.exit(64);
  }
  const config = loadConfigOrExit(entry.service, DatabaseConfig);
  const dataSource = createServiceDataSource({
    settings: {
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      schema: entry.service,
      poolSize: 1,
    },
    migrations: entry.migrations,
    applicationName: `seleksi-${entry.service}-cli`,
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    process.stdout.write(`${entry.service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`);
  } finally {
    await dataSource.destroy();
  }
}
