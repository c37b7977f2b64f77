/** @module A growable columnar store of rows (values per column plus NULL flags), for the blocking components. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ColumnVector } from '../../dataflow/column-vector.ts';

/** Columns of rows kept in memory: `values[c][r]` (null for NULL). */
export class RowStore {
  readonly values: unknown[][];
  length = 0;

  constructor(columns: number) {
    this.values = Array.from({ length: columns }, () => []);
  }

  /** Appends the selected rows of a batch, reading column c from buffer slot `slots[c]`. */
  append(batch: Batch, slots: readonly number[]): void {
    for (let c = 0; c < slots.length; c++) {
      const col = batch.column(slots[c]!);
      const out = this.values[c]!;
      const isBool = col.type.type === 'DT_BOOL';
      const v = col.values as ArrayLike<unknown>;
      for (let k = 0; k < batch.count; k++) {
        const r = batch.row(k);
        out.push(col.nulls[r] === 1 ? null : isBool ? v[r] === 1 : v[r]);
      }
    }
    this.length += batch.count;
  }

  /** Removes every row (keeps the columns). */
  clear(): void {
    for (const v of this.values) v.length = 0;
    this.length = 0;
  }
}

/** Writes a value (null = NULL, Booleans as 1/0) into a buffer column. */
export function putCell(col: ColumnVector, row: number, value: unknown): void {
  if (value === null || value === undefined) {
    col.nulls[row] = 1;
    return;
  }
  col.nulls[row] = 0;
  (col.values as unknown[])[row] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
