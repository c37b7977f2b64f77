/** @module SQL Server fast load through tedious `newBulkLoad`: one bulk load per commit window, columns typed from the table, SSIS's options passed on. */
import type { BulkLoadOptions, BulkLoadResult, Row, RowSource, TableColumn } from '../driver.ts';
import { notSupportedError, statementError } from '../errors.ts';
import { bulkTarget, loadColumns, projectRows, runBulkLoad, type BulkWriter } from '../bulk-load.ts';
import { parseNativeColumn, tediousCell, tediousTypeOf, type TediousColumnType } from './types.ts';
import type { MssqlConnection } from './driver.ts';

/** A bulk-load column: its name, type for tedious, nullability and SQL Server type name. */
export interface BulkColumn extends TediousColumnType {
  readonly name: string;
  readonly nullable: boolean;
  readonly sqlType: string;
}

/**
 * The columns a bulk load declares, in the order of the rows. KeepIdentity cannot be honoured through tedious (it
 * has no KEEPIDENTITY option), so a load that asks for it on an identity column is refused with a clear message.
 */
export function bulkColumns(table: string, requested: readonly string[], tableColumns: readonly TableColumn[], options: BulkLoadOptions): { columns: BulkColumn[]; indexes: number[] } {
  if (options.keepIdentity && tableColumns.some((c) => c.identity && requested.some((r) => r.toLowerCase() === c.name.toLowerCase()))) {
    throw notSupportedError(`FastLoadKeepIdentity on SQL Server (table "${table}")`);
  }
  const picked = loadColumns(table, requested, tableColumns, false);
  return {
    indexes: picked.indexes,
    columns: picked.columns.map((c) => {
      const n = parseNativeColumn(c.nativeType);
      return { name: c.name, nullable: c.nullable !== false, sqlType: n.name, ...tediousTypeOf(n.name, n.length, n.precision, n.scale) };
    }),
  };
}

/** The bulk-load options tedious takes from SSIS's. */
export function tediousBulkOptions(options: BulkLoadOptions): { keepNulls: boolean; checkConstraints: boolean; fireTriggers: boolean; lockTable: boolean } {
  return { keepNulls: options.keepNulls === true, checkConstraints: options.checkConstraints === true, fireTriggers: options.fireTriggers === true, lockTable: options.tableLock === true };
}

/** Loads rows with tedious's bulk load, one per commit window. */
export async function mssqlBulkLoad(conn: MssqlConnection, table: string, requested: readonly string[], rows: RowSource, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const { columns, indexes } = bulkColumns(table, requested, await conn.tableColumns(table), options);
  const openWriter = async (): Promise<BulkWriter> => {
    const queue: Row[][] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    async function* feed(): AsyncIterable<unknown[]> {
      for (;;) {
        const next = queue.shift();
        if (next) {
          for (const r of next) yield r;
        } else if (ended) return;
        else await new Promise<void>((w) => (wake = w));
      }
    }
    const done = new Promise<void>((resolve, reject) => {
      const bulk = conn.connection.newBulkLoad(table, tediousBulkOptions(options), (err) => (err ? reject(statementError('SQL Server', err, `INSERT BULK ${table}`)) : resolve()));
      for (const c of columns) bulk.addColumn(c.name, c.type, { ...c.options, nullable: c.nullable });
      if (options.timeoutSeconds) bulk.setTimeout(options.timeoutSeconds * 1000);
      conn.connection.execBulkLoad(bulk, feed());
    });
    done.catch(() => undefined);
    const push = (rowsOut: Row[] | undefined): void => {
      if (rowsOut) queue.push(rowsOut);
      const w = wake;
      wake = undefined;
      w?.();
    };
    return {
      write(batch) {
        push(projectRows(batch, indexes, requested.length).map((r) => r.map((v, i) => tediousCell(v, columns[i]!.sqlType))));
      },
      async finish() {
        ended = true;
        push(undefined);
        await done;
      },
      async abort() {
        ended = true;
        push(undefined);
        await done.catch(() => undefined);
      },
    };
  };
  return runBulkLoad(bulkTarget(conn, openWriter), rows, options);
}
