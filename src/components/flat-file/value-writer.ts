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
      return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : formatValue(n, t);
    };
  }
  return (v) => formatValue(v, t);
}
