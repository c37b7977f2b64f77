/** @module The type specification of casts and NULL(): `DT_STR, 10, 1252`, `DT_NUMERIC, 10, 2`, … checked against each type's parameter ranges. */
import iconv from 'iconv-lite';
import { findDataType, typeSpec, type TypeSpec } from '../types/index.ts';
import { exprError, type ExprErrorSymbol } from './error-codes.ts';

/** Whether a code page is known (1200/1201 UTF-16 and 65001 UTF-8 included). */
export function codePageExists(cp: number): boolean {
  return cp === 65001 || cp === 1200 || cp === 1201 || cp === 65000 || iconv.encodingExists(`cp${cp}`) || iconv.encodingExists(`windows-${cp}`);
}

type Use = 'cast' | 'null';
const SYMBOLS: Record<Use, { param: ExprErrorSymbol; precision: ExprErrorSymbol; scale: ExprErrorSymbol; length: ExprErrorSymbol; codePage: ExprErrorSymbol }> = {
  cast: { param: 'DTS_E_EXPREVALINVALIDCASTPARAM', precision: 'DTS_E_EXPREVALINVALIDCASTPRECISION', scale: 'DTS_E_EXPREVALINVALIDCASTSCALE', length: 'DTS_E_EXPREVALINVALIDCASTLENGTH', codePage: 'DTS_E_EXPREVALINVALIDCASTCODEPAGE' },
  null: { param: 'DTS_E_EXPREVALINVALIDNULLPARAM', precision: 'DTS_E_EXPREVALINVALIDNULLPRECISION', scale: 'DTS_E_EXPREVALINVALIDNULLSCALE', length: 'DTS_E_EXPREVALINVALIDNULLLENGTH', codePage: 'DTS_E_EXPREVALINVALIDNULLCODEPAGE' },
};

/** True when a name is a type name usable in a cast (`DT_I4`, any case). */
export function isTypeName(name: string): boolean {
  return /^dt_/i.test(name) && findDataType(name) !== undefined;
}

/** Builds a TypeSpec from a type name and its static integer parameters, raising SSIS's range errors. */
export function buildTypeSpec(name: string, params: readonly number[], use: Use, pos: number): TypeSpec {
  const info = findDataType(name);
  const sym = SYMBOLS[use];
  const what = use === 'cast' ? 'the cast to data type' : 'the NULL function with data type';
  if (!info || info.name === 'DT_EMPTY' || info.name === 'DT_NULL') {
    throw exprError('DTS_E_EXPREVALUNSUPPORTEDTYPE', `The data type "${name}" is not supported in an expression.`, pos);
  }
  if (params.length !== info.castParameters.length) {
    throw exprError(sym.param, `${what} "${info.name}" takes ${info.castParameters.length} parameter(s) (${info.castParameters.join(', ') || 'none'}), not ${params.length}.`, pos);
  }
  const p: Record<string, number> = {};
  info.castParameters.forEach((k, i) => (p[k] = params[i]));
  if (p.length !== undefined && (p.length < 0 || p.length > (info.maxLength ?? Infinity) || p.length === 0)) {
    throw exprError(sym.length, `The value ${p.length} specified for the length parameter of ${what} ${info.name} is not valid. The length must be between 1 and ${info.maxLength}.`, pos);
  }
  if (p.codePage !== undefined && !codePageExists(p.codePage)) {
    throw exprError(sym.codePage, `The value ${p.codePage} specified for the code page parameter of ${what} "${info.name}" is not valid. The code page is not installed.`, pos);
  }
  if (p.precision !== undefined && (p.precision < 1 || p.precision > 38)) {
    throw exprError(sym.precision, `The value ${p.precision} specified for the precision parameter of ${what} "${info.name}" is not valid. Precision must be in the range 1 to 38.`, pos);
  }
  if (p.scale !== undefined) {
    const max = info.name === 'DT_NUMERIC' ? p.precision : info.maxScale!;
    if (p.scale < 0 || p.scale > max) {
      throw exprError(sym.scale, `The value ${p.scale} specified for the scale parameter of ${what} "${info.name}" is not valid. The scale must be in the range 0 to ${max}.`, pos);
    }
  }
  return typeSpec(info.name, p);
}
