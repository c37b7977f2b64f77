/** @module How a value of each SSIS type is written as a string (casts to DT_WSTR/DT_STR, display). */
import { dataType } from './data-types.ts';
import { SsisDecimal } from './decimal.ts';
import { formatDateTime, SsisDateTime } from './date-time.ts';
import type { TypeSpec } from './type-spec.ts';

/** A double as OLE Automation writes it: `significant` digits, exponent form (`1E+20`) outside 1e-5 … 1e15. */
export function formatReal(v: number, significant: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'INF' : '-INF';
  if (v === 0) return '0';
  const rounded = Number(v.toPrecision(significant));
  const abs = Math.abs(rounded);
  if (abs >= 10 ** significant || abs < 1e-5) {
    const [mant, exp] = rounded.toExponential().split('e');
    const e = Number(exp);
    return `${mant.toUpperCase()}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(rounded);
}

/** Hex digits of bytes, lowercase, no prefix [unverified: SSIS's spelling of DT_BYTES as text]. */
export function bytesToHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** The text of a non-NULL value of type `t`. */
export function formatValue(value: unknown, t: TypeSpec): string {
  const info = dataType(t.type);
  switch (info.js) {
    case 'number':
      if (t.type === 'DT_R4') return formatReal(value as number, 7);
      if (t.type === 'DT_R8') return formatReal(value as number, 15);
      return String(value);
    case 'bigint': return String(value);
    case 'decimal': return (value as SsisDecimal).toString();
    case 'boolean': return value ? 'True' : 'False';
    case 'string': return value as string;
    case 'bytes': return bytesToHex(value as Uint8Array);
    case 'datetime': return formatDateTime(value as SsisDateTime, t.type, t.scale ?? info.maxScale ?? 0);
    default: return '';
  }
}
