import { SERVICE_NAMES } from '@seleksi/contracts';
import { ensureDatabase, provisionServiceSchema } from '@seleksi/persistence';

/**
 * Creates the database, and one schema plus one login role per service, idempotently.
 * Usage: db-setup <database>. Connects as the local superuser (PGADMIN_USER, default postgres).
 */
async function main(): Promise<void> {
  const database = process.argv[2];
  if (!database || !/^[a-z][a-z0-9_]*$/.test(database)) throw new Error('usage: db-setup <database-name>');
  const target = {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    adminUser: process.env.PGADMIN_USER ?? 'postgres',
    adminPassword: process.env.PGADMIN_PASSWORD,
    database,
  };
  await ensureDatabase(target);
  for (const service of SERVICE_NAMES) {
    const role = await provisionServiceSchema(target, service);
    process.stdout.write(`  ${database}.${service} owned by ${role}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`db-setup failed: ${error.message}\n`);
  process.exit(1);
});
