/** @module A growable columnar store of rows (values per column plus NULL flags), for the blocking components. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost } from '../../dataflow/component.ts';
import type { InputModel } from '../../dataflow/model.ts';
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

  /** The rows as arrays of values in column order, each value passed through `map`. */
  rows(map: (value: unknown) => unknown = (v) => v): unknown[][] {
    return Array.from({ length: this.length }, (_, r) => this.values.map((col) => map(col[r])));
  }

  /** Removes every row (keeps the columns). */
  clear(): void {
    for (const v of this.values) v.length = 0;
    this.length = 0;
  }
}

/** A store for a component's first input, with the `process` step that fills it from each batch. */
export function inputStore(host: ComponentHost): { input: InputModel; store: RowStore; process: (input: number, batch: Batch) => void } {
  const input = host.component.inputs[0]!;
  const layout = host.inputLayout(0);
  const slots = input.columns.map((c) => layout.slotOf(c.lineageId)!);
  const store = new RowStore(slots.length);
  return { input, store, process: (_i, batch) => store.append(batch, slots) };
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
