/** @module The columnar buffer shape shared by the data flow and compiled expressions: one typed array (or plain array) of values and one array of NULL flags per column. */
import { dataType } from './data-types.ts';
import type { TypeSpec } from './type-spec.ts';

/** The value storage of a column: typed arrays for fixed-width numbers and Booleans, plain arrays for everything else. */
export type ColumnValues =
  | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array | unknown[];

/**
 * One column of a buffer. `values[i]` holds row i in the type's JS representation (DT_BOOL: 1/0 in a Uint8Array);
 * `nulls[i]` is 1 when row i is NULL (then `values[i]` is meaningless). Both have at least the buffer's capacity.
 */
export interface ColumnVector {
  readonly type: TypeSpec;
  values: ColumnValues;
  nulls: Uint8Array;
}

/** A buffer's columns, in column-index order. */
export type ColumnArrays = readonly ColumnVector[];

/** A batch of rows: the columns and how many rows are filled. */
export interface ColumnBatch {
  readonly columns: ColumnArrays;
  readonly length: number;
}

/** A new typed array / plain array suitable for `capacity` values of the type. */
export function createColumnValues(type: TypeSpec, capacity: number): ColumnValues {
  switch (type.type) {
    case 'DT_I1': return new Int8Array(capacity);
    case 'DT_I2': return new Int16Array(capacity);
    case 'DT_I4': return new Int32Array(capacity);
    case 'DT_UI1': case 'DT_BOOL': return new Uint8Array(capacity);
    case 'DT_UI2': return new Uint16Array(capacity);
    case 'DT_UI4': return new Uint32Array(capacity);
    case 'DT_R4': return new Float32Array(capacity);
    case 'DT_R8': return new Float64Array(capacity);
    case 'DT_I8': return new BigInt64Array(capacity);
    case 'DT_UI8': return new BigUint64Array(capacity);
    default: return new Array<unknown>(capacity).fill(null);
  }
}

/** A new, all-NULL column of `capacity` rows. */
export function createColumnVector(type: TypeSpec, capacity: number): ColumnVector {
  return { type, values: createColumnValues(type, capacity), nulls: new Uint8Array(capacity).fill(1) };
}

/** True when the column stores its values in a typed array. */
export function isTypedColumn(type: TypeSpec): boolean {
  const info = dataType(type.type);
  return info.js === 'number' || info.js === 'bigint' || type.type === 'DT_BOOL';
}

/** Row `i` of a column in the type's JS representation (`null` for NULL; DT_BOOL as boolean). */
export function readCell(col: ColumnVector, i: number): unknown {
  if (col.nulls[i]) return null;
  const v = (col.values as ArrayLike<unknown>)[i];
  return col.type.type === 'DT_BOOL' ? v === 1 : v;
}

/** Writes row `i` of a column from the type's JS representation (`null` for NULL). */
export function writeCell(col: ColumnVector, i: number, value: unknown): void {
  if (value === null || value === undefined) {
    col.nulls[i] = 1;
    return;
  }
  col.nulls[i] = 0;
  (col.values as unknown[])[i] = col.type.type === 'DT_BOOL' ? (value ? 1 : 0) : value;
}
