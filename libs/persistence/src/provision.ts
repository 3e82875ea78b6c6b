import { Client } from 'pg';
import { serviceRoleName } from './database-settings';

export interface ProvisionTarget {
  host: string;
  port: number;
  /** A superuser able to create databases and roles (local development and CI). */
  adminUser: string;
  adminPassword?: string;
  database: string;
}

const IDENT = /^[a-z][a-z0-9_]{0,40}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`refusing to provision unsafe identifier "${name}"`);
  return `"${name}"`;
}

async function withClient<T>(target: ProvisionTarget, database: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    host: target.host,
    port: target.port,
    user: target.adminUser,
    password: target.adminPassword,
    database,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(target: ProvisionTarget): Promise<void> {
  await withClient(target, 'postgres', async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${ident(target.database)}`);
    // Nobody connects unless granted: each service role is granted CONNECT explicitly below.
    await c.query(`REVOKE ALL ON DATABASE ${ident(target.database)} FROM PUBLIC`);
  });
}

/**
 * One schema and one login role per service. The role owns its schema and nothing else; it has no
 * USAGE on any other schema (PUBLIC's default rights on `public` are revoked too), so reading
 * another service's table fails with "permission denied for schema".
 */
export async function provisionServiceSchema(target: ProvisionTarget, schema: string): Promise<string> {
  const role = serviceRoleName(schema);
  await withClient(target, target.database, async (c) => {
    // Roles are cluster-wide; two provisioning runs at once must not race on CREATE ROLE.
    await c.query('SELECT pg_advisory_lock(hashtext($1))', ['seleksi-provision']);
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) {
      await c.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    }
    await c.query(`GRANT CONNECT ON DATABASE ${ident(target.database)} TO ${ident(role)}`);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${ident(role)}`);
    await c.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await c.query(`ALTER ROLE ${ident(role)} IN DATABASE ${ident(target.database)} SET search_path = ${ident(schema)}`);
  });
  return role;
}

/** Drops a schema and everything in it; for test harnesses and `reset` only. */
export async function dropServiceSchema(target: ProvisionTarget, schema: string): Promise<void> {
  await withClient(target, target.database, async (c) => {
    await c.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
  });
}
