import { provisionServiceSchema, serviceRoleName } from '@seleksi/persistence';
import { clientAs, testInfra } from '@seleksi/testing';

describe(provisionServiceSchema.name, () => {
  beforeAll(async () => {
    for (const schema of ['registration', 'screening']) {
      await provisionServiceSchema(testInfra().pg, schema);
      const own = await clientAs(serviceRoleName(schema));
      await own.query(`CREATE TABLE IF NOT EXISTS ${schema}.isolation_probe (id int)`);
      await own.end();
    }
  });

  it("keeps registration's role out of screening's tables", async () => {
    const registration = await clientAs(serviceRoleName('registration'));
    try {
      await expect(registration.query('SELECT * FROM screening.isolation_probe')).rejects.toMatchObject({
        code: '42501',
        message: 'permission denied for schema screening',
      });
      await expect(registration.query(`INSERT INTO screening.isolation_probe (id) VALUES (1)`)).rejects.toMatchObject({ code: '42501' });
      await expect(registration.query('CREATE TABLE public.sneaky (id int)')).rejects.toMatchObject({ code: '42501' });
      // Its own schema is its search path and fully usable.
      const own = await registration.query('SELECT count(*)::int AS n FROM isolation_probe');
      expect(own.rows[0].n).toBeGreaterThanOrEqual(0);
    } finally {
      await registration.end();
    }
  });

  it('is idempotent', async () => {
    await expect(provisionServiceSchema(testInfra().pg, 'screening')).resolves.toBe('seleksi_screening');
  });
});
