/** @module Storing a computed value into a column of another type, reporting conversion errors and truncations like SSIS. */
import { SsisError } from '../../errors.ts';
import { convertValue, sameTypeSpec, type ColumnVector, type TypeSpec } from '../../types/index.ts';

/** Result of a store: stored, or which kind of failure. */
export type StoreOutcome = 'ok' | 'error' | 'truncation';

/**
 * Converts `value` (of type `from`) to the column's type and stores it at `row`. On a conversion error the cell is
 * left NULL, on a truncation it holds the truncated value; the kind of failure is returned, the SsisError in `lastError`.
 */
export class ConvertingStore {
  lastError: SsisError | undefined;
  readonly #from: TypeSpec;
  readonly #same: boolean;

  /** True when values of `from` fit the target unchanged (same type, no longer than the target). */
  get isIdentity(): boolean {
    return this.#same;
  }

  constructor(from: TypeSpec, to: TypeSpec) {
    this.#from = from;
    this.#same = sameTypeSpec(from, to) || (from.type === to.type && (to.length === undefined || to.length === 0 || (from.length ?? 0) <= to.length));
  }

  /** Stores one value. */
  store(col: ColumnVector, row: number, value: unknown): StoreOutcome {
    if (value === null || value === undefined) {
      col.nulls[row] = 1;
      return 'ok';
    }
    let v: unknown = value;
    if (!this.#same) {
      try {
        v = convertValue(value, this.#from, col.type);
      } catch (e) {
        col.nulls[row] = 1;
        this.lastError = e instanceof SsisError ? e : undefined;
        if (!/TRUNCAT/i.test(this.lastError?.symbol ?? '')) return 'error';
        // A truncation keeps the truncated value (used when the disposition ignores the failure).
        col.nulls[row] = 0;
        (col.values as unknown[])[row] = convertValue(value, this.#from, col.type, { truncation: 'silent' });
        return 'truncation';
      }
    }
    col.nulls[row] = 0;
    (col.values as unknown[])[row] = col.type.type === 'DT_BOOL' ? (v ? 1 : 0) : v;
    return 'ok';
  }
}
