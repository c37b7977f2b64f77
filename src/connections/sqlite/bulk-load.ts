/** @module SQLite fast load: a prepared INSERT run for every row, one transaction per commit window (the fastest path SQLite has). */
import type Database from 'better-sqlite3';
import type { BulkLoadOptions, BulkLoadResult, RowSource } from '../driver.ts';
import { statementError } from '../errors.ts';
import { bulkTarget, loadColumns, projectRows, runBulkLoad, type BulkWriter } from '../bulk-load.ts';
import { quoteSqliteName } from './config.ts';
import type { SqliteConnection } from './driver.ts';
import { sqliteValue } from './types.ts';

const NAME = 'SQLite';

/**
 * Loads rows with a prepared INSERT. KeepNulls off: a NULL in a column with a default takes the default
 * (`COALESCE(?, default)`). Identity (INTEGER PRIMARY KEY) columns are left out unless KeepIdentity. TABLOCK
 * changes nothing: a write transaction locks the whole database anyway. Constraints are always checked.
 */
export async function sqliteBulkLoad(conn: SqliteConnection, db: Database.Database, table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const target = loadColumns(table, columns, await conn.tableColumns(table), options.keepIdentity === true);
  const names = target.columns.map((c) => quoteSqliteName(c.name)).join(', ');
  const slots = target.columns.map((c) => (!options.keepNulls && c.defaultExpression !== undefined ? `COALESCE(?, ${c.defaultExpression})` : '?')).join(', ');
  const sql = `INSERT INTO ${await conn.tableName(table)} (${names}) VALUES (${slots})`;
  // Several rows per statement: one call into SQLite per group is over twice as fast as one per row.
  const width = target.columns.length;
  const group = Math.max(1, Math.min(20, Math.floor(999 / Math.max(1, width))));
  let single: Database.Statement;
  let many: Database.Statement;
  try {
    single = db.prepare(sql);
    many = db.prepare(`${sql}${`, (${slots})`.repeat(group - 1)}`);
  } catch (e) {
    throw statementError(NAME, e, sql);
  }
  const writer: BulkWriter = {
    write: (batch) => {
      const rows = projectRows(batch, target.indexes, columns.length);
      let i = 0;
      try {
        for (; i + group <= rows.length; i += group) {
          const args: unknown[] = new Array(group * width);
          for (let r = 0; r < group; r++) {
            const row = rows[i + r]!;
            for (let c = 0; c < width; c++) args[r * width + c] = sqliteValue(row[c]);
          }
          many.run(args);
        }
        for (; i < rows.length; i++) single.run(rows[i]!.map(sqliteValue));
      } catch (e) {
        throw statementError(NAME, e, sql);
      }
    },
    finish: () => undefined,
    abort: () => undefined,
  };
  return runBulkLoad(bulkTarget(conn, async () => writer), rows, options);
}
