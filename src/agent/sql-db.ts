/**
 * @module The database connection the Agent needs (the shape of the msdb store's driver, so the
 * store's connections fit), with openers for SQLite and PostgreSQL, `?` placeholders in both.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** A row: column name → value. */
export type SqlRow = Record<string, unknown>;

/** One connection to an instance's database. */
export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating) a SQLite database file for the Agent. */
export function openSqliteDb(file: string): SqlDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000');
  return {
    dialect: 'sqlite',
    async query(sql, params = []) {
      return db.prepare(sql).all(...params) as SqlRow[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    async exec(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

/** Connects to PostgreSQL with `search_path` set to `schema` (created when missing). */
export async function openPostgresDb(connectionString: string, schema: string): Promise<SqlDb> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  client.on('error', () => undefined);
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    dialect: 'postgres',
    async query(sql, params = []) {
      return (await client.query(numbered(sql), params as unknown[])).rows as SqlRow[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Opens the database an instance URL names: `sqlite:/path/msdb.db` (or a bare path) or
 * `postgres://user@host/db?schema=name` (schema `msdb` when not given).
 */
export async function openAgentDb(url: string): Promise<SqlDb> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? 'msdb';
    u.searchParams.delete('schema');
    return openPostgresDb(u.toString(), schema);
  }
  return openSqliteDb(url.replace(/^sqlite:/, ''));
}
