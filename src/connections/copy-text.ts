/** @module The tab-separated text both PostgreSQL `COPY … FROM STDIN` and MariaDB `LOAD DATA` read: `\N` for NULL, backslash escapes for tab, newline, CR and backslash. */
import { SsisDateTime, SsisDecimal } from '../types/index.ts';
import type { Row } from './driver.ts';
import { dateTimeText } from './values.ts';

/** How one database spells the values that differ. */
export interface CopyDialect {
  readonly booleanTrue: string;
  readonly booleanFalse: string;
  /** The database rejects `{…}` around GUIDs: a string that is exactly a braced GUID loses its braces. */
  readonly bareGuids?: boolean;
  /** Binary data as the database reads it in this text (already escaped). */
  bytes(b: Uint8Array): string;
}

/** PostgreSQL's text COPY format: bytea as `\\x…` hex. */
export const PG_COPY: CopyDialect = { booleanTrue: 't', booleanFalse: 'f', bytes: (b) => '\\\\x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex') };

/** MariaDB's LOAD DATA (FIELDS TERMINATED BY '\t' ESCAPED BY '\\'): binary as hex, turned back by UNHEX() in the statement. */
export const MYSQL_LOAD: CopyDialect = { booleanTrue: '1', booleanFalse: '0', bareGuids: true, bytes: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex') };

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIAL_ALL = /[\\\t\n\r\0]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/** Escapes a text value for the copy format (the common case — nothing to escape — costs one regex test). */
export function escapeCopyText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : s;
}

const BRACED_GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

/** True for a string that is exactly a GUID in SSIS's braced form. */
export function isBracedGuid(s: string): boolean {
  return s.length === 38 && s.charCodeAt(0) === 123 && BRACED_GUID.test(s);
}

/** One value in the copy format. */
export function copyValue(v: unknown, dialect: CopyDialect): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string': return dialect.bareGuids && isBracedGuid(v) ? v.slice(1, -1) : escapeCopyText(v);
    case 'number': return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    case 'bigint': return String(v);
    case 'boolean': return v ? dialect.booleanTrue : dialect.booleanFalse;
    default:
      if (v instanceof SsisDecimal) return v.toString();
      if (v instanceof SsisDateTime) return dateTimeText(v, v.offset !== 0, true);
      if (v instanceof Date) return v.toISOString();
      if (v instanceof Uint8Array) return dialect.bytes(v);
      return escapeCopyText(String(v));
  }
}

/** Rows as copy-format lines (tab between values, newline after each row). */
export function copyLines(rows: readonly Row[], dialect: CopyDialect): string {
  let out = '';
  for (const row of rows) {
    const n = row.length;
    for (let i = 0; i < n; i++) {
      if (i > 0) out += '\t';
      out += copyValue(row[i], dialect);
    }
    out += '\n';
  }
  return out;
}
