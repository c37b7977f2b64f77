/** @module SQLite declared column types (as written in CREATE TABLE, SQL Server names included) mapped to SSIS DT_* types. */
import type { DataTypeName } from '../data-type-name.ts';
import { parseNativeType, type MappedType } from '../type-names.ts';
import { plainValue } from '../values.ts';

const EXACT: Readonly<Record<string, DataTypeName>> = {
  INTEGER: 'DT_I8', BIGINT: 'DT_I8', INT8: 'DT_I8', INT: 'DT_I4', MEDIUMINT: 'DT_I4', INT4: 'DT_I4', SMALLINT: 'DT_I2', INT2: 'DT_I2',
  TINYINT: 'DT_UI1', BIT: 'DT_BOOL', BOOLEAN: 'DT_BOOL', BOOL: 'DT_BOOL',
  REAL: 'DT_R8', DOUBLE: 'DT_R8', 'DOUBLE PRECISION': 'DT_R8', FLOAT: 'DT_R8',
  MONEY: 'DT_CY', SMALLMONEY: 'DT_CY',
  DATE: 'DT_DBDATE', DATETIME: 'DT_DBTIMESTAMP', SMALLDATETIME: 'DT_DBTIMESTAMP', TIMESTAMP: 'DT_DBTIMESTAMP',
  DATETIME2: 'DT_DBTIMESTAMP2', TIME: 'DT_DBTIME2', DATETIMEOFFSET: 'DT_DBTIMESTAMPOFFSET',
  UNIQUEIDENTIFIER: 'DT_GUID', UUID: 'DT_GUID', GUID: 'DT_GUID',
  BLOB: 'DT_IMAGE', IMAGE: 'DT_IMAGE', TEXT: 'DT_WSTR', NTEXT: 'DT_NTEXT', CLOB: 'DT_NTEXT',
};

/**
 * Maps a declared type. SQLite keeps the name as written, so SQL Server spellings (`int`, `nvarchar(50)`,
 * `datetime2`) map as they would there; `INTEGER` is 64-bit (DT_I8); `TEXT` is SQLite's ordinary string
 * type and maps to DT_WSTR(4000). Unknown names follow SQLite's affinity rules.
 */
export function mapSqliteType(declared: string | null): MappedType {
  if (!declared) return { dataType: 'DT_WSTR', length: 4000 };
  const t = parseNativeType(declared);
  const [a, b] = t.args;
  if (t.base === 'NUMERIC' || t.base === 'DECIMAL') return { dataType: 'DT_NUMERIC', precision: a ?? 18, scale: b ?? 0 };
  if (/CHAR|VARYING/.test(t.base)) return { dataType: 'DT_WSTR', length: t.max ? 4000 : a ?? 4000 };
  if (/BINARY/.test(t.base)) return { dataType: 'DT_BYTES', length: t.max ? 8000 : a ?? 8000 };
  const exact = EXACT[t.base];
  if (exact === 'DT_WSTR') return { dataType: exact, length: 4000 };
  if (exact === 'DT_DBTIMESTAMP2' || exact === 'DT_DBTIME2' || exact === 'DT_DBTIMESTAMPOFFSET') return { dataType: exact, scale: a ?? 7 };
  if (exact) return { dataType: exact };
  // SQLite affinity rules (https://sqlite.org/datatype3.html §3.1), in their order.
  if (t.base.includes('INT')) return { dataType: 'DT_I8' };
  if (/CHAR|CLOB|TEXT/.test(t.base)) return { dataType: 'DT_WSTR', length: 4000 };
  if (t.base.includes('BLOB')) return { dataType: 'DT_IMAGE' };
  if (/REAL|FLOA|DOUB/.test(t.base)) return { dataType: 'DT_R8' };
  return { dataType: 'DT_NUMERIC', precision: 38, scale: 10 };
}

/** The type of a column SQLite cannot name (an expression), guessed from its first non-NULL value. */
export function typeOfValue(value: unknown): MappedType {
  if (typeof value === 'bigint') return { dataType: 'DT_I8' };
  if (typeof value === 'number') return Number.isInteger(value) ? { dataType: 'DT_I8' } : { dataType: 'DT_R8' };
  if (value instanceof Uint8Array) return { dataType: 'DT_IMAGE' };
  return { dataType: 'DT_WSTR', length: 4000 };
}

/** A value as better-sqlite3 binds it: Booleans as 1/0, decimals and dates as text, bytes as Buffer. */
export function sqliteValue(v: unknown): unknown {
  const p = plainValue(v);
  if (typeof p === 'boolean') return p ? 1 : 0;
  if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  return p;
}
