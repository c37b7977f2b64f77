/** @module The msdb store on PostgreSQL (pg): one schema per instance, named by the URL's `schema` parameter. */
import pg from 'pg';
import type { Row, StoreDb } from './driver.ts';

/** The parts of an instance URL: the connection string for pg, and the schema holding the tables. */
export interface PostgresTarget {
  readonly connectionString: string;
  readonly schema: string;
}

/** Splits `postgres://user@host/db?schema=name` into the connection string and the schema (default `msdb`). */
export function parsePostgresUrl(url: string): PostgresTarget {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'msdb';
  u.searchParams.delete('schema');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}" in the instance URL`);
  return { connectionString: u.toString(), schema };
}

/** `?` placeholders → `$1`, `$2`… (the store's SQL has no `?` inside string literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A stable 64-bit key for the instance's advisory lock. */
function lockKey(schema: string): string {
  let h = 0n;
  for (const ch of `opendts-msdb:${schema}`) h = (h * 131n + BigInt(ch.codePointAt(0)!)) & 0x7fffffffffffffffn;
  return h.toString();
}

/** Connects to PostgreSQL as `user`/`password` when given (else the URL's login), with `search_path` set to the instance's schema. */
export async function openPostgres(target: PostgresTarget, login: { user?: string; password?: string } = {}): Promise<StoreDb> {
  // pg lets the connection string win over separate fields, so the login goes into the URL.
  const url = new URL(target.connectionString);
  if (login.user !== undefined) url.username = encodeURIComponent(login.user);
  if (login.password !== undefined) url.password = encodeURIComponent(login.password);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  client.on('error', () => undefined);
  await client.query(`SET search_path TO "${target.schema}"`);
  let depth = 0;
  return {
    dialect: 'postgres',
    async query(sql, p) {
      return (await client.query(numbered(sql), (p ?? []) as unknown[])).rows as Row[];
    },
    async run(sql, p) {
      return (await client.query(numbered(sql), (p ?? []) as unknown[])).rowCount ?? 0;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      if (depth > 0) return fn();
      await client.query('BEGIN');
      depth++;
      try {
        await client.query(`SELECT pg_advisory_xact_lock(${lockKey(target.schema)})`);
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        depth--;
      }
    },
    async close() {
      await client.end();
    },
  };
}
