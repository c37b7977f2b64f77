/** @module A concrete SSIS type: a DT_* name with its length, code page, precision and scale. */
import { dataType, type DataTypeName } from './data-types.ts';

/** A type with its parameters, as a column or an expression result carries it. */
export interface TypeSpec {
  readonly type: DataTypeName;
  /** Characters (DT_WSTR) or bytes (DT_STR, DT_BYTES). */
  readonly length?: number;
  /** Code page of DT_STR / DT_TEXT. */
  readonly codePage?: number;
  /** Precision of DT_NUMERIC / DT_DECIMAL / DT_CY. */
  readonly precision?: number;
  /** Scale of DT_NUMERIC / DT_DECIMAL / DT_CY, fractional-second digits of DT_DBTIME2 / DT_DBTIMESTAMP2 / DT_DBTIMESTAMPOFFSET. */
  readonly scale?: number;
}

/** The implied precision of integer types when they meet DT_NUMERIC. */
const INTEGER_PRECISION: Partial<Record<DataTypeName, number>> = {
  DT_I1: 3, DT_UI1: 3, DT_I2: 5, DT_UI2: 5, DT_I4: 10, DT_UI4: 10, DT_I8: 19, DT_UI8: 20, DT_BOOL: 1,
};

/** A TypeSpec with the defaults SSIS uses where parameters are omitted. */
export function typeSpec(type: DataTypeName, params: Omit<TypeSpec, 'type'> = {}): TypeSpec {
  switch (type) {
    case 'DT_CY': return { type, precision: 19, scale: 4 };
    case 'DT_DECIMAL': return { type, precision: 29, scale: params.scale ?? 0 };
    case 'DT_NUMERIC': return { type, precision: params.precision ?? 18, scale: params.scale ?? 0 };
    case 'DT_STR': return { type, length: params.length ?? 0, codePage: params.codePage ?? 1252 };
    case 'DT_TEXT': return { type, codePage: params.codePage ?? 1252 };
    case 'DT_WSTR': case 'DT_BYTES': return { type, length: params.length ?? 0 };
    case 'DT_DBTIME2': case 'DT_DBTIMESTAMP2': case 'DT_DBTIMESTAMPOFFSET': return { type, scale: params.scale ?? 7 };
    case 'DT_DBTIMESTAMP': return { type, scale: 3 };
    default: return { type };
  }
}

/** Precision and scale of a numeric type seen as an exact decimal (integers: scale 0). */
export function decimalShape(t: TypeSpec): { precision: number; scale: number } {
  if (t.type === 'DT_NUMERIC' || t.type === 'DT_DECIMAL' || t.type === 'DT_CY') {
    return { precision: t.precision ?? dataType(t.type).maxPrecision ?? 38, scale: t.scale ?? 0 };
  }
  return { precision: INTEGER_PRECISION[t.type] ?? 38, scale: 0 };
}

/** SSIS's spelling of a type with its parameters, as in a cast: `DT_WSTR,10`, `DT_NUMERIC,10,2`, `DT_I4` (an unknown length is left out). */
export function formatTypeSpec(t: TypeSpec): string {
  const params = dataType(t.type).castParameters.filter((p) => t[p] !== undefined && !(p === 'length' && t[p] === 0)).map((p) => t[p]);
  return [t.type, ...params].join(',');
}

/** True when both specs denote the same type with the same parameters. */
export function sameTypeSpec(a: TypeSpec, b: TypeSpec): boolean {
  return a.type === b.type && a.length === b.length && a.codePage === b.codePage && a.precision === b.precision && a.scale === b.scale;
}
