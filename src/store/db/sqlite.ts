/** @module The msdb store on a SQLite file (better-sqlite3). */
import Database from 'better-sqlite3';
import type { Row, StoreDb } from './driver.ts';

/** How long a writer waits for another process's write transaction before failing. */
const BUSY_TIMEOUT_MS = 30_000;

function toSqlite(value: unknown): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Opens (creating when `create`) a SQLite database file. */
export function openSqlite(file: string, opts: { create: boolean }): StoreDb {
  const db = new Database(file, { fileMustExist: !opts.create });
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  let depth = 0;
  const params = (p: readonly unknown[] | undefined) => (p ?? []).map(toSqlite);
  return {
    dialect: 'sqlite',
    async query(sql, p) {
      return db.prepare(sql).all(...params(p)) as Row[];
    },
    async run(sql, p) {
      return db.prepare(sql).run(...params(p)).changes;
    },
    async exec(sql) {
      db.exec(sql);
    },
    async transaction(fn) {
      if (depth > 0) return fn();
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = await fn();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
      }
    },
    async close() {
      db.close();
    },
  };
}
