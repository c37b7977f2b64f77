/** @module SSIS's typing tables: the implicit numeric promotion table (§1.4), the legal-cast matrix (§1.5) and the date-family comparison ladder. */
import { dataType, isDateTime, typeSpec, type DataTypeName, type TypeSpec, decimalShape } from '../types/index.ts';

const NUM_ORDER: readonly DataTypeName[] = ['DT_I1', 'DT_I2', 'DT_I4', 'DT_I8', 'DT_UI1', 'DT_UI2', 'DT_UI4', 'DT_UI8', 'DT_R4', 'DT_R8', 'DT_CY', 'DT_DECIMAL', 'DT_NUMERIC'];
const ABBR: Record<string, DataTypeName | null> = {
  I1: 'DT_I1', I2: 'DT_I2', I4: 'DT_I4', I8: 'DT_I8', UI1: 'DT_UI1', UI2: 'DT_UI2', UI4: 'DT_UI4', UI8: 'DT_UI8',
  R4: 'DT_R4', R8: 'DT_R8', CY: 'DT_CY', NUM: 'DT_NUMERIC', X: null,
};
// Row = left operand, column = right operand, in NUM_ORDER; X = no implicit type (explicit cast required).
const PROMOTION_ROWS = [
  'I1 I2 I4 I8 I2 I4 I8 X R4 R8 NUM NUM NUM',
  'I2 I2 I4 I8 I2 I4 I8 X R4 R8 NUM NUM NUM',
  'I4 I4 I4 I8 I4 I4 I8 X R4 R8 NUM NUM NUM',
  'I8 I8 I8 I8 I8 I8 I8 X R4 R8 NUM NUM NUM',
  'I2 I2 I4 I8 UI1 UI2 UI4 UI8 R4 R8 NUM NUM NUM',
  'I4 I4 I4 I8 UI2 UI2 UI4 UI8 R4 R8 NUM NUM NUM',
  'I8 I8 I8 I8 UI4 UI4 UI4 UI8 R4 R8 NUM NUM NUM',
  'X X X X UI8 UI8 UI8 UI8 R4 R8 NUM NUM NUM',
  'R4 R4 R4 R4 R4 R4 R4 R4 R4 R8 R4 R4 R4',
  'R8 R8 R8 R8 R8 R8 R8 R8 R8 R8 R8 R8 R8',
  'NUM NUM NUM NUM NUM NUM NUM NUM R4 R8 CY NUM NUM',
  'NUM NUM NUM NUM NUM NUM NUM NUM R4 R8 NUM NUM NUM',
  'NUM NUM NUM NUM NUM NUM NUM NUM R4 R8 NUM NUM NUM',
].map((r) => r.split(' ').map((c) => ABBR[c]));

/** The promoted type of two numeric operand types, or undefined when SSIS requires an explicit cast. */
export function promote(left: DataTypeName, right: DataTypeName): DataTypeName | undefined {
  const r = NUM_ORDER.indexOf(left);
  const c = NUM_ORDER.indexOf(right);
  if (r < 0 || c < 0) return undefined;
  return PROMOTION_ROWS[r][c] ?? undefined;
}

/** Precision and scale of a NUMERIC result (T-SQL-like rules; SSIS does not document them [unverified]); undefined when more than 38 integer digits are needed. */
export function numericResultShape(op: string, a: TypeSpec, b: TypeSpec): { precision: number; scale: number } | undefined {
  const x = decimalShape(a);
  const y = decimalShape(b);
  let p: number;
  let s: number;
  switch (op) {
    case '*': p = x.precision + y.precision + 1; s = x.scale + y.scale; break;
    case '/': s = Math.max(6, x.scale + y.precision + 1); p = x.precision - x.scale + y.scale + s; break;
    case '%': s = Math.max(x.scale, y.scale); p = Math.min(x.precision - x.scale, y.precision - y.scale) + s; break;
    default: s = Math.max(x.scale, y.scale); p = Math.max(x.precision - x.scale, y.precision - y.scale) + s + 1; break;
  }
  if (p <= 38) return { precision: p, scale: s };
  const intDigits = p - s;
  if (intDigits > 38) return undefined;
  // Like T-SQL: keep at least min(scale, 6) fractional digits; values that then do not fit overflow at run time.
  return { precision: 38, scale: Math.max(38 - intDigits, Math.min(s, 6)) };
}

const CAST_COLUMNS = 'I1 I2 I4 R4 R8 CY DAT BOO NUM DEC UI1 UI2 UI4 I8 UI8 GUI BYT STR WST DBD DBT DT2 DTS TS2 TSO FIL IMG TXT NTX'.split(' ');
const CAST_NAMES: Record<string, DataTypeName> = {
  I1: 'DT_I1', I2: 'DT_I2', I4: 'DT_I4', R4: 'DT_R4', R8: 'DT_R8', CY: 'DT_CY', DAT: 'DT_DATE', BOO: 'DT_BOOL', NUM: 'DT_NUMERIC', DEC: 'DT_DECIMAL',
  UI1: 'DT_UI1', UI2: 'DT_UI2', UI4: 'DT_UI4', I8: 'DT_I8', UI8: 'DT_UI8', GUI: 'DT_GUID', BYT: 'DT_BYTES', STR: 'DT_STR', WST: 'DT_WSTR',
  DBD: 'DT_DBDATE', DBT: 'DT_DBTIME', DT2: 'DT_DBTIME2', DTS: 'DT_DBTIMESTAMP', TS2: 'DT_DBTIMESTAMP2', TSO: 'DT_DBTIMESTAMPOFFSET',
  FIL: 'DT_FILETIME', IMG: 'DT_IMAGE', TXT: 'DT_TEXT', NTX: 'DT_NTEXT',
};
// The legal-cast matrix as documented (rows = from, in CAST_COLUMNS order); Y legal, - illegal, = identity.
const CAST_ROWS = [
  '=YYYYYYYYYYYYYY--YYYY-Y------',
  'Y=YYYYYYYYYYYYY--YYYY-Y------',
  'YY=YYYYYYYYYYYY-YYYYY-Y------',
  'YYY=YYYYYYYYYYY--YYYY-Y------',
  'YYYY=YYYYYYYYYY--YYYY-Y------',
  'YYYYY=-YYYYYYYY--YY----------',
  'YYYYY-=YY-YYYYY--YYYYYYYY----',
  'YYYYYYY=YYYYYYY--YY----------',
  'YYYYYYYY=YYYYYY--YY----------',
  'YYYYYY-YY=YYYYY--YYYY-Y------',
  'YYYYYYYYYY=YYYY--YYYY-Y------',
  'YYYYYYYYYYY=YYY--YYYY-Y------',
  'YYYYYYYYYYYY=YY-YYYYY-Y------',
  'YYYYYY-YYYYYY=Y-YYY------Y---',
  'YYYYYY-YYYYYYY=-YYY------Y---',
  '---------------=YYY----------',
  '---Y--------YYYY=YY-------YYY',
  'YYYYYYYYYYYYYYYYY=YYYYYYYYYYY',
  'YYYYYYYYYYYYYYYYYY=YYYYYYYYYY',
  '------Y----------YY=YYYYYY---',
  '------Y----------YYY=YYYYY---',
  '------Y----------YYYY=YYYY---',
  '------Y----------YYYYY=YYY---',
  '------Y----------YYYYYY=YY---',
  '------Y----------YYYYYYY=Y---',
  '------Y------YY--YYYYYYYY=---',
  '----------------Y---------=YY',
  '-----------------Y--------Y=Y',
  '------------------Y-------YY=',
];
const CAST_INDEX = new Map(CAST_COLUMNS.map((c, i) => [CAST_NAMES[c], i]));

/** Whether SSIS allows an explicit cast from one type to another (identity included). */
export function castAllowed(from: DataTypeName, to: DataTypeName): boolean {
  if (from === to) return true;
  const r = CAST_INDEX.get(from);
  const c = CAST_INDEX.get(to);
  if (r === undefined || c === undefined) return false;
  return CAST_ROWS[r][c] !== '-';
}

/**
 * The common type of two date/time types for comparison and `? :` (§1.3): same type as is; else DBTIMESTAMPOFFSET, else
 * DBTIMESTAMP2, else DBTIME2, else DBTIMESTAMP. Undefined when a time type meets a date type.
 */
export function commonDateType(a: TypeSpec, b: TypeSpec): TypeSpec | undefined {
  if (!isDateTime(a.type) || !isDateTime(b.type)) return undefined;
  if (a.type === b.type) return { ...a, scale: Math.max(a.scale ?? 0, b.scale ?? 0) } as TypeSpec;
  const timeA = dataType(a.type).family === 'time';
  const timeB = dataType(b.type).family === 'time';
  if (timeA !== timeB) return undefined;
  const scale = Math.max(a.scale ?? dataType(a.type).maxScale ?? 0, b.scale ?? dataType(b.type).maxScale ?? 0);
  for (const t of ['DT_DBTIMESTAMPOFFSET', 'DT_DBTIMESTAMP2', 'DT_DBTIME2'] as const) {
    if (a.type === t || b.type === t) return typeSpec(t, { scale: Math.min(scale, 7) });
  }
  return typeSpec('DT_DBTIMESTAMP');
}

