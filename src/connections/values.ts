/** @module Conversions shared by the drivers between database values and the SSIS engine's values (SsisDecimal, SsisDateTime, bigint, `{GUID}` strings). */
import { SsisDateTime, SsisDecimal, TICKS_PER_SECOND, civilFromDays, daysFromCivil, daysInMonth, type DataTypeName } from '../types/index.ts';

/** Reads a database value into the engine's representation of a DT_* type; identity when nothing needs doing. */
export type ValueReader = (value: unknown) => unknown;

const TIMESTAMP = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?\s*(?:(Z)|([+-])(\d\d)(?::?(\d\d))?)?(?:\s*BC)?$/;
const TIME = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(?:[+-]\d\d(?::?\d\d)?)?$/;

/** The number written by the digits text[from, to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parses `yyyy-mm-dd[ hh:mm[:ss[.f…]]][±hh[:mm]|Z]` or `hh:mm[:ss[.f…]]` text as databases print it; undefined when not a date/time. */
export function dateTimeFromText(text: string): SsisDateTime | undefined {
  const n = text.length;
  if ((n === 10 || n === 19) && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    // The common cases, `yyyy-mm-dd` and `yyyy-mm-dd hh:mm:ss`, without a regular expression.
    const y = digits(text, 0, 4), mo = digits(text, 5, 7), d = digits(text, 8, 10);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
      if (n === 10) return new SsisDateTime(daysFromCivil(y, mo, d), 0);
      const h = digits(text, 11, 13), mi = digits(text, 14, 16), se = digits(text, 17, 19);
      if (text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && se >= 0 && se < 60) {
        return new SsisDateTime(daysFromCivil(y, mo, d), ((h * 60 + mi) * 60 + se) * TICKS_PER_SECOND);
      }
    }
  }
  let m = TIMESTAMP.exec(text);
  if (m) {
    const fraction = m[7] ? Number(m[7].padEnd(9, '0').slice(0, 7)) : 0;
    const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) : 0;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return undefined;
    return SsisDateTime.of(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fraction, offset);
  }
  m = TIME.exec(text);
  if (m) {
    const fraction = m[4] ? Number(m[4].padEnd(9, '0').slice(0, 7)) : 0;
    return SsisDateTime.of(1970, 1, 1, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), fraction);
  }
  return undefined;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const pad2 = (n: number): string => (n < 10 ? '0' + n : '' + n);

/** `yyyy-mm-dd` texts by day number: data repeats dates a lot, and formatting one is the costly part. */
const DAY_TEXT = new Map<number, string>();

function dayText(day: number): string {
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    const { year, month, day: d } = civilFromDays(day);
    text = `${year < 1000 ? pad(year, 4) : year}-${pad2(month)}-${pad2(d)}`;
    if (DAY_TEXT.size >= 50_000) DAY_TEXT.clear();
    DAY_TEXT.set(day, text);
  }
  return text;
}

/** `yyyy-mm-dd hh:mm:ss[.fffffff]` (trailing zero digits dropped; a date alone when `dateOnly` and there is no time), with `±hh:mm` when `withOffset`. */
export function dateTimeText(v: SsisDateTime, withOffset = false, dateOnly = false): string {
  const date = dayText(v.day);
  if (dateOnly && v.tick === 0 && !withOffset) return date;
  const t = v.tick;
  const seconds = Math.floor(t / TICKS_PER_SECOND);
  const fraction = t - seconds * TICKS_PER_SECOND;
  let text = `${date} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (fraction !== 0) text += '.' + pad(fraction, 7).replace(/0+$/, '');
  if (!withOffset) return text;
  const o = Math.abs(v.offset);
  return `${text}${v.offset < 0 ? '-' : '+'}${pad2(Math.floor(o / 60))}:${pad2(o % 60)}`;
}

/** A GUID in SSIS's form: upper case in braces. */
export function guidText(value: string): string {
  const bare = value.replace(/[{}]/g, '').toUpperCase();
  return `{${bare}}`;
}

/** A GUID without braces, as most databases take it. */
export function bareGuid(value: string): string {
  return value.replace(/[{}]/g, '');
}

function toText(v: unknown): string {
  return typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
}

/** The reader that turns a database value into the engine's value for a DT_* type (numbers, text and bytes pass through). */
export function readerFor(type: DataTypeName, scale?: number): ValueReader | undefined {
  switch (type) {
    case 'DT_I1': case 'DT_I2': case 'DT_I4': case 'DT_UI1': case 'DT_UI2': case 'DT_UI4': case 'DT_R4': case 'DT_R8':
      return (v) => (v === null || typeof v === 'number' ? v : Number(v));
    case 'DT_I8': case 'DT_UI8':
      return (v) => (v === null || typeof v === 'bigint' ? v : BigInt(typeof v === 'number' ? Math.trunc(v) : toText(v)));
    case 'DT_NUMERIC': case 'DT_DECIMAL': case 'DT_CY':
      return (v) => {
        if (v === null || v instanceof SsisDecimal) return v;
        const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : toText(v);
        const d = plainDecimal(text) ?? SsisDecimal.parse(text.replace(/[$,]/g, ''));
        if (!d) return v;
        return scale === undefined || type === 'DT_DECIMAL' ? d.rescale(Math.max(d.scale, 0)) : d.rescale(type === 'DT_CY' ? 4 : scale);
      };
    case 'DT_BOOL':
      return (v) => (v === null || typeof v === 'boolean' ? v : v === 't' || v === 'true' || v === 'TRUE' ? true : v === 'f' || v === 'false' || v === 'FALSE' ? false : Number(v) !== 0);
    case 'DT_GUID':
      return (v) => (v === null ? v : guidText(Buffer.isBuffer(v) && v.length === 16 ? guidFromBytes(v) : toText(v)));
    case 'DT_DATE': case 'DT_DBDATE': case 'DT_DBTIME': case 'DT_DBTIME2': case 'DT_DBTIMESTAMP': case 'DT_DBTIMESTAMP2': case 'DT_DBTIMESTAMPOFFSET': case 'DT_FILETIME':
      return (v) => {
        if (v === null || v instanceof SsisDateTime) return v;
        if (v instanceof Date) return SsisDateTime.fromDate(v, true);
        if (typeof v === 'number' || typeof v === 'bigint') return SsisDateTime.fromDate(new Date(Number(v) * 1000), true);
        return dateTimeFromText(toText(v)) ?? v;
      };
    case 'DT_STR': case 'DT_WSTR': case 'DT_TEXT': case 'DT_NTEXT':
      return (v) => (v === null || typeof v === 'string' ? v : toText(v));
    default:
      return undefined;
  }
}

/** `-123.45` style text as a decimal without a regular expression; undefined for anything else (exponents, `$`, …). */
function plainDecimal(text: string): SsisDecimal | undefined {
  const n = text.length;
  const i = text.charCodeAt(0) === 45 ? 1 : 0;
  let dot = -1;
  if (i >= n) return undefined;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 46 && dot < 0) dot = j;
    else if (c < 48 || c > 57) return undefined;
  }
  if (dot < 0) return new SsisDecimal(BigInt(text), 0);
  if (dot === i || dot === n - 1) return undefined;
  return new SsisDecimal(BigInt(text.slice(0, dot) + text.slice(dot + 1)), n - dot - 1);
}

function guidFromBytes(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Applies per-column readers to rows in place (columns without a reader are left alone). */
export function readRows(rows: unknown[][], readers: readonly (ValueReader | undefined)[]): unknown[][] {
  const active: [number, ValueReader][] = [];
  readers.forEach((r, i) => { if (r) active.push([i, r]); });
  if (active.length === 0) return rows;
  for (const row of rows) {
    for (const [i, r] of active) {
      const v = row[i];
      if (v !== null && v !== undefined) row[i] = r(v);
    }
  }
  return rows;
}

/**
 * An engine value as a plain JavaScript value a driver can bind: SsisDecimal → its exact text, SsisDateTime →
 * `yyyy-mm-dd hh:mm:ss.f…` (with the offset when it has one), a Date → its UTC clock with `+00:00`, other values unchanged.
 */
export function plainValue(v: unknown): unknown {
  if (v instanceof SsisDecimal) return v.toString();
  if (v instanceof SsisDateTime) return dateTimeText(v, v.offset !== 0);
  // A JavaScript Date is an instant: sent as its UTC clock with the +00:00 offset.
  if (v instanceof Date) return dateTimeText(SsisDateTime.fromDate(v, true), true);
  if (v === undefined) return null;
  return v;
}
