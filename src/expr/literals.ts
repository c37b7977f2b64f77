/** @module Numeric literals: the type each form gets (`5` DT_I4, `5U` DT_UI4, `5L` DT_I8, `5UL` DT_UI8, `1.5` DT_NUMERIC, `1.5F` DT_R4, `1E3` DT_R8, `0x1F` hex) and its value. */
import { dataType, SsisDecimal, typeSpec, type TypeSpec } from '../types/index.ts';
import type { LiteralNode } from './ast.ts';
import { exprError } from './error-codes.ts';

/** The typed literal of a number token. */
export function numberLiteral(raw: string, pos: number, end: number): LiteralNode {
  const overflow = (t: string) => exprError('DTS_E_EXPREVALLITERALOVERFLOW', `The literal "${raw}" is too large to fit into type ${t}. The magnitude of the literal overflows the type.`, pos);
  const make = (type: TypeSpec, value: unknown): LiteralNode => ({ kind: 'literal', type, value, text: raw, pos, end });
  const integer = (digits: bigint, suffix: string) => {
    const s = suffix.toUpperCase();
    const name = s === '' ? 'DT_I4' : s === 'U' ? 'DT_UI4' : s === 'L' ? 'DT_I8' : s === 'UL' || s === 'LU' ? 'DT_UI8' : undefined;
    if (!name) throw exprError('DTS_E_EXPREVALINVALIDTOKEN', `The numeric literal "${raw}" has an invalid suffix "${suffix}".`, pos);
    if (digits > dataType(name).max!) throw overflow(name);
    return make(typeSpec(name), dataType(name).js === 'bigint' ? digits : Number(digits));
  };
  const hex = /^0[xX]([0-9a-fA-F]+)([uUlL]*)$/.exec(raw);
  if (hex) return integer(BigInt('0x' + hex[1]), hex[2]);
  const m = /^(\d*)(\.(\d*))?([eE][+-]?\d+)?([fFlLuU]*)$/.exec(raw)!;
  const [, intPart, point, frac = '', exp, suffix] = m;
  if (!point && !exp) return integer(BigInt(intPart), suffix);
  const s = suffix.toUpperCase();
  if (s !== '' && s !== 'F' && s !== 'L') throw exprError('DTS_E_EXPREVALINVALIDTOKEN', `The numeric literal "${raw}" has an invalid suffix "${suffix}".`, pos);
  const text = raw.slice(0, raw.length - suffix.length);
  if (s === 'F') {
    const v = Number(text);
    if (!Number.isFinite(Math.fround(v)) || Math.abs(v) > 3.4028234663852886e38) throw overflow('DT_R4');
    return make(typeSpec('DT_R4'), Math.fround(v));
  }
  if (s === 'L' || exp) {
    const v = Number(text);
    if (!Number.isFinite(v)) throw overflow('DT_R8');
    return make(typeSpec('DT_R8'), v);
  }
  // A decimal-point literal without suffix or exponent: DT_NUMERIC with the written precision and scale.
  const scale = frac.length;
  const digits = (intPart.replace(/^0+/, '') + frac).length;
  const precision = Math.max(digits, scale, 1);
  if (precision > 38) throw overflow('DT_NUMERIC');
  return make(typeSpec('DT_NUMERIC', { precision, scale }), SsisDecimal.parse(text)!);
}
