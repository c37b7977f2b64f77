/** @module Row helpers shared by the components: copying selected rows between buffers and building match keys. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ColumnVector } from '../../dataflow/column-vector.ts';

/** Copies the selected rows of `src` (in selection order) into `dst` starting at row `at`. */
export function gather(src: ColumnVector, batch: Batch, dst: ColumnVector, at: number): void {
  const sv = src.values as unknown[];
  const dv = dst.values as unknown[];
  const sn = src.nulls;
  const dn = dst.nulls;
  const sel = batch.sel;
  const n = batch.count;
  if (sel === null) {
    for (let k = 0; k < n; k++) {
      dn[at + k] = sn[k]!;
      dv[at + k] = sv[k];
    }
  } else {
    for (let k = 0; k < n; k++) {
      const r = sel[k]!;
      dn[at + k] = sn[r]!;
      dv[at + k] = sv[r];
    }
  }
}

/** A value as a key part: exact and type-aware (1 and '1' differ; dates and decimals by their text). */
export function keyPart(v: unknown): string {
  if (v === null || v === undefined) return '\u0000N';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
    case 'bigint':
      return 'n' + String(v);
    case 'boolean':
      return v ? 'n1' : 'n0';
    default:
      if (v instanceof Uint8Array) return 'b' + Buffer.from(v).toString('hex');
      return 'o' + String(v);
  }
}

/** A composite key of several values. */
export function keyOf(values: readonly unknown[]): string {
  if (values.length === 1) return keyPart(values[0]);
  let k = '';
  for (const v of values) k += keyPart(v) + '\u0001';
  return k;
}
