import { createServiceDataSource, runMigrations, serviceRoleName } from '@seleksi/persistence';
import { freshSchema, testInfra } from '@seleksi/testing';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'migration_probe';

class SlowProbeTable1763800009000 implements MigrationInterface {
  name = 'SlowProbeTable1763800009000';

  async up(runner: QueryRunner): Promise<void> {
    // Slow enough that a second instance starting alongside would run it too, without the lock.
    await runner.query(`SELECT pg_sleep(0.3)`);
    await runner.query(`CREATE TABLE ${SCHEMA}.probe (id int PRIMARY KEY)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${SCHEMA}.probe`);
  }
}

function instance() {
  const { pg } = testInfra();
  return createServiceDataSource({
    settings: { host: pg.host, port: pg.port, database: pg.database, user: serviceRoleName(SCHEMA), schema: SCHEMA, poolSize: 2 },
    migrations: [SlowProbeTable1763800009000],
    applicationName: 'test-migration-lock',
  });
}

describe(runMigrations.name, () => {
  it('lets one of several instances starting together on a fresh schema migrate, and the others find it done', async () => {
    await freshSchema(SCHEMA);
    const instances = [instance(), instance(), instance()];
    await Promise.all(instances.map((ds) => ds.initialize()));
    try {
      const applied = await Promise.all(instances.map((ds) => runMigrations(ds)));
      expect(applied.flat()).toEqual(['SlowProbeTable1763800009000']);
      const [row] = await instances[0].query(`SELECT count(*)::int AS n FROM ${SCHEMA}.migrations`);
      expect(row.n).toBe(1);
    } finally {
      await Promise.all(instances.map((ds) => ds.destroy()));
    }
  });
});
