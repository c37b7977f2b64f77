/** @module The generic run-time operations on non-NULL values of every type: arithmetic, comparison, bitwise and unary operators, conversions. Shared by compiled code and the reference evaluator. */
import { convertValue, dataType, SsisDateTime, SsisDecimal, type TypeSpec } from '../types/index.ts';
import { exprError } from './error-codes.ts';
import type { RuntimeEnv } from './runtime-env.ts';

const CY_MAX = 9223372036854775807n;

/** Divide-by-zero error at an operator. */
export function divByZero(pos: number): Error {
  return exprError('DTS_E_EXPREVALDIVBYZERO', `A divide-by-zero error occurred. The right side operand evaluates to zero (character ${pos + 1}).`, pos);
}

/** Overflow of a binary operation's result type. */
export function binaryOverflow(op: string, t: TypeSpec, pos: number): Error {
  return exprError('DTS_E_EXPREVALBINARYOPOVERFLOW', `The result of the binary operation "${op}" (character ${pos + 1}) exceeds the maximum size for result data type "${t.type}".`, pos);
}

/** `a op b` for two non-NULL values already of type `t`. */
export function arith(op: string, t: TypeSpec, a: unknown, b: unknown, pos: number): unknown {
  const info = dataType(t.type);
  switch (info.js) {
    case 'number': {
      const x = a as number;
      const y = b as number;
      let r: number;
      if ((op === '/' || op === '%') && y === 0) throw divByZero(pos);
      switch (op) {
        case '+': r = x + y; break;
        case '-': r = x - y; break;
        case '*': r = x * y; break;
        case '/': r = info.family === 'integer' ? Math.trunc(x / y) : x / y; break;
        default: r = x % y; break;
      }
      if (info.family === 'integer') {
        if (r < Number(info.min) || r > Number(info.max)) throw binaryOverflow(op, t, pos);
        return r;
      }
      if (t.type === 'DT_R4') r = Math.fround(r);
      if (!Number.isFinite(r)) throw binaryOverflow(op, t, pos);
      return r;
    }
    case 'bigint': {
      const x = a as bigint;
      const y = b as bigint;
      if ((op === '/' || op === '%') && y === 0n) throw divByZero(pos);
      const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y;
      if (r < info.min! || r > info.max!) throw binaryOverflow(op, t, pos);
      return r;
    }
    case 'decimal': {
      const x = a as SsisDecimal;
      const y = b as SsisDecimal;
      const scale = t.scale ?? 0;
      if ((op === '/' || op === '%') && y.sign === 0) throw divByZero(pos);
      let r: SsisDecimal;
      switch (op) {
        case '+': r = x.add(y); break;
        case '-': r = x.sub(y); break;
        case '*': r = x.mul(y); break;
        case '/': r = x.div(y, scale); break;
        default: {
          const s = Math.max(x.scale, y.scale);
          r = new SsisDecimal(x.rescale(s).unscaled % y.rescale(s).unscaled, s);
          break;
        }
      }
      r = r.rescale(scale);
      if (t.type === 'DT_CY') {
        if (r.unscaled > CY_MAX || r.unscaled < -CY_MAX - 1n) throw binaryOverflow(op, t, pos);
      } else if (r.digits > (t.precision ?? 38) && r.unscaled !== 0n) {
        throw exprError('DTS_E_EXPREVALBINARYOPNUMERICOVERFLOW', `The result of the binary operation "${op}" (character ${pos + 1}) exceeds the maximum size for numeric types (${t.type},${t.precision},${t.scale}).`, pos);
      }
      return r;
    }
    default:
      throw exprError('DTS_E_EXPREVALUNSUPPORTEDBINARYTYPE', `The data type "${t.type}" cannot be used with binary operator "${op}".`, pos);
  }
}

/** -1, 0 or 1 comparing two non-NULL values of type `t`. */
export function compareValues(t: TypeSpec, a: unknown, b: unknown): number {
  switch (dataType(t.type).js) {
    case 'decimal': return (a as SsisDecimal).compare(b as SsisDecimal);
    case 'datetime': return (a as SsisDateTime).compare(b as SsisDateTime);
    case 'bytes': {
      const x = a as Uint8Array;
      const y = b as Uint8Array;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case 'boolean': return a === b ? 0 : a ? 1 : -1;
    default: {
      const x = a as number | bigint | string;
      const y = b as number | bigint | string;
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** `a op b` for a comparison operator. */
export function compare(op: string, t: TypeSpec, a: unknown, b: unknown): boolean {
  const c = compareValues(t, a, b);
  switch (op) {
    case '<': return c < 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '>=': return c >= 0;
    case '==': return c === 0;
    default: return c !== 0;
  }
}

/** `a op b` for a bitwise operator on integers of type `t`. */
export function bitwise(op: string, t: TypeSpec, a: unknown, b: unknown): unknown {
  const info = dataType(t.type);
  if (info.js === 'bigint') {
    const x = a as bigint;
    const y = b as bigint;
    const r = op === '&' ? x & y : op === '|' ? x | y : x ^ y;
    return info.signed ? BigInt.asIntN(64, r) : BigInt.asUintN(64, r);
  }
  const x = a as number;
  const y = b as number;
  const r = op === '&' ? x & y : op === '|' ? x | y : x ^ y;
  return t.type === 'DT_UI4' ? r >>> 0 : r;
}

/** Unary `-`, `!` or `~` on a non-NULL value of type `t`. */
export function unary(op: string, t: TypeSpec, a: unknown, pos: number): unknown {
  const info = dataType(t.type);
  if (op === '!') return !a;
  if (op === '~') {
    if (info.js === 'bigint') return info.signed ? ~(a as bigint) : BigInt.asUintN(64, ~(a as bigint));
    const r = ~(a as number);
    return info.signed ? r : t.type === 'DT_UI4' ? r >>> 0 : r & Number(info.max);
  }
  switch (info.js) {
    case 'decimal': return (a as SsisDecimal).neg();
    case 'bigint': {
      const r = -(a as bigint);
      if (r > info.max!) throw unaryOverflow(t, pos);
      return r;
    }
    default: {
      const r = -(a as number);
      if (info.family === 'integer' && r > Number(info.max)) throw unaryOverflow(t, pos);
      return r === 0 ? 0 : r;
    }
  }
}

function unaryOverflow(t: TypeSpec, pos: number): Error {
  return exprError('DTS_E_EXPREVALUNARYOPOVERFLOW', `The result of the unary minus (negation) operation at character ${pos + 1} exceeds the maximum size for result data type "${t.type}".`, pos);
}

/**
 * A conversion inside an expression: casts truncate silently at run time (§1.5), `strict` ones raise on truncation;
 * failures raise the conversion errors.
 */
export function convert(value: unknown, from: TypeSpec, to: TypeSpec, pos: number, env: RuntimeEnv, strict = false): unknown {
  return convertValue(value, from, to, { truncation: strict ? 'error' : 'silent', location: { offset: pos, line: 1, column: pos + 1 }, today: () => SsisDateTime.fromDate(env.now()) });
}
