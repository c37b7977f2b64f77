/** @module Conversions between SSIS types (`convertValue`): numbers, strings, dates, GUIDs and bytes, raising SsisError on failure, overflow and truncation. */
import type { ErrorLocation } from '../errors.ts';
import { dataType } from './data-types.ts';
import { SsisDecimal } from './decimal.ts';
import { parseDateTime, SsisDateTime } from './date-time.ts';
import { byteLengthIn, truncateToBytes } from './code-pages.ts';
import { conversionFailed, conversionOverflow, conversionTruncated } from './conversion-errors.ts';
import { formatValue } from './format-value.ts';
import { decimalShape, type TypeSpec } from './type-spec.ts';

/** Options of one conversion. */
export interface ConvertOptions {
  /** What a too-long string or byte array does: raise (the default) or cut silently (expression casts at run time). */
  readonly truncation?: 'error' | 'silent';
  /** The current date, used when a time becomes a date-time (SSIS fills in today). */
  readonly today?: () => SsisDateTime;
  /** Where the conversion happens, for error messages. */
  readonly location?: ErrorLocation;
}

const R4_MAX = 3.4028234663852886e38;
const CY_LIMIT = 9223372036854775807n;

/** Rounds half to even, as OLE Automation conversions from reals to integers do. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Converts a non-NULL value held in `from`'s JS representation into `to`'s representation.
 * NULL (`null`) converts to NULL. Throws SsisError (DTS_E_EXPREVALDATACONVERSIONFAILED, …OVERFLOW, …TRUNCATIONASERROR).
 */
export function convertValue(value: unknown, from: TypeSpec, to: TypeSpec, opts: ConvertOptions = {}): unknown {
  if (value === null || value === undefined) return null;
  const fail = () => conversionFailed(from, to, value, opts.location);
  const overflow = () => conversionOverflow(from, to, value, opts.location);
  const target = dataType(to.type);
  switch (target.family) {
    case 'integer': {
      const n = toBigInt(value, from, fail);
      if (n < target.min! || n > target.max!) throw overflow();
      return target.js === 'bigint' ? n : Number(n);
    }
    case 'real': {
      const n = toReal(value, from, fail);
      if (to.type === 'DT_R4') {
        if (Number.isFinite(n) && Math.abs(n) > R4_MAX) throw overflow();
        return Math.fround(n);
      }
      return n;
    }
    case 'decimal': {
      const { precision, scale } = decimalShape(to);
      const d = toDecimal(value, from, scale, fail, overflow).rescale(scale);
      if (to.type === 'DT_CY' ? d.unscaled > CY_LIMIT || d.unscaled < -CY_LIMIT - 1n : d.digits > precision && d.unscaled !== 0n) throw overflow();
      return d;
    }
    case 'boolean': return toBoolean(value, from, fail);
    case 'string': case 'blob':
      if (to.type === 'DT_IMAGE') return toBytes(value, from, undefined, fail, opts, to);
      // A binary large object becomes text by decoding its bytes (UTF-16LE for DT_NTEXT) [inferred].
      if (from.type === 'DT_IMAGE') return Buffer.from(value as Uint8Array).toString(to.type === 'DT_NTEXT' ? 'utf16le' : 'latin1');
      return fitString(formatValue(value, from), to, opts);
    case 'guid': return toGuid(value, from, fail);
    case 'bytes': return toBytes(value, from, to.length, fail, opts, to);
    case 'date': case 'time': return toDateTime(value, from, to, fail, overflow, opts);
    default: throw fail();
  }
}

/** Cuts or rejects a string longer than the target's length (characters for DT_WSTR, bytes of the code page for DT_STR). */
export function fitString(s: string, to: TypeSpec, opts: ConvertOptions = {}): string {
  const limit = to.length;
  if (limit === undefined || limit <= 0) return s;
  if (to.type === 'DT_STR' ? byteLengthIn(s, to.codePage) <= limit : s.length <= limit) return s;
  if (opts.truncation === 'silent') return to.type === 'DT_STR' ? truncateToBytes(s, to.codePage, limit) : s.slice(0, limit);
  throw conversionTruncated(to, s, opts.location);
}

function toBigInt(value: unknown, from: TypeSpec, fail: () => Error): bigint {
  switch (dataType(from.type).js) {
    case 'number': {
      const v = value as number;
      if (!Number.isFinite(v)) throw fail();
      return BigInt(roundHalfEven(v));
    }
    case 'bigint': return value as bigint;
    case 'decimal': return (value as SsisDecimal).toBigIntRoundHalfEven();
    case 'boolean': return value ? -1n : 0n;
    case 'string': {
      const d = SsisDecimal.parse(value as string);
      if (!d) throw fail();
      return d.toBigIntRoundHalfEven();
    }
    case 'datetime': {
      const dt = value as SsisDateTime;
      if (from.type === 'DT_FILETIME') return dt.toFileTime();
      return BigInt(roundHalfEven(dt.toOleDate()));
    }
    case 'bytes': {
      const b = value as Uint8Array;
      let n = 0n;
      for (let i = Math.min(b.length, 8) - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]);
      return n;
    }
    default: throw fail();
  }
}

function toReal(value: unknown, from: TypeSpec, fail: () => Error): number {
  switch (dataType(from.type).js) {
    case 'number': return value as number;
    case 'bigint': return Number(value as bigint);
    case 'decimal': return (value as SsisDecimal).toNumber();
    case 'boolean': return value ? -1 : 0;
    case 'string': {
      const t = (value as string).trim();
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) throw fail();
      return Number(t);
    }
    case 'datetime': return (value as SsisDateTime).toOleDate();
    case 'bytes': {
      const b = value as Uint8Array;
      if (b.length < 4) throw fail();
      return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
    }
    default: throw fail();
  }
}

function toDecimal(value: unknown, from: TypeSpec, scale: number, fail: () => Error, overflow: () => Error): SsisDecimal {
  switch (dataType(from.type).js) {
    case 'number': {
      const v = value as number;
      if (!Number.isFinite(v)) throw overflow();
      return Number.isInteger(v) ? SsisDecimal.fromInteger(v) : SsisDecimal.fromNumber(v, Math.max(scale, 0));
    }
    case 'bigint': return SsisDecimal.fromInteger(value as bigint);
    case 'decimal': return value as SsisDecimal;
    case 'boolean': return SsisDecimal.fromInteger(value ? -1 : 0);
    case 'string': {
      const d = SsisDecimal.parse(value as string);
      if (!d) throw fail();
      return d;
    }
    case 'datetime': return SsisDecimal.fromNumber((value as SsisDateTime).toOleDate(), scale);
    default: throw fail();
  }
}

function toBoolean(value: unknown, from: TypeSpec, fail: () => Error): boolean {
  switch (dataType(from.type).js) {
    case 'number': return (value as number) !== 0;
    case 'bigint': return (value as bigint) !== 0n;
    case 'decimal': return (value as SsisDecimal).sign !== 0;
    case 'boolean': return value as boolean;
    case 'string': {
      const t = (value as string).trim().toLowerCase();
      if (t === 'true') return true;
      if (t === 'false') return false;
      const d = SsisDecimal.parse(t);
      if (d) return d.sign !== 0;
      throw fail();
    }
    case 'datetime': return (value as SsisDateTime).toOleDate() !== 0;
    default: throw fail();
  }
}

const GUID_RE = /^\s*\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})\}?\s*$/;

/** A GUID in SSIS's canonical text form `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, or undefined when not a GUID. */
export function normalizeGuid(text: string): string | undefined {
  const m = GUID_RE.exec(text);
  return m ? `{${m.slice(1).join('-').toUpperCase()}}` : undefined;
}

/** The 16 bytes of a GUID as Windows stores it (first three groups little-endian). */
export function guidToBytes(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  const b = Buffer.from(hex, 'hex');
  b.subarray(0, 4).reverse();
  b.subarray(4, 6).reverse();
  b.subarray(6, 8).reverse();
  return new Uint8Array(b);
}

function toGuid(value: unknown, from: TypeSpec, fail: () => Error): string {
  if (from.type === 'DT_GUID') return value as string;
  if (typeof value === 'string') return normalizeGuid(value) ?? (() => { throw fail(); })();
  if (value instanceof Uint8Array && value.length === 16) {
    const b = Buffer.from(value);
    b.subarray(0, 4).reverse();
    b.subarray(4, 6).reverse();
    b.subarray(6, 8).reverse();
    const h = b.toString('hex');
    return normalizeGuid(h)!;
  }
  throw fail();
}

function toBytes(value: unknown, from: TypeSpec, length: number | undefined, fail: () => Error, opts: ConvertOptions, to: TypeSpec): Uint8Array {
  const info = dataType(from.type);
  let out: Uint8Array;
  if (value instanceof Uint8Array) out = value;
  else if (from.type === 'DT_GUID') out = guidToBytes(value as string);
  else if (info.js === 'string') out = new Uint8Array(Buffer.from(value as string, 'utf16le'));
  else if (info.family === 'integer' || from.type === 'DT_R4') {
    const size = info.byteSize!;
    const dv = new DataView(new ArrayBuffer(size));
    if (from.type === 'DT_R4') dv.setFloat32(0, value as number, true);
    else if (size === 8) dv.setBigInt64(0, BigInt.asIntN(64, BigInt(value as number | bigint)), true);
    else writeSmall(dv, size, Number(value));
    out = new Uint8Array(dv.buffer);
  } else throw fail();
  if (length !== undefined && length > 0 && out.length > length) {
    if (opts.truncation !== 'silent') throw conversionTruncated(to, out, opts.location);
    out = out.slice(0, length);
  }
  return out;
}

function writeSmall(dv: DataView, size: number, n: number): void {
  if (size === 1) dv.setUint8(0, n & 0xff);
  else if (size === 2) dv.setUint16(0, n & 0xffff, true);
  else dv.setUint32(0, n >>> 0, true);
}

const MIN_DBTIMESTAMP_DAY = SsisDateTime.of(1753, 1, 1).day;
const MIN_DAY = SsisDateTime.of(1, 1, 1).day;
const MAX_DAY = SsisDateTime.of(9999, 12, 31).day;

function toDateTime(value: unknown, from: TypeSpec, to: TypeSpec, fail: () => Error, overflow: () => Error, opts: ConvertOptions): SsisDateTime {
  const info = dataType(from.type);
  let dt: SsisDateTime;
  let hasDate = true;
  let hasOffset = from.type === 'DT_DBTIMESTAMPOFFSET';
  if (info.js === 'datetime') {
    dt = value as SsisDateTime;
    hasDate = dataType(from.type).family === 'date';
  } else if (info.js === 'string') {
    const p = parseDateTime(value as string);
    if (!p) throw fail();
    // A string for a date-only or time-only type must not carry the other half's shape beyond what the type holds [inferred].
    dt = p.value;
    hasDate = p.hasDate;
    hasOffset = p.hasOffset;
  } else if (from.type === 'DT_I8' || from.type === 'DT_UI8') {
    dt = to.type === 'DT_FILETIME' ? SsisDateTime.fromFileTime(BigInt(value as bigint)) : SsisDateTime.fromOleDate(Number(value));
  } else if (info.family === 'integer' || info.family === 'real' || info.family === 'decimal' || info.family === 'boolean') {
    dt = SsisDateTime.fromOleDate(toReal(value, from, fail));
  } else throw fail();
  const targetFamily = dataType(to.type).family;
  if (to.type === 'DT_DBTIMESTAMPOFFSET') {
    if (!hasDate) dt = new SsisDateTime(today(opts).day, dt.tick, hasOffset ? dt.offset : 0);
    else if (!hasOffset) dt = new SsisDateTime(dt.day, dt.tick, 0);
    dt = dt.truncateFraction(to.scale ?? 7);
  } else {
    if (hasOffset) dt = dt.toUtc();
    if (targetFamily === 'time') {
      dt = dt.timePart().truncateFraction(to.type === 'DT_DBTIME' ? 0 : to.scale ?? 7);
      return dt;
    }
    if (!hasDate) dt = new SsisDateTime(today(opts).day, dt.tick);
    switch (to.type) {
      case 'DT_DBDATE': dt = dt.datePart(); break;
      case 'DT_DBTIMESTAMP': dt = dt.truncateFraction(3); break;
      case 'DT_DBTIMESTAMP2': dt = dt.truncateFraction(to.scale ?? 7); break;
      case 'DT_FILETIME': dt = dt.truncateFraction(3); break;
      default: break;
    }
  }
  const minDay = to.type === 'DT_DBTIMESTAMP' ? MIN_DBTIMESTAMP_DAY : MIN_DAY;
  if (dt.day < minDay || dt.day > MAX_DAY) throw overflow();
  return dt;
}

function today(opts: ConvertOptions): SsisDateTime {
  return opts.today ? opts.today() : SsisDateTime.fromDate(new Date());
}
