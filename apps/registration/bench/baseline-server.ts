/**
 * The baseline of `npm run bench:registration`: a bare Fastify server doing the same writes as the
 * surge path (store a document, then submit: lock, update, outbox row) with `pg` and no application
 * logic: no authentication, validation, content checks, hashing or event contracts.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

const port = Number(process.env.PORT ?? 0);
const pool = new Pool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  database: process.env.DB_NAME,
  user: process.env.DB_USER,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
});

async function main(): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS baseline_applications (id uuid PRIMARY KEY, status text NOT NULL DEFAULT 'draft', submitted_at timestamptz)`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS baseline_documents (application_id uuid NOT NULL, type text NOT NULL, content bytea NOT NULL, PRIMARY KEY (application_id, type))`,
  );
  await pool.query(`CREATE TABLE IF NOT EXISTS baseline_outbox (id uuid PRIMARY KEY, key text NOT NULL, payload jsonb NOT NULL)`);
  const app = Fastify({ bodyLimit: 12 * 1024 * 1024 });
  app.addContentTypeParser(['application/octet-stream', 'image/jpeg', 'application/pdf'], { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
  app.post<{ Params: { id: string } }>('/applications/:id', async (req) => {
    await pool.query(`INSERT INTO baseline_applications (id) VALUES ($1) ON CONFLICT DO NOTHING`, [req.params.id]);
    return { id: req.params.id };
  });
  app.put<{ Params: { id: string; type: string } }>('/applications/:id/documents/:type', async (req) => {
    await pool.query(
      `INSERT INTO baseline_documents (application_id, type, content) VALUES ($1, $2, $3)
       ON CONFLICT (application_id, type) DO UPDATE SET content = EXCLUDED.content`,
      [req.params.id, req.params.type, req.body as Buffer],
    );
    return { ok: true };
  });
  app.post<{ Params: { id: string } }>('/applications/:id/submit', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT id FROM baseline_applications WHERE id = $1 FOR UPDATE`, [req.params.id]);
      await client.query(`UPDATE baseline_applications SET status = 'submitted', submitted_at = now() WHERE id = $1`, [req.params.id]);
      await client.query(`INSERT INTO baseline_outbox (id, key, payload) VALUES ($1, $2, $3)`, [
        randomUUID(),
        req.params.id,
        JSON.stringify({ applicationId: req.params.id }),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return reply.status(201).send({ ok: true });
  });
  const address = await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write(`baseline listening on ${address}\n`);
}

void main();
