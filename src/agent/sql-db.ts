/** @module The database connection the Agent needs: the msdb store's driver (`StoreDb`, `?` placeholders in both dialects), opened from an instance URL for `--db` and for SQL steps. */
import pg from 'pg';
import type { StoreDb } from '../store/index.ts';
import { openPostgres, parsePostgresUrl } from '../store/db/postgres.ts';
import { openSqlite } from '../store/db/sqlite.ts';

/** What the Agent uses of a store connection (its own transactions go through `exec('BEGIN')`). */
export type SqlDb = Pick<StoreDb, 'dialect' | 'query' | 'run' | 'exec' | 'close'>;

/** A row as the drivers return it. */
export type SqlRow = Record<string, unknown>;

/**
 * Opens the database a URL names: `sqlite:/path/msdb.db` (or a bare path; created when missing)
 * or `postgres://user@host/db?schema=name` (schema `msdb` when not given; created when missing).
 */
export async function openAgentDb(url: string): Promise<SqlDb> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const target = parsePostgresUrl(url);
    const admin = new pg.Client({ connectionString: target.connectionString });
    await admin.connect();
    try {
      // Two first connections may race to create the schema; the loser's error is harmless.
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`).catch(() => undefined);
    } finally {
      await admin.end();
    }
    return openPostgres(target);
  }
  return openSqlite(url.replace(/^sqlite:/, ''), { create: true });
}
