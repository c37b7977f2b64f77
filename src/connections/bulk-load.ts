/** @module The fast-load loop every driver shares: commit windows (FastLoadMaxInsertCommitSize), rollback of the open window on failure. */
import { SsisError } from '../errors.ts';
import type { BulkLoadOptions, BulkLoadResult, Connection, Row, RowSource } from './driver.ts';

/** Writes rows inside one transaction (a COPY stream, a LOAD DATA stream, prepared INSERTs…). */
export interface BulkWriter {
  write(rows: readonly Row[]): Promise<void> | void;
  /** Ends the window's writes successfully (before the commit). */
  finish(): Promise<void> | void;
  /** Abandons the window after a failure (before the rollback). */
  abort(): Promise<void> | void;
}

/** What the loop needs from a connection. */
export interface BulkTarget {
  readonly inTransaction: boolean;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  openWriter(): Promise<BulkWriter>;
}

/**
 * Loads every batch. With `maxInsertCommitSize` N > 0 a transaction is committed every N rows and at the end of
 * each incoming batch (SSIS commits every min(N, rows left in the buffer)); with 0 (the default) one transaction
 * holds everything. Inside an outer transaction (TransactionOption=Required) nothing is committed here: the rows
 * join that transaction. On failure the open window is rolled back; windows already committed stay, as in SSIS.
 */
export async function runBulkLoad(target: BulkTarget, source: RowSource, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
  const commitSize = Math.max(0, options.maxInsertCommitSize ?? 0);
  const outer = target.inTransaction;
  let writer: BulkWriter | undefined;
  let pending = 0;
  let rows = 0;
  let commits = 0;
  const open = async (): Promise<BulkWriter> => {
    if (!outer) await target.begin();
    pending = 0;
    return (writer = await target.openWriter());
  };
  const close = async (): Promise<void> => {
    const w = writer!;
    writer = undefined;
    await w.finish();
    if (!outer) {
      await target.commit();
      commits++;
    }
  };
  try {
    for await (const batch of source) {
      let offset = 0;
      while (offset < batch.length) {
        const w = writer ?? (await open());
        const take = commitSize > 0 ? Math.min(commitSize - pending, batch.length - offset) : batch.length - offset;
        await w.write(offset === 0 && take === batch.length ? batch : batch.slice(offset, offset + take));
        offset += take;
        pending += take;
        rows += take;
        if (commitSize > 0 && (pending >= commitSize || offset === batch.length)) await close();
      }
    }
    if (writer) await close();
    return { rows, commits };
  } catch (error) {
    const w = writer as BulkWriter | undefined;
    writer = undefined;
    if (w) await Promise.resolve(w.abort()).catch(() => undefined);
    if (!outer && target.inTransaction) await target.rollback().catch(() => undefined);
    throw error;
  }
}

/** A bulk target over a connection's own transaction methods and a writer factory. */
export function bulkTarget(conn: Pick<Connection, 'inTransaction' | 'begin' | 'commit' | 'rollback'>, openWriter: () => Promise<BulkWriter>): BulkTarget {
  return {
    get inTransaction() {
      return conn.inTransaction;
    },
    begin: () => conn.begin(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    openWriter,
  };
}

/** The columns a load writes: identity columns are left out unless KeepIdentity (the database then generates them). */
export function loadColumns<T extends { readonly name: string; readonly identity: boolean }>(
  tableName: string,
  requested: readonly string[],
  table: readonly T[],
  keepIdentity: boolean,
): { columns: T[]; indexes: number[] } {
  const byName = new Map(table.map((c) => [c.name.toLowerCase(), c]));
  const columns: T[] = [];
  const indexes: number[] = [];
  requested.forEach((name, i) => {
    const col = byName.get(name.toLowerCase());
    if (!col) throw new SsisError('0xC0202005', 'DTS_E_COLUMNNOTFOUND', `The table "${tableName}" has no column "${name}".`);
    if (col.identity && !keepIdentity) return;
    columns.push(col);
    indexes.push(i);
  });
  return { columns, indexes };
}

/** Picks the given positions out of each row (no copy when they are all of them, in order). */
export function projectRows(rows: readonly Row[], indexes: readonly number[], width: number): readonly Row[] {
  if (indexes.length === width && indexes.every((x, i) => x === i)) return rows;
  return rows.map((r) => indexes.map((i) => r[i]));
}
