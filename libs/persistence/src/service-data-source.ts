import { DataSource, EntitySchema, MigrationInterface, MixedList } from 'typeorm';
import { DatabaseSettings } from './database-settings';
import { ParameterFreeLogger } from './parameter-free-logger';

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
    // Failed statements are logged without their parameters (personal data), slow ones likewise.
    logging: ['error', 'warn', 'migration'],
    logger: new ParameterFreeLogger(),
    maxQueryExecutionTime: 5_000,
    applicationName: options.applicationName,
    extra: { max: settings.poolSize, connectionTimeoutMillis: 5_000 },
  });
}

/**
 * Runs pending migrations and returns the names applied now. Instances of one service may start
 * together on a fresh schema (scale-out): an advisory lock per schema lets one migrate while the
 * others wait, then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`seleksi-migrations:${schema}`]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`seleksi-migrations:${schema}`]);
    }
  } finally {
    await lock.release();
  }
}
