import { createServiceDataSource, dropServiceSchema, ensureDatabase, MigrationClass, provisionServiceSchema, serviceRoleName } from '@seleksi/persistence';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testInfra } from './infra';

/** A fresh schema and role, as deploy/postgres makes them for a service. */
export async function freshSchema(schema: string): Promise<void> {
  const { pg } = testInfra();
  await ensureDatabase(pg);
  await dropServiceSchema(pg, schema);
  await provisionServiceSchema(pg, schema);
}

/**
 * Connects as the schema's own role (never a superuser) and applies the given migrations; `port`
 * reaches PostgreSQL through a test's TCP proxy instead.
 */
export async function connectAsService(schema: string, migrations: MigrationClass[], poolSize = 5, port?: number): Promise<DataSource> {
  const { pg } = testInfra();
  const dataSource = createServiceDataSource({
    settings: { host: pg.host, port: port ?? pg.port, database: pg.database, user: serviceRoleName(schema), schema, poolSize },
    migrations,
    applicationName: `test-${schema}`,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** A plain client logged in as a given role, for checking what that role may and may not do. */
export async function clientAs(role: string): Promise<Client> {
  const { pg } = testInfra();
  const client = new Client({ host: pg.host, port: pg.port, database: pg.database, user: role });
  await client.connect();
  return client;
}

export { serviceRoleName };
