/** @module Turning flat file fields (byte ranges) into typed column values, with fast paths that never build strings for numbers and ISO dates. */
import { convertValue, dataType, SsisDateTime, SsisDecimal, type ColumnVector, type TypeSpec } from '../../types/index.ts';

/** Outcome of storing one field. */
export const STORED = 0;
/** The text could not be converted to the column's type. */
export const CONVERSION_ERROR = 1;
/** The text is longer than the column (the truncated value was stored). */
export const TRUNCATED = 2;

/** Decodes a byte range to text (code page handled by the caller). */
export type Decode = (buf: Uint8Array, start: number, end: number) => string;

/** Stores field `buf[start…end)` into `col` at `row`; returns STORED, CONVERSION_ERROR or TRUNCATED. */
export type FieldStore = (buf: Uint8Array, start: number, end: number, row: number, decode: Decode) => number;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const WSTR: TypeSpec = { type: 'DT_WSTR', length: 4000 };

/** Parses an integer (surrounding spaces/tabs, optional sign, ASCII digits); all spaces = 0; NaN when invalid. */
export function parseIntBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  if (s === e) return 0;
  let neg = false;
  if (buf[s] === 45 || buf[s] === 43) {
    neg = buf[s] === 45;
    s++;
    if (s === e) return NaN;
  }
  let v = 0;
  for (let k = s; k < e; k++) {
    const c = buf[k]! - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

/** Parses a decimal real: exact for up to 15 significant digits without exponent; else undefined (use Number on the text). */
export function parseRealBytes(buf: Uint8Array, s: number, e: number): number | undefined {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (s === e) return undefined;
  let neg = false;
  if (buf[s] === 45 || buf[s] === 43) {
    neg = buf[s] === 45;
    s++;
  }
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (let k = s; k < e; k++) {
    const b = buf[k]!;
    if (b === 46 && frac < 0) {
      frac = 0;
      continue;
    }
    const c = b - 48;
    if (c < 0 || c > 9) return undefined;
    mant = mant * 10 + c;
    digits++;
    if (frac >= 0) frac++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = frac > 0 ? mant / POW10[frac]! : mant;
  return neg ? -v : v;
}

/** Parses `yyyy-mm-dd[( |T)hh:mm[:ss[.fffffff]]]` from bytes; undefined when the shape differs. */
export function parseIsoDateBytes(buf: Uint8Array, s: number, e: number): SsisDateTime | undefined {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  const len = e - s;
  if (len < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return undefined;
  const y = digitsAt(buf, s, 4);
  const mo = digitsAt(buf, s + 5, 2);
  const d = digitsAt(buf, s + 8, 2);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  if (len === 10) return plainDate(y, mo, d);
  const t = s + 11;
  if ((buf[s + 10] !== 32 && buf[s + 10] !== 84) || e - t < 5 || buf[t + 2] !== 58) return undefined;
  const h = digitsAt(buf, t, 2);
  const mi = digitsAt(buf, t + 3, 2);
  let sec = 0;
  let fraction = 0;
  let p = t + 5;
  if (p < e) {
    if (buf[p] !== 58 || e - p < 3) return undefined;
    sec = digitsAt(buf, p + 1, 2);
    p += 3;
    if (p < e) {
      if (buf[p] !== 46) return undefined;
      let digits = 0;
      for (p++; p < e; p++, digits++) {
        const c = buf[p]! - 48;
        if (c < 0 || c > 9 || digits >= 7) return undefined;
        fraction = fraction * 10 + c;
      }
      fraction *= 10 ** (7 - digits);
    }
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  return SsisDateTime.of(y, mo, d, h, mi, sec, fraction);
}

/** Recently parsed plain dates by `yyyymmdd`: files repeat dates, and values are immutable, so rows share one object. */
const PLAIN_DATES = new Map<number, SsisDateTime>();

/** The date-only value of a valid calendar date, shared between rows. */
function plainDate(y: number, mo: number, d: number): SsisDateTime {
  const key = y * 10000 + mo * 100 + d;
  let v = PLAIN_DATES.get(key);
  if (v === undefined) {
    v = SsisDateTime.of(y, mo, d);
    if (PLAIN_DATES.size >= 65536) PLAIN_DATES.clear();
    PLAIN_DATES.set(key, v);
  }
  return v;
}

/** The number written by `n` ASCII digits at `a`, or -1. */
function digitsAt(buf: Uint8Array, a: number, n: number): number {
  let v = 0;
  for (let k = a; k < a + n; k++) {
    const c = buf[k]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** True when the value has more fractional-second precision than the type keeps, or a time where only a date fits. */
function fitDate(v: SsisDateTime, t: TypeSpec): SsisDateTime {
  switch (t.type) {
    case 'DT_DBDATE':
      // A parsed plain date already is its date part (values are immutable): no second object per row.
      return v.tick === 0 && v.offset === 0 ? v : v.datePart();
    case 'DT_DBTIME':
      return v.timePart().truncateFraction(0);
    case 'DT_DBTIME2':
      return v.timePart().truncateFraction(t.scale ?? 7);
    case 'DT_DBTIMESTAMP':
      return v.truncateFraction(3);
    case 'DT_DBTIMESTAMP2':
    case 'DT_DBTIMESTAMPOFFSET':
      return v.truncateFraction(t.scale ?? 7);
    default:
      return v;
  }
}

/** Converts text through the types module; CONVERSION_ERROR or TRUNCATED on failure. */
function viaConvert(col: ColumnVector, row: number, text: string): number {
  try {
    (col.values as unknown[])[row] = convertValue(text, WSTR, col.type);
    col.nulls[row] = 0;
    return STORED;
  } catch (e) {
    col.nulls[row] = 1;
    return /TRUNCAT/i.test((e as { symbol?: string }).symbol ?? '') ? TRUNCATED : CONVERSION_ERROR;
  }
}

/** The store function for a column of type `col.type`. */
export function fieldStore(col: ColumnVector): FieldStore {
  const t = col.type;
  const info = dataType(t.type);
  const values = col.values as unknown[];
  const nulls = col.nulls;
  switch (info.family) {
    case 'integer':
      if (info.js === 'bigint') {
        return (buf, s, e, row, decode) => {
          const v = parseIntBytes(buf, s, e);
          if (Number.isSafeInteger(v)) {
            if (BigInt(v) < info.min! || BigInt(v) > info.max!) return fail(col, row);
            values[row] = BigInt(v);
            nulls[row] = 0;
            return STORED;
          }
          return viaConvert(col, row, decode(buf, s, e));
        };
      }
      return (buf, s, e, row) => {
        const v = parseIntBytes(buf, s, e);
        if (!(v >= Number(info.min!) && v <= Number(info.max!))) return fail(col, row);
        values[row] = v;
        nulls[row] = 0;
        return STORED;
      };
    case 'real':
      return (buf, s, e, row, decode) => {
        const v = parseRealBytes(buf, s, e);
        if (v === undefined) return viaConvert(col, row, decode(buf, s, e));
        values[row] = t.type === 'DT_R4' ? Math.fround(v) : v;
        nulls[row] = 0;
        return STORED;
      };
    case 'decimal':
      return (buf, s, e, row, decode) => {
        const d = SsisDecimal.parse(decode(buf, s, e));
        if (!d) return fail(col, row);
        return viaDecimal(col, row, d);
      };
    case 'date':
    case 'time':
      return (buf, s, e, row, decode) => {
        const v = parseIsoDateBytes(buf, s, e);
        if (v === undefined) return viaConvert(col, row, decode(buf, s, e));
        values[row] = fitDate(v, t);
        nulls[row] = 0;
        return STORED;
      };
    case 'boolean':
      return (buf, s, e, row, decode) => {
        const x = decode(buf, s, e).trim().toLowerCase();
        if (x === 'true' || x === '1' || x === '-1') values[row] = 1;
        else if (x === 'false' || x === '0') values[row] = 0;
        else return fail(col, row);
        nulls[row] = 0;
        return STORED;
      };
    case 'string':
    case 'blob': {
      const max = t.type === 'DT_STR' || t.type === 'DT_WSTR' ? t.length ?? 0 : 0;
      return (buf, s, e, row, decode) => {
        let text = decode(buf, s, e);
        nulls[row] = 0;
        // DT_STR lengths are bytes in the column's code page; text here is already decoded, so characters are
        // counted (exact for single-byte code pages).
        if (max > 0 && text.length > max) {
          text = text.slice(0, max);
          values[row] = text;
          return TRUNCATED;
        }
        values[row] = text;
        return STORED;
      };
    }
    default:
      return (buf, s, e, row, decode) => viaConvert(col, row, decode(buf, s, e));
  }
}

function viaDecimal(col: ColumnVector, row: number, d: SsisDecimal): number {
  try {
    (col.values as unknown[])[row] = convertValue(d, { type: 'DT_NUMERIC', precision: 38, scale: d.scale }, col.type);
    col.nulls[row] = 0;
    return STORED;
  } catch {
    return fail(col, row);
  }
}

function fail(col: ColumnVector, row: number): number {
  col.nulls[row] = 1;
  return CONVERSION_ERROR;
}

/** The value an empty field takes when RetainNulls is False: the type's default (empty string, zero, FALSE). */
export function storeEmptyDefault(col: ColumnVector, row: number): void {
  const info = dataType(col.type.type);
  const values = col.values as unknown[];
  switch (info.js) {
    case 'number':
      values[row] = 0;
      break;
    case 'bigint':
      values[row] = 0n;
      break;
    case 'decimal':
      values[row] = new SsisDecimal(0n, col.type.scale ?? 0);
      break;
    case 'boolean':
      values[row] = 0;
      break;
    case 'string':
      values[row] = '';
      break;
    case 'bytes':
      values[row] = new Uint8Array(0);
      break;
    default:
      // Dates and times: what SSIS stores for an empty field without RetainNulls is not documented; we store NULL.
      col.nulls[row] = 1;
      return;
  }
  col.nulls[row] = 0;
}
