/** @module Lineage references inside property values: 2008's `#123` and 2012's `#{refId}`. */

/** A string literal of the expression language (kept as written) or a `#123` lineage reference. */
const LITERAL_OR_LINEAGE = /"(?:[^"\\]|\\.)*"?|#(\d+)/g;

/**
 * Rewrites `#123` lineage references (2005/2008 expressions, ParameterMap lists) as `#{refId}` using the
 * data flow's lineage table; text inside string literals (`"Order #12"`) is left alone, and unknown IDs
 * are left as written and reported through `onMissing`.
 */
export function lineageRefsToRefIds(text: string, lineageIds: ReadonlyMap<number, string>, onMissing?: (id: number) => void): string {
  return text.replace(LITERAL_OR_LINEAGE, (whole, digits: string | undefined) => {
    if (digits === undefined) return whole;
    const refId = lineageIds.get(Number(digits));
    if (refId === undefined) {
      onMissing?.(Number(digits));
      return whole;
    }
    return `#{${refId}}`;
  });
}
