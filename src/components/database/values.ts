/** @module Values between database drivers and buffer columns: driver JS values in, pipeline representations out, and back. */
import { convertValue, dataType, dayText, formatValue, SsisDateTime, SsisDecimal, type ColumnVector, type TypeSpec } from '../../types/index.ts';

const WSTR: TypeSpec = { type: 'DT_WSTR', length: 4000 };

/** Stores a driver value into a column, converting to the column's representation; throws SsisError when it cannot. */
export function storeDriverValue(col: ColumnVector, row: number, v: unknown): void {
  if (v === null || v === undefined) {
    col.nulls[row] = 1;
    return;
  }
  col.nulls[row] = 0;
  (col.values as unknown[])[row] = pipelineValue(v, col.type);
}

/** A non-NULL driver value in the pipeline representation of type `t` (DT_BOOL as 1/0); throws SsisError when it cannot. */
export function pipelineValue(v: unknown, t: TypeSpec): unknown {
  const info = dataType(t.type);
  let out: unknown;
  switch (info.js) {
    case 'number':
      out = typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'bigint' ? Number(v) : convertValue(String(v), WSTR, t);
      break;
    case 'bigint':
      out = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : convertValue(String(v), WSTR, t);
      break;
    case 'decimal':
      out = convertValue(SsisDecimal.parse(String(v)) ?? String(v), typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' ? { type: 'DT_NUMERIC', precision: 38, scale: SsisDecimal.parse(String(v))?.scale ?? 0 } : WSTR, t);
      break;
    case 'boolean':
      out = typeof v === 'boolean' ? (v ? 1 : 0) : v === 1 || v === '1' || v === 't' || v === 'true' || v === 1n ? 1 : 0;
      break;
    case 'datetime':
      out = v instanceof Date ? SsisDateTime.fromDate(v, true) : v instanceof SsisDateTime ? v : convertValue(String(v), WSTR, t);
      break;
    case 'bytes':
      out = v instanceof Uint8Array ? v : Buffer.from(String(v));
      break;
    default:
      out = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : String(v);
  }
  return out;
}

/** Reads one cell of a column as a driver value (see `driverValue`). */
export type DriverReader = (col: ColumnVector, row: number) => unknown;

const plainCell: DriverReader = (col, row) => (col.nulls[row] === 1 ? null : (col.values as ArrayLike<unknown>)[row]);
const boolCell: DriverReader = (col, row) => (col.nulls[row] === 1 ? null : col.values[row] === 1);
const dateCell: DriverReader = (col, row) => (col.nulls[row] === 1 ? null : dayText((col.values[row] as SsisDateTime).day));

/**
 * The reader of `driverValue` specialised for a column type, chosen once per column: numbers, strings and bytes are
 * passed as they are, DT_BOOL as a Boolean, DT_DBDATE as its `yyyy-mm-dd` text; other types take `driverValue`.
 */
export function driverReader(t: TypeSpec): DriverReader {
  if (t.type === 'DT_BOOL') return boolCell;
  if (t.type === 'DT_DBDATE') return dateCell;
  const js = dataType(t.type).js;
  return js === 'number' || js === 'bigint' || js === 'string' || js === 'bytes' ? plainCell : driverValue;
}

/** A buffer value as a driver parameter: numbers, bigints, strings, Booleans, bytes; dates and decimals as text. */
export function driverValue(col: ColumnVector, row: number): unknown {
  if (col.nulls[row] === 1) return null;
  const v = (col.values as ArrayLike<unknown>)[row];
  const t = col.type;
  if (t.type === 'DT_BOOL') return v === 1;
  if (v instanceof SsisDecimal) return v.toString();
  if (v instanceof SsisDateTime) return formatValue(v, t);
  return v;
}
