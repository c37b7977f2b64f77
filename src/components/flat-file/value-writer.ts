/** @module Formatting column values as flat file text, per column type (fast paths for strings and integers). */
import { dataType, formatValue, type TypeSpec } from '../../types/index.ts';

/** Formats a non-NULL value of a column. */
export type ValueFormatter = (value: unknown) => string;

/** The formatter for a column type. */
export function valueFormatter(t: TypeSpec): ValueFormatter {
  const info = dataType(t.type);
  if (info.js === 'string') return (v) => v as string;
  if (info.family === 'integer') return (v) => String(v);
  if (t.type === 'DT_R8') {
    return (v) => {
      const n = v as number;
      const a = Math.abs(n);
      // In plain-notation range: 15 significant digits without trailing zeros (what formatReal gives, without re-parsing).
      // When the shortest round-trip text has at most 15 digits this is that same text (a 15-digit step is wider than
      // the gap between a double and its shortest text), so one conversion serves both cases.
      if (a >= 1e-5 && a < 1e15) return stripZeros(n.toPrecision(15));
      // The shortest round-trip text is what SSIS writes whenever it has at most 15 significant digits.
      const s = String(n);
      if (s.length <= 15 || (s.length <= 17 && significantDigits(s) <= 15)) return s;
      return formatValue(v, t);
    };
  }
  return (v) => formatValue(v, t);
}

/** Significant digits of a plain decimal text (no exponent); 99 when it has an exponent. */
function significantDigits(s: string): number {
  if (s.includes('e')) return 99;
  let start = s.charCodeAt(0) === 45 ? 1 : 0;
  while (start < s.length && (s[start] === '0' || s[start] === '.')) start++;
  let n = 0;
  for (let i = start; i < s.length; i++) if (s[i] !== '.') n++;
  return n;
}

/** `14.8320000000000` → `14.832`, `120.000000000000` → `120`. */
function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}
