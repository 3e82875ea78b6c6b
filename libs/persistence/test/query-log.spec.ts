import { DataSource } from 'typeorm';
import { createServiceDataSource, serviceRoleName } from '@seleksi/persistence';
import { freshSchema, testInfra } from '@seleksi/testing';

/* A failing statement with a personal value as its parameter: the value must appear nowhere in what
 * the process prints. TypeORM's own logger is the control: it does print it. */
const NIK = '3174012301900001';
const PHONE = '081234567890';

async function outputWhile(work: () => Promise<unknown>): Promise<string> {
  const captured: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write.bind(s));
  const consoleMethods = ['log', 'info', 'warn', 'error'] as const;
  const consoleOriginals = consoleMethods.map((m) => console[m]);
  streams.forEach((s) => {
    s.write = ((chunk: string | Uint8Array) => captured.push(String(chunk)) > 0) as typeof s.write;
  });
  consoleMethods.forEach((m) => {
    console[m] = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
  });
  try {
    await work().catch(() => undefined);
  } finally {
    streams.forEach((s, i) => (s.write = originals[i] as typeof s.write));
    consoleMethods.forEach((m, i) => (console[m] = consoleOriginals[i]));
  }
  return captured.join('\n');
}

describe('logging of failed SQL', () => {
  const schema = 'screening';
  let dataSource: DataSource;

  function connect(logger?: 'advanced-console'): DataSource {
    const { pg } = testInfra();
    const source = createServiceDataSource({
      settings: { host: pg.host, port: pg.port, database: pg.database, user: serviceRoleName(schema), schema, poolSize: 1 },
      migrations: [],
      applicationName: 'test-query-log',
    });
    if (logger) source.setOptions({ logger, logging: ['error'] });
    return source;
  }

  beforeAll(async () => {
    await freshSchema(schema);
    dataSource = await connect().initialize();
    await dataSource.query('CREATE TABLE query_log_probe (nik text PRIMARY KEY, phone text NOT NULL)');
    await dataSource.query('INSERT INTO query_log_probe (nik, phone) VALUES ($1, $2)', [NIK, PHONE]);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('logs a data exception with its SQLSTATE and statement, never the value', async () => {
    const output = await outputWhile(() => dataSource.query('SELECT $1::uuid AS id', [NIK]));
    expect(output).toContain('query failed: SQLSTATE 22P02 -- SELECT $1::uuid AS id');
    expect(output).not.toContain(NIK);
  });

  it('logs a duplicate key with the constraint, never the key or the other parameters', async () => {
    const output = await outputWhile(() => dataSource.query('INSERT INTO query_log_probe (nik, phone) VALUES ($1, $2)', [NIK, PHONE]));
    expect(output).toContain('query failed: SQLSTATE 23505, constraint query_log_probe_pkey');
    expect(output).not.toContain(NIK);
    expect(output).not.toContain(PHONE);
  });

  it("keeps other errors' messages, which carry no values", async () => {
    const output = await outputWhile(() => dataSource.query('SELECT * FROM no_such_table WHERE nik = $1', [NIK]));
    expect(output).toContain('no_such_table\\" does not exist (SQLSTATE 42P01)');
    expect(output).not.toContain(NIK);
  });

  it("is needed: TypeORM's own logger prints the parameters", async () => {
    const plain = await connect('advanced-console').initialize();
    try {
      const output = await outputWhile(() => plain.query('SELECT $1::uuid AS id', [NIK]));
      expect(output).toContain(NIK);
    } finally {
      await plain.destroy();
    }
  });
});
