/** @module From a column's `.dtsx` type spelling to the types module's TypeSpec, and its estimated width in a buffer. */
import { SsisError } from '../errors.ts';
import { dataTypeOfCode, dataTypeOfDtsx, findDataType, typeSpec, type DataTypeInfo, type TypeSpec } from '../types/index.ts';
import type { ColumnTypeInfo } from './model.ts';

/** The type of a spelling: `wstr`, `DT_WSTR`, `WSTR` or the enum code `130`; undefined when unknown. */
export function findPipelineType(text: string): DataTypeInfo | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return dataTypeOfCode(Number(t));
  return dataTypeOfDtsx(t) ?? findDataType(t);
}

/** The TypeSpec of a column; throws a validation error naming the column for an unknown spelling. */
export function columnTypeSpec(info: ColumnTypeInfo, where = 'column'): TypeSpec {
  const t = findPipelineType(info.dataType);
  if (!t) throw new SsisError('0xC0047065', 'DTS_E_UNSUPPORTEDDATATYPE', `The data type "${info.dataType}" of ${where} is not supported.`);
  return typeSpec(t.name, {
    length: info.length,
    codePage: info.codePage || undefined,
    precision: info.precision || undefined,
    scale: info.scale,
  });
}

/** Estimated bytes one value of this type takes in a buffer (for DefaultBufferSize). */
export function estimatedWidth(t: TypeSpec): number {
  const info = findDataType(t.type)!;
  if (t.type === 'DT_WSTR') return 2 * Math.max(1, t.length || 50) + 4;
  if (t.type === 'DT_STR' || t.type === 'DT_BYTES') return Math.max(1, t.length || 50) + 4;
  if (info.family === 'blob') return 16;
  return (info.byteSize ?? 16) + 1;
}

/** True when two columns have the same type (name, and length/precision/scale where they matter for matching). */
export function sameType(a: ColumnTypeInfo, b: ColumnTypeInfo): boolean {
  return findPipelineType(a.dataType)?.name === findPipelineType(b.dataType)?.name;
}
