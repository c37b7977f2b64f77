/** @module How a result is shown to users and in the conformance cases: the value as SSIS writes it, or NULL. */
import { formatTypeSpec, formatValue, type TypeSpec } from '../types/index.ts';

/** The value of a result as text (`NULL` for NULL, strings unquoted). */
export function displayValue(value: unknown, t: TypeSpec): string {
  return value === null || value === undefined ? 'NULL' : formatValue(value, t);
}

/** The value and its type as `opendts expr` prints them: `42 (DT_I4)`, `"abc" (DT_WSTR,3)`, `NULL (DT_BOOL)`. */
export function displayResult(value: unknown, t: TypeSpec): string {
  const text = displayValue(value, t);
  const shown = value !== null && typeof value === 'string' ? `"${text}"` : text;
  return `${shown} (${formatTypeSpec(t)})`;
}
