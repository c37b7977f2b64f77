/** @module Lineage references inside property values: 2008's `#123` and 2012's `#{refId}`. */

/**
 * Rewrites `#123` lineage references (2005/2008 expressions, ParameterMap lists) as `#{refId}` using the
 * data flow's lineage table; unknown IDs are left as written and reported through `onMissing`.
 */
export function lineageRefsToRefIds(text: string, lineageIds: ReadonlyMap<number, string>, onMissing?: (id: number) => void): string {
  return text.replace(/#(\d+)/g, (whole, digits: string) => {
    const refId = lineageIds.get(Number(digits));
    if (refId === undefined) {
      onMissing?.(Number(digits));
      return whole;
    }
    return `#{${refId}}`;
  });
}
