/** @module Ordering the rows of a store by sort keys: strings ranked once by collation, then integer comparisons. */
import { collatorFor, compareValues, rankStrings } from '../shared/compare.ts';
import type { RowStore } from '../shared/row-store.ts';
import type { SortKey } from './settings.ts';

/** Compares two rows by the keys (NULLs first; descending keys reversed). */
export type RowComparator = (a: number, b: number) => number;

/** A comparator over the rows of a store. */
export function rowComparator(store: RowStore, keys: readonly SortKey[]): RowComparator {
  const parts = keys.map((k) => keyComparator(store.values[k.column]!, k.flags, k.descending));
  if (parts.length === 1) return parts[0]!;
  return (a, b) => {
    for (const p of parts) {
      const c = p(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function keyComparator(values: readonly unknown[], flags: number, descending: boolean): RowComparator {
  const sign = descending ? -1 : 1;
  const n = values.length;
  const first = values.find((v) => v !== null);
  if (typeof first === 'string' || first === undefined) {
    const ranks = rankStrings(values as (string | undefined)[], collatorFor(flags));
    const r = new Int32Array(n);
    for (let i = 0; i < n; i++) r[i] = values[i] === null ? -1 : ranks.get(values[i] as string)!;
    return (a, b) => sign * (r[a]! - r[b]!);
  }
  if (typeof first === 'number') {
    const x = new Float64Array(n);
    const nul = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (values[i] === null) nul[i] = 1;
      else x[i] = values[i] as number;
    }
    return (a, b) => {
      if (nul[a] || nul[b]) return sign * (nul[b]! - nul[a]!);
      return sign * (x[a]! < x[b]! ? -1 : x[a]! > x[b]! ? 1 : 0);
    };
  }
  const collator = collatorFor(flags);
  return (a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va === null || vb === null) return sign * ((va === null ? 0 : 1) - (vb === null ? 0 : 1));
    return sign * compareValues(va, vb, collator);
  };
}

/** The row order of a store under the keys (stable). */
export function sortedOrder(store: RowStore, keys: readonly SortKey[]): Int32Array {
  const n = store.length;
  const first = keys[0];
  const firstValues = first ? store.values[first.column]! : [];
  // A string first key with few distinct values (countries, codes): counting sort on its ranks, then the other keys per bucket.
  if (first && n > 1024 && typeof firstValues.find((v) => v !== null) === 'string') {
    const ranks = rankStrings(firstValues as (string | undefined)[], collatorFor(first.flags));
    let buckets = 0;
    for (const r of ranks.values()) buckets = Math.max(buckets, r + 2);
    if (buckets <= n / 4) return bucketOrder(store, keys, firstValues, ranks, buckets);
  }
  const cmp = rowComparator(store, keys);
  const idx = new Int32Array(n);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => cmp(a, b) || a - b);
}

/** Counting sort on the first key's ranks (NULL first), then each bucket by the remaining keys. */
function bucketOrder(store: RowStore, keys: readonly SortKey[], values: readonly unknown[], ranks: Map<string, number>, buckets: number): Int32Array {
  const n = values.length;
  const desc = keys[0]!.descending;
  const bucketOf = new Int32Array(n);
  const counts = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // Ascending: NULLs in bucket 0, rank r in r + 1. Descending reverses the whole order (NULLs last), as the comparator does.
    const rank = v === null ? -1 : ranks.get(v as string)!;
    const b = desc ? (v === null ? buckets - 1 : buckets - 2 - rank) : rank + 1;
    bucketOf[i] = b;
    counts[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
  const starts = counts.slice(0, buckets);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[counts[bucketOf[i]!]!++] = i;
  if (keys.length > 1) {
    const rest = rowComparator(store, keys.slice(1));
    for (let b = 0; b < buckets; b++) {
      const from = starts[b]!;
      const to = b + 1 < buckets ? starts[b + 1]! : n;
      if (to - from > 1) out.subarray(from, to).sort((x, y) => rest(x, y) || x - y);
    }
  }
  return out;
}

/** Compares two rows given as key values (for merging runs): NULLs first, descending reversed. */
export function compareKeyValues(a: readonly unknown[], b: readonly unknown[], keys: readonly SortKey[], collators: readonly Intl.Collator[]): number {
  for (let i = 0; i < keys.length; i++) {
    const va = a[i];
    const vb = b[i];
    let c: number;
    if (va === null || vb === null) c = (va === null ? 0 : 1) - (vb === null ? 0 : 1);
    else c = compareValues(va, vb, collators[i]!);
    if (c !== 0) return keys[i]!.descending ? -c : c;
  }
  return 0;
}
