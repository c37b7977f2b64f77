/** @module A batch: a view of a pipeline buffer (columns by slot) and the rows of it that travel a path. */
import { createColumnVector, type ColumnVector } from './column-vector.ts';
import type { BufferLayout } from './layout.ts';

/**
 * What travels along a path: the buffer's columns (one slot per column of the execution tree's layout) and
 * the selected rows. Synchronous outputs pass the same columns on with another row selection (SSIS's
 * "virtual" outputs); each branch gets its own slot array, so a component that replaces a column in one
 * branch does not affect another.
 */
export class Batch {
  /** Column vectors by layout slot; a slot is undefined until a component fills it. */
  readonly vectors: (ColumnVector | undefined)[];
  /** Rows physically in the buffer. */
  readonly length: number;
  /** Selected row indexes (ascending), or null when all rows 0…length-1 are selected. */
  readonly sel: Int32Array | null;
  /** Number of selected rows. */
  readonly count: number;
  readonly layout: BufferLayout;

  constructor(layout: BufferLayout, vectors: (ColumnVector | undefined)[], length: number, sel: Int32Array | null = null, count?: number) {
    this.layout = layout;
    this.vectors = vectors;
    this.length = length;
    this.sel = sel;
    this.count = sel ? (count ?? sel.length) : length;
  }

  /** The row index of the k-th selected row. */
  row(k: number): number {
    return this.sel ? this.sel[k]! : k;
  }

  /** The same buffer with a different row selection and its own slot array. */
  select(sel: Int32Array, count: number): Batch {
    return new Batch(this.layout, this.vectors.slice(), this.length, sel, count);
  }

  /** A branch copy: same rows, own slot array. */
  branch(): Batch {
    return new Batch(this.layout, this.vectors.slice(), this.length, this.sel, this.count);
  }

  /** The column at a slot; throws when the slot was never filled (a broken plan). */
  column(slot: number): ColumnVector {
    const v = this.vectors[slot];
    if (!v) throw new Error(`buffer column ${this.layout.columns[slot]?.name ?? slot} was never filled`);
    return v;
  }

  /** Allocates a fresh all-NULL column for a slot with the layout's type, sized to the buffer, and installs it. */
  allocate(slot: number): ColumnVector {
    const col = createColumnVector(this.layout.columns[slot]!.type, this.length);
    this.vectors[slot] = col;
    return col;
  }
}
