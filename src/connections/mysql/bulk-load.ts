/** @module MySQL/MariaDB fast load: `LOAD DATA LOCAL INFILE` fed from a stream (mysql2 infileStreamFactory) per commit window, with KeepNulls and KeepIdentity. */
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import type { BulkLoadOptions, BulkLoadResult, RowSource } from '../driver.ts';
import { statementError } from '../errors.ts';
import { bulkTarget, loadColumns, projectRows, runBulkLoad, type BulkWriter } from '../bulk-load.ts';
import { copyLines, MYSQL_LOAD } from '../copy-text.ts';
import type { MysqlConnection } from './driver.ts';
import { quoteMysqlIdentifier } from './config.ts';

const NAME = 'MariaDB';

/**
 * Loads rows with LOAD DATA LOCAL INFILE (tab-separated, `\N` for NULL). Binary columns travel as hex and are
 * turned back with UNHEX(); with KeepNulls off, a NULL in a column with a default takes the default
 * (`COALESCE(@v, default)`). Identity (AUTO_INCREMENT) columns are left out unless KeepIdentity.
 * A window that raises any warning (a duplicate key, a truncated or bad value: LOCAL loads skip such rows) fails
 * and is rolled back, so no row is dropped silently. TABLOCK is not applied (LOCK TABLES would end the transaction); constraints are always checked.
 */
export async function mysqlBulkLoad(conn: MysqlConnection, table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const target = loadColumns(table, columns, await conn.tableColumns(table), options.keepIdentity === true);
  await conn.applyTimeout({ timeoutSeconds: options.timeoutSeconds });
  const vars: string[] = [];
  const sets: string[] = [];
  target.columns.forEach((c, i) => {
    const binary = c.dataType === 'DT_BYTES' || c.dataType === 'DT_IMAGE';
    const defaulted = !options.keepNulls && c.defaultExpression !== undefined;
    if (!binary && !defaulted) {
      vars.push(quoteMysqlIdentifier(c.name));
      return;
    }
    vars.push(`@v${i}`);
    const value = binary ? `UNHEX(@v${i})` : `@v${i}`;
    sets.push(`${quoteMysqlIdentifier(c.name)} = ${defaulted ? `COALESCE(${value}, ${c.defaultExpression})` : value}`);
  });
  const sql =
    `LOAD DATA LOCAL INFILE 'opendts-rows' INTO TABLE ${await conn.tableName(table)} CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${vars.join(', ')})` +
    (sets.length ? ` SET ${sets.join(', ')}` : '');

  const openWriter = async (): Promise<BulkWriter> => {
    const stream = new PassThrough();
    let failure: unknown;
    const done = conn.raw(sql, { infileStreamFactory: () => stream }).then(
      (r) => r,
      (e) => { failure = e; stream.destroy(); return undefined; },
    );
    const check = (): void => {
      if (failure !== undefined) throw statementError(NAME, failure, `LOAD DATA INTO ${table}`);
    };
    return {
      async write(batch) {
        check();
        if (!stream.write(copyLines(projectRows(batch, target.indexes, columns.length), MYSQL_LOAD))) {
          await Promise.race([once(stream, 'drain'), done]);
        }
        check();
      },
      async finish() {
        stream.end();
        const r = await done;
        check();
        // With LOCAL the server turns duplicate keys and bad values into warnings and skips rows; fail the window instead.
        const header = r?.packets[0] as { warningStatus?: number } | undefined;
        if (header?.warningStatus) {
          const w = await conn.raw('SHOW WARNINGS LIMIT 3');
          const text = (w.packets[0] as unknown as unknown[][]).map((x) => String(x[2])).join('; ');
          throw statementError(NAME, new Error(text || `${header.warningStatus} warning(s)`), `LOAD DATA INTO ${table}`);
        }
      },
      async abort() {
        // Destroying the stream would make mysql2 close the connection: end the load instead and let the
        // window's transaction roll it back (InnoDB; a non-transactional table keeps what was loaded).
        if (!stream.destroyed) stream.end();
        await done;
      },
    };
  };
  return runBulkLoad(bulkTarget(conn, openWriter), rows, options);
}
