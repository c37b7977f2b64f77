/** @module SQL Server types mapped to SSIS DT_* types (as SSIS's OLE DB source maps them) and to tedious parameter/bulk-load types. */
import tedious from 'tedious';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { parseNativeType, type MappedType } from '../type-names.ts';
import { bareGuid } from '../values.ts';

const { TYPES } = tedious;
type TediousType = (typeof TYPES)[keyof typeof TYPES];

/**
 * Maps a SQL Server type (`INFORMATION_SCHEMA` name, or tedious metadata name) with its length (characters for
 * n-types; -1 = max), precision and scale. varchar → DT_STR, nvarchar → DT_WSTR, (n)varchar(max)/text/ntext/xml
 * → DT_TEXT/DT_NTEXT, varbinary(max)/image → DT_IMAGE, datetime/smalldatetime → DT_DBTIMESTAMP, datetime2 →
 * DT_DBTIMESTAMP2, money → DT_CY, rowversion → DT_BYTES(8).
 */
export function mapMssqlType(name: string, length?: number, precision?: number, scale?: number): MappedType {
  const n = name.toLowerCase();
  const max = length === -1;
  switch (n) {
    case 'bigint': return { dataType: 'DT_I8' };
    case 'int': return { dataType: 'DT_I4' };
    case 'smallint': return { dataType: 'DT_I2' };
    case 'tinyint': return { dataType: 'DT_UI1' };
    case 'bit': return { dataType: 'DT_BOOL' };
    case 'float': return { dataType: 'DT_R8' };
    case 'real': return { dataType: 'DT_R4' };
    case 'money': case 'smallmoney': return { dataType: 'DT_CY' };
    case 'decimal': case 'numeric': return { dataType: 'DT_NUMERIC', precision: precision ?? 18, scale: scale ?? 0 };
    case 'date': return { dataType: 'DT_DBDATE' };
    case 'time': return { dataType: 'DT_DBTIME2', scale: scale ?? 7 };
    case 'datetime': case 'smalldatetime': return { dataType: 'DT_DBTIMESTAMP' };
    case 'datetime2': return { dataType: 'DT_DBTIMESTAMP2', scale: scale ?? 7 };
    case 'datetimeoffset': return { dataType: 'DT_DBTIMESTAMPOFFSET', scale: scale ?? 7 };
    case 'uniqueidentifier': return { dataType: 'DT_GUID' };
    case 'char': case 'varchar': return max ? { dataType: 'DT_TEXT' } : { dataType: 'DT_STR', length: length ?? 1 };
    case 'nchar': case 'nvarchar': case 'sql_variant': case 'sysname': return max ? { dataType: 'DT_NTEXT' } : { dataType: 'DT_WSTR', length: length ?? 1 };
    case 'text': return { dataType: 'DT_TEXT' };
    case 'ntext': case 'xml': return { dataType: 'DT_NTEXT' };
    case 'binary': case 'varbinary': return max ? { dataType: 'DT_IMAGE' } : { dataType: 'DT_BYTES', length: length ?? 1 };
    case 'image': return { dataType: 'DT_IMAGE' };
    case 'timestamp': case 'rowversion': return { dataType: 'DT_BYTES', length: 8 };
    default: return { dataType: 'DT_WSTR', length: 4000 };
  }
}

/** What tedious tells about a result column. */
export interface TediousMetadata {
  readonly type: { readonly name: string };
  readonly dataLength?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly collation?: { readonly codepage?: string } | undefined;
}

const BY_LENGTH: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  intn: { 1: 'tinyint', 2: 'smallint', 4: 'int', 8: 'bigint' },
  floatn: { 4: 'real', 8: 'float' },
  moneyn: { 4: 'smallmoney', 8: 'money' },
  datetimen: { 4: 'smalldatetime', 8: 'datetime' },
};

/** The SQL Server type name of a tedious result column (`IntN` of 8 bytes → `bigint`, `NVarChar` → `nvarchar`). */
export function metadataTypeName(meta: TediousMetadata): string {
  const n = meta.type.name.toLowerCase();
  const sized = BY_LENGTH[n];
  if (sized) return sized[meta.dataLength ?? 0] ?? n.slice(0, -1);
  if (n === 'bitn' || n === 'decimaln' || n === 'numericn') return n.slice(0, -1);
  return n;
}

/** The DT_* type of a tedious result column (lengths of n-types counted in characters; DT_STR/DT_TEXT with their collation's code page). */
export function mapMetadata(meta: TediousMetadata): MappedType & { codePage?: number } {
  const name = metadataTypeName(meta);
  const bytes = meta.dataLength;
  const length = bytes === undefined || bytes === 0xffff || bytes > 0x7fffffff - 1 ? -1 : /^n(var)?char$/.test(name) ? bytes / 2 : bytes;
  const mapped = mapMssqlType(name, length, meta.precision, meta.scale);
  if (mapped.dataType !== 'DT_STR' && mapped.dataType !== 'DT_TEXT') return mapped;
  const cp = meta.collation?.codepage;
  return { ...mapped, codePage: cp === 'utf-8' ? 65001 : cp ? Number(cp.replace(/^CP/i, '')) : 1252 };
}

/** A column type for tedious's bulk load and parameters, with its options. */
export interface TediousColumnType {
  readonly type: TediousType;
  readonly options: { length?: number; precision?: number; scale?: number };
}

/** The tedious type to declare a table column with in a bulk load (by its SQL Server type name). */
export function tediousTypeOf(name: string, length?: number, precision?: number, scale?: number): TediousColumnType {
  const n = name.toLowerCase();
  const len = length === -1 ? Infinity : length;
  const byName: Readonly<Record<string, TediousType>> = {
    bigint: TYPES.BigInt, int: TYPES.Int, smallint: TYPES.SmallInt, tinyint: TYPES.TinyInt, bit: TYPES.Bit, float: TYPES.Float,
    real: TYPES.Real, money: TYPES.Money, smallmoney: TYPES.SmallMoney, decimal: TYPES.Decimal, numeric: TYPES.Numeric, date: TYPES.Date,
    time: TYPES.Time, datetime: TYPES.DateTime, smalldatetime: TYPES.SmallDateTime, datetime2: TYPES.DateTime2,
    datetimeoffset: TYPES.DateTimeOffset, uniqueidentifier: TYPES.UniqueIdentifier, char: TYPES.Char, varchar: TYPES.VarChar,
    nchar: TYPES.NChar, nvarchar: TYPES.NVarChar, text: TYPES.Text, ntext: TYPES.NText, xml: TYPES.Xml, binary: TYPES.Binary,
    varbinary: TYPES.VarBinary, image: TYPES.Image,
  };
  const type = byName[n] ?? TYPES.NVarChar;
  const options: TediousColumnType['options'] = {};
  if (/char|binary/.test(n)) options.length = len ?? 4000;
  if (n === 'decimal' || n === 'numeric') Object.assign(options, { precision: precision ?? 18, scale: scale ?? 0 });
  if (/^(time|datetime2|datetimeoffset)$/.test(n)) options.scale = scale ?? 7;
  return { type, options };
}

/** A Date holding a value's UTC clock (tedious runs with useUTC). */
function utcDate(v: SsisDateTime): Date {
  const f = v.toUtc().fields;
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, Math.floor(f.fraction / 10_000)));
}

/**
 * How a JavaScript/engine value is sent as a parameter or bulk-load cell. Decimals travel as their exact text
 * (SQL Server converts nvarchar to the column's decimal), dates as datetime2/datetimeoffset (millisecond
 * precision through tedious), GUIDs in any form.
 */
export function tediousParameter(value: unknown): { type: TediousType; value: unknown; options?: TediousColumnType['options'] } {
  if (value === null || value === undefined) return { type: TYPES.NVarChar, value: null };
  switch (typeof value) {
    case 'number': return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? { type: TYPES.Int, value } : { type: TYPES.Float, value };
    case 'bigint': return { type: TYPES.BigInt, value: value.toString() };
    case 'boolean': return { type: TYPES.Bit, value };
    case 'string': return { type: TYPES.NVarChar, value };
    default:
      if (value instanceof SsisDecimal) return { type: TYPES.NVarChar, value: value.toString() };
      if (value instanceof SsisDateTime) return value.offset !== 0 ? { type: TYPES.DateTimeOffset, value: utcDate(value), options: { scale: 7 } } : { type: TYPES.DateTime2, value: utcDate(value), options: { scale: 7 } };
      if (value instanceof Date) return { type: TYPES.DateTime2, value, options: { scale: 7 } };
      if (value instanceof Uint8Array) return { type: TYPES.VarBinary, value: Buffer.from(value.buffer, value.byteOffset, value.byteLength) };
      return { type: TYPES.NVarChar, value: String(value) };
  }
}

/** A bulk-load cell for a column of a SQL Server type: engine values become what tedious expects. */
export function tediousCell(value: unknown, typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof SsisDecimal) return /money|decimal|numeric/i.test(typeName) ? value.toNumber() : value.toString();
  if (value instanceof SsisDateTime) return utcDate(value);
  if (typeof value === 'bigint') return /bigint/i.test(typeName) ? value.toString() : Number(value);
  if (typeof value === 'string' && /uniqueidentifier/i.test(typeName)) return bareGuid(value);
  return value;
}

/** A SQL Server type written out: `nvarchar(50)`, `varchar(max)`, `decimal(12,2)`, `datetime2(3)`, `int`. */
export function nativeTypeText(name: string, length?: number | null, precision?: number | null, scale?: number | null): string {
  const n = name.toLowerCase();
  if (/char|binary/.test(n) && !/^(text|ntext|image)$/.test(n) && length != null) return `${n}(${length === -1 ? 'max' : length})`;
  if ((n === 'decimal' || n === 'numeric') && precision != null) return `${n}(${precision},${scale ?? 0})`;
  if (/^(time|datetime2|datetimeoffset)$/.test(n) && scale != null) return `${n}(${scale})`;
  return n;
}

/** The parts of a type written by {@link nativeTypeText}. */
export function parseNativeColumn(text: string): { name: string; length?: number; precision?: number; scale?: number } {
  const t = parseNativeType(text);
  const name = t.base.toLowerCase();
  const [a, b] = t.args;
  if (/char|binary/.test(name)) return { name, length: t.max ? -1 : a };
  if (name === 'decimal' || name === 'numeric') return { name, precision: a, scale: b ?? 0 };
  if (/^(time|datetime2|datetimeoffset)$/.test(name)) return { name, scale: a };
  return { name };
}
