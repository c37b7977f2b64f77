/** @module PostgreSQL fast load: `COPY … FROM STDIN` in text format per commit window (pg-copy-streams), with KeepNulls, KeepIdentity and TABLOCK. */
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkLoadOptions, BulkLoadResult, RowSource } from '../driver.ts';
import { statementError } from '../errors.ts';
import { bulkTarget, loadColumns, projectRows, runBulkLoad, type BulkWriter } from '../bulk-load.ts';
import { copyLines, PG_COPY } from '../copy-text.ts';
import type { PgConnection } from './driver.ts';
import { quotePgIdentifier } from './config.ts';

const NAME = 'PostgreSQL';
let windowCounter = 0;

/**
 * Loads rows with COPY. KeepNulls off and a loaded column with a default: rows are copied into a temporary table
 * first and moved with `INSERT … SELECT COALESCE(col, default)`, so a NULL takes the default as SSIS does.
 * KeepIdentity: identity values are copied and the column's sequence is moved past the largest one.
 * TABLOCK: `LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE` for each window.
 */
export async function pgBulkLoad(conn: PgConnection, table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const name = await conn.resolveTable(table);
  const target = loadColumns(table, columns, await conn.tableColumns(table), options.keepIdentity === true);
  const list = target.columns.map((c) => quotePgIdentifier(c.name)).join(', ');
  const defaulted = options.keepNulls ? [] : target.columns.filter((c) => c.defaultExpression !== undefined && !c.identity);
  const client = conn.client;
  await conn.applyTimeout({ timeoutSeconds: options.timeoutSeconds });

  const openWriter = async (): Promise<BulkWriter> => {
    if (options.tableLock) await client.query(`LOCK TABLE ${name} IN SHARE ROW EXCLUSIVE MODE`);
    let into = name;
    if (defaulted.length > 0) {
      into = quotePgIdentifier(`odts_load_${process.pid}_${++windowCounter}`);
      await client.query(`CREATE TEMP TABLE ${into} AS SELECT ${list} FROM ${name} WITH NO DATA`);
    }
    const stream = client.query(copyFrom(`COPY ${into} (${list}) FROM STDIN`));
    let failure: unknown;
    stream.on('error', (e) => { failure ??= e; });
    const check = (): void => {
      if (failure !== undefined) throw statementError(NAME, failure, `COPY ${table}`);
    };
    return {
      async write(batch) {
        check();
        if (!stream.write(copyLines(projectRows(batch, target.indexes, columns.length), PG_COPY))) {
          await Promise.race([once(stream, 'drain'), once(stream, 'error').catch(() => undefined)]);
        }
        check();
      },
      async finish() {
        check();
        const done = once(stream, 'finish');
        stream.end();
        await done.catch((e) => { throw statementError(NAME, e, `COPY ${table}`); });
        check();
        if (into !== name) {
          const values = target.columns.map((c) => (defaulted.includes(c) ? `COALESCE(${quotePgIdentifier(c.name)}, ${c.defaultExpression})` : quotePgIdentifier(c.name)));
          await client.query(`INSERT INTO ${name} (${list}) SELECT ${values.join(', ')} FROM ${into}`).catch((e) => { throw statementError(NAME, e, `INSERT INTO ${table}`); });
          await client.query(`DROP TABLE ${into}`);
        }
      },
      abort() {
        if (!stream.destroyed) stream.destroy(new Error('bulk load abandoned'));
      },
    };
  };

  const result = await runBulkLoad(bulkTarget(conn, openWriter), rows, options);
  for (const c of target.columns.filter((x) => x.identity && options.keepIdentity)) {
    // Move the column's sequence past the copied values, so later generated values do not collide.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT MAX(${quotePgIdentifier(c.name)}) FROM ${name}), 1))`, [name, c.name]);
  }
  return result;
}
