/** @module Ordering values like the Sort transformation: NULLs first, numbers, exact decimals, dates, Booleans, bytes, and strings by a Windows-like linguistic collation. */
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';

/** Comparison flags (NORM_*): ignore case 0x1, ignore non-space (accents) 0x2. */
export const IGNORE_CASE = 0x1;
export const IGNORE_NONSPACE = 0x2;

/** A collator for a column's comparison flags. */
export function collatorFor(flags: number): Intl.Collator {
  const sensitivity = flags & IGNORE_CASE ? (flags & IGNORE_NONSPACE ? 'base' : 'accent') : flags & IGNORE_NONSPACE ? 'case' : 'variant';
  return new Intl.Collator('en', { sensitivity, usage: 'sort' });
}

/** Compares two non-NULL values of the same type; strings with `collator`. */
export function compareValues(a: unknown, b: unknown, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof SsisDecimal && b instanceof SsisDecimal) return a.compare(b);
  if (a instanceof SsisDateTime && b instanceof SsisDateTime) return a.compare(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Ranks the distinct strings of a column by the collation once, so rows can then be ordered by integers:
 * returns the rank of each value (equal under the collation = equal rank).
 */
export function rankStrings(values: readonly (string | undefined)[], collator: Intl.Collator): Map<string, number> {
  // One pass into a set (no filtered copy of every row); NULL cells hold null and get no rank.
  const set = new Set<string | null | undefined>(values);
  set.delete(undefined);
  set.delete(null);
  const distinct = ([...set] as string[]).sort((a, b) => collator.compare(a, b));
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collator.compare(distinct[i - 1]!, distinct[i]!) !== 0) rank++;
    ranks.set(distinct[i]!, rank);
  }
  return ranks;
}
