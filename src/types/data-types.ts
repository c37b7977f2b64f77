/** @module The table of SSIS data types (DT_*): enum codes, .dtsx spellings, ranges, length and precision limits, and JS representation. */

/** Every SSIS data type name. */
export type DataTypeName =
  | 'DT_EMPTY' | 'DT_NULL' | 'DT_I1' | 'DT_I2' | 'DT_I4' | 'DT_I8' | 'DT_UI1' | 'DT_UI2' | 'DT_UI4' | 'DT_UI8'
  | 'DT_R4' | 'DT_R8' | 'DT_CY' | 'DT_DECIMAL' | 'DT_NUMERIC' | 'DT_BOOL' | 'DT_GUID' | 'DT_BYTES' | 'DT_STR' | 'DT_WSTR'
  | 'DT_DATE' | 'DT_DBDATE' | 'DT_DBTIME' | 'DT_DBTIME2' | 'DT_DBTIMESTAMP' | 'DT_DBTIMESTAMP2' | 'DT_DBTIMESTAMPOFFSET'
  | 'DT_FILETIME' | 'DT_IMAGE' | 'DT_TEXT' | 'DT_NTEXT';

/** The broad family a type belongs to; operators and casts are defined per family. */
export type TypeFamily = 'null' | 'integer' | 'real' | 'decimal' | 'boolean' | 'guid' | 'bytes' | 'string' | 'date' | 'time' | 'blob';

/**
 * How a value of the type is held in JavaScript:
 * `number` (integers up to 32 bits, reals), `bigint` (I8/UI8), `decimal` ({@link SsisDecimal}: NUMERIC, DECIMAL, CY),
 * `boolean`, `string` (strings, text, GUID as `{XXXXXXXX-…}`), `bytes` (Uint8Array), `datetime` ({@link SsisDateTime}).
 * NULL is always `null`.
 */
export type JsRepresentation = 'none' | 'number' | 'bigint' | 'decimal' | 'boolean' | 'string' | 'bytes' | 'datetime';

/** The parameters a type takes in a cast or a column definition. */
export type TypeParameter = 'length' | 'codePage' | 'precision' | 'scale';

/** Everything known about one DT_* type. */
export interface DataTypeInfo {
  readonly name: DataTypeName;
  /** `Microsoft.SqlServer.Dts.Runtime.Wrapper.DataType` value (also the VARIANT type code where they coincide). */
  readonly code: number;
  /** The `dataType=` spelling on pipeline columns in .dtsx; undefined where SSIS has none. */
  readonly dtsx?: string;
  readonly family: TypeFamily;
  readonly js: JsRepresentation;
  /** Parameters in the order a cast takes them, e.g. DT_STR: length, codePage. */
  readonly castParameters: readonly TypeParameter[];
  /** Inclusive range of integer types. */
  readonly min?: bigint;
  readonly max?: bigint;
  /** Largest length (characters for DT_WSTR, bytes for DT_STR/DT_BYTES). */
  readonly maxLength?: number;
  /** Largest precision (NUMERIC 38, DECIMAL 29, CY 19). */
  readonly maxPrecision?: number;
  /** Largest scale (NUMERIC 38, DECIMAL 28, CY fixed 4, fractional-second digits for date/time types). */
  readonly maxScale?: number;
  /** Size in bytes of a fixed-width value. */
  readonly byteSize?: number;
  /** Whether this is a signed integer type (bitwise operators and unary minus care). */
  readonly signed?: boolean;
  readonly description: string;
}

const I = (name: DataTypeName, code: number, dtsx: string, bits: number, signed: boolean, description: string): DataTypeInfo => ({
  name, code, dtsx, family: 'integer', js: bits > 32 ? 'bigint' : 'number', castParameters: [],
  min: signed ? -(1n << BigInt(bits - 1)) : 0n,
  max: signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n,
  byteSize: bits / 8, signed, description,
});

/** The table, in enum order. */
export const DATA_TYPES: readonly DataTypeInfo[] = [
  { name: 'DT_EMPTY', code: 0, dtsx: 'empty', family: 'null', js: 'none', castParameters: [], description: 'no value' },
  { name: 'DT_NULL', code: 1, family: 'null', js: 'none', castParameters: [], description: 'NULL' },
  I('DT_I2', 2, 'i2', 16, true, 'two-byte signed integer'),
  I('DT_I4', 3, 'i4', 32, true, 'four-byte signed integer'),
  { name: 'DT_R4', code: 4, dtsx: 'r4', family: 'real', js: 'number', castParameters: [], byteSize: 4, signed: true, description: 'single-precision floating point' },
  { name: 'DT_R8', code: 5, dtsx: 'r8', family: 'real', js: 'number', castParameters: [], byteSize: 8, signed: true, description: 'double-precision floating point' },
  { name: 'DT_CY', code: 6, dtsx: 'cy', family: 'decimal', js: 'decimal', castParameters: [], maxPrecision: 19, maxScale: 4, byteSize: 8, signed: true,
    min: -9223372036854775808n, max: 9223372036854775807n, description: 'currency: 8-byte integer scaled by 10^4' },
  { name: 'DT_DATE', code: 7, dtsx: 'date', family: 'date', js: 'datetime', castParameters: [], maxScale: 7, byteSize: 8, description: 'OLE Automation date (days since 1899-12-30)' },
  { name: 'DT_BOOL', code: 11, dtsx: 'bool', family: 'boolean', js: 'boolean', castParameters: [], byteSize: 2, description: 'Boolean' },
  { name: 'DT_DECIMAL', code: 14, dtsx: 'decimal', family: 'decimal', js: 'decimal', castParameters: ['scale'], maxPrecision: 29, maxScale: 28, byteSize: 12, signed: true,
    min: -(2n ** 96n - 1n), max: 2n ** 96n - 1n, description: '12-byte unsigned integer with sign and scale 0-28' },
  I('DT_I1', 16, 'i1', 8, true, 'one-byte signed integer'),
  I('DT_UI1', 17, 'ui1', 8, false, 'one-byte unsigned integer'),
  I('DT_UI2', 18, 'ui2', 16, false, 'two-byte unsigned integer'),
  I('DT_UI4', 19, 'ui4', 32, false, 'four-byte unsigned integer'),
  I('DT_I8', 20, 'i8', 64, true, 'eight-byte signed integer'),
  I('DT_UI8', 21, 'ui8', 64, false, 'eight-byte unsigned integer'),
  { name: 'DT_FILETIME', code: 64, dtsx: 'fileTime', family: 'date', js: 'datetime', castParameters: [], maxScale: 3, byteSize: 8, description: '100-ns ticks since 1601-01-01' },
  { name: 'DT_GUID', code: 72, dtsx: 'guid', family: 'guid', js: 'string', castParameters: [], byteSize: 16, description: 'globally unique identifier' },
  { name: 'DT_BYTES', code: 128, dtsx: 'bytes', family: 'bytes', js: 'bytes', castParameters: ['length'], maxLength: 8000, description: 'binary data, at most 8000 bytes' },
  { name: 'DT_STR', code: 129, dtsx: 'str', family: 'string', js: 'string', castParameters: ['length', 'codePage'], maxLength: 8000, description: 'ANSI/MBCS string, at most 8000 bytes' },
  { name: 'DT_WSTR', code: 130, dtsx: 'wstr', family: 'string', js: 'string', castParameters: ['length'], maxLength: 4000, description: 'Unicode string, at most 4000 characters' },
  { name: 'DT_NUMERIC', code: 131, dtsx: 'numeric', family: 'decimal', js: 'decimal', castParameters: ['precision', 'scale'], maxPrecision: 38, maxScale: 38, byteSize: 16, signed: true,
    min: -(10n ** 38n - 1n), max: 10n ** 38n - 1n, description: 'exact numeric, precision 1-38, scale 0-precision' },
  { name: 'DT_DBDATE', code: 133, dtsx: 'dbDate', family: 'date', js: 'datetime', castParameters: [], maxScale: 0, description: 'date: year, month, day' },
  { name: 'DT_DBTIME', code: 134, dtsx: 'dbTime', family: 'time', js: 'datetime', castParameters: [], maxScale: 0, description: 'time: hour, minute, second' },
  { name: 'DT_DBTIMESTAMP', code: 135, dtsx: 'dbTimeStamp', family: 'date', js: 'datetime', castParameters: [], maxScale: 3, description: 'date and time, fraction to 3 digits, 1753-9999' },
  { name: 'DT_DBTIME2', code: 145, dtsx: 'dbTime2', family: 'time', js: 'datetime', castParameters: ['scale'], maxScale: 7, description: 'time with 0-7 fractional digits' },
  { name: 'DT_DBTIMESTAMPOFFSET', code: 146, dtsx: 'dbTimeStampOffset', family: 'date', js: 'datetime', castParameters: ['scale'], maxScale: 7, description: 'date and time with 0-7 fractional digits and a time-zone offset' },
  { name: 'DT_IMAGE', code: 301, dtsx: 'image', family: 'blob', js: 'bytes', castParameters: [], maxLength: 2 ** 31 - 1, description: 'binary large object' },
  { name: 'DT_TEXT', code: 302, dtsx: 'text', family: 'blob', js: 'string', castParameters: ['codePage'], maxLength: 2 ** 31 - 1, description: 'ANSI/MBCS text large object' },
  { name: 'DT_NTEXT', code: 303, dtsx: 'nText', family: 'blob', js: 'string', castParameters: [], maxLength: 2 ** 30 - 1, description: 'Unicode text large object' },
  { name: 'DT_DBTIMESTAMP2', code: 304, dtsx: 'dbTimeStamp2', family: 'date', js: 'datetime', castParameters: ['scale'], maxScale: 7, description: 'date and time with 0-7 fractional digits, 0001-9999' },
];

const BY_NAME = new Map(DATA_TYPES.map((t) => [t.name, t]));
const BY_CODE = new Map(DATA_TYPES.map((t) => [t.code, t]));
const BY_DTSX = new Map(DATA_TYPES.filter((t) => t.dtsx).map((t) => [t.dtsx!.toLowerCase(), t]));

/** The info of a type by name. */
export function dataType(name: DataTypeName): DataTypeInfo {
  return BY_NAME.get(name)!;
}

/** The type named `name` (case-insensitive, with or without the `DT_` prefix), if any. */
export function findDataType(name: string): DataTypeInfo | undefined {
  const upper = name.trim().toUpperCase();
  return BY_NAME.get((upper.startsWith('DT_') ? upper : `DT_${upper}`) as DataTypeName);
}

/** The type of a `DataType` enum code (e.g. 3 → DT_I4, 130 → DT_WSTR), if any. */
export function dataTypeOfCode(code: number): DataTypeInfo | undefined {
  return BY_CODE.get(code);
}

/** The type of a .dtsx pipeline spelling (`i4`, `wstr`, `dbTimeStamp`; case-insensitive), if any. */
export function dataTypeOfDtsx(spelling: string): DataTypeInfo | undefined {
  return BY_DTSX.get(spelling.trim().toLowerCase());
}

/** True for the integer types (signed and unsigned). */
export function isInteger(name: DataTypeName): boolean {
  return dataType(name).family === 'integer';
}

/** True for every type numeric operators accept: integers, reals, NUMERIC, DECIMAL, CY. */
export function isNumeric(name: DataTypeName): boolean {
  const f = dataType(name).family;
  return f === 'integer' || f === 'real' || f === 'decimal';
}

/** True for DT_STR and DT_WSTR. */
export function isString(name: DataTypeName): boolean {
  return name === 'DT_STR' || name === 'DT_WSTR';
}

/** True for the date and time types (DT_DATE, DT_DBDATE, DT_DBTIME(2), DT_DBTIMESTAMP(2/OFFSET), DT_FILETIME). */
export function isDateTime(name: DataTypeName): boolean {
  const f = dataType(name).family;
  return f === 'date' || f === 'time';
}
