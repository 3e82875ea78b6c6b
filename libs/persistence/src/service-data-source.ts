import { DataSource, EntitySchema, MigrationInterface, MixedList } from 'typeorm';
import { DatabaseSettings } from './database-settings';

/** A migration as TypeORM instantiates it: a class with a no-argument constructor. */
export type MigrationClass = new () => MigrationInterface;

export interface ServiceDataSourceOptions {
  settings: DatabaseSettings;
  /** Explicit list, never a glob: a migration is part of the code that ships. */
  migrations: MigrationClass[];
  entities?: MixedList<(new () => unknown) | string | EntitySchema>;
  applicationName: string;
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { settings } = options;
  return new DataSource({
    type: 'postgres',
    host: settings.host,
    port: settings.port,
    database: settings.database,
    username: settings.user,
    password: settings.password,
    schema: settings.schema,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName,
    extra: { max: settings.poolSize, connectionTimeoutMillis: 5_000 },
  });
}

/** Runs pending migrations and returns the names applied now. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
