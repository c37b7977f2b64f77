/** @module Buffer columns: the types module's ColumnVector (typed arrays for fixed-width numbers, plain arrays otherwise, and a NULL mask). */
export { createColumnVector, readCell, writeCell, type ColumnVector, type ColumnValues } from '../types/index.ts';
import type { ColumnVector } from '../types/index.ts';

/** Copies one value (including its NULL flag) between columns of the same type. */
export function copyCell(from: ColumnVector, fromRow: number, to: ColumnVector, toRow: number): void {
  to.nulls[toRow] = from.nulls[fromRow]!;
  (to.values as unknown[])[toRow] = (from.values as unknown[])[fromRow];
}
