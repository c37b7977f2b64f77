/** @module The mathematical functions: ABS, CEILING, FLOOR, EXP, LN, LOG, POWER, ROUND, SIGN, SQRT, SQUARE. */
import { dataType, SsisDecimal, typeSpec, type TypeSpec } from '../../types/index.ts';
import { exprError } from '../error-codes.ts';
import type { CallContext, FunctionSpec } from './function-spec.ts';

const R8 = typeSpec('DT_R8');

function functionOverflow(ctx: CallContext, t: TypeSpec): Error {
  return exprError('DTS_E_EXPREVALFUNCTIONOVERFLOW', `The result of the function call "${ctx.fn}" (character ${ctx.pos + 1}) is too large to fit in type "${t.type}".`, ctx.pos);
}

/** A real result, checked for overflow. */
function real(ctx: CallContext, r: number): number {
  if (!Number.isFinite(r)) throw functionOverflow(ctx, R8);
  return r;
}

/** A function of one numeric argument returning the argument's type. */
function sameType(name: string, onReal: (x: number) => number, onDecimal: (x: SsisDecimal) => SsisDecimal, onInt: (x: number | bigint, t: TypeSpec, ctx: CallContext) => number | bigint): FunctionSpec {
  return {
    name, arity: [1, 1],
    check: (c) => {
      const a = c.numeric(0);
      return { t: a.t, args: [a], meta: a.t };
    },
    impl: (ctx: CallContext, x: number | bigint | SsisDecimal) => {
      const t = ctx.meta as TypeSpec;
      const info = dataType(t.type);
      if (info.js === 'decimal') return onDecimal(x as SsisDecimal);
      if (info.family === 'real') {
        const r = onReal(x as number);
        return t.type === 'DT_R4' ? Math.fround(r) : r;
      }
      return onInt(x as number | bigint, t, ctx);
    },
  };
}

/** A function of one argument converted to DT_R8, returning DT_R8. */
function realFunction(name: string, f: (x: number, ctx: CallContext) => number): FunctionSpec {
  return {
    name, arity: [1, 1],
    check: (c) => ({ t: R8, args: [c.r8(0)] }),
    impl: (ctx: CallContext, x: number) => real(ctx, f(x, ctx)),
  };
}

function positiveOnly(symbol: 'DTS_E_EXPREVALLNINVALIDPARAM' | 'DTS_E_EXPREVALLOGINVALIDPARAM', name: string, f: (x: number) => number) {
  return (x: number, ctx: CallContext) => {
    if (x <= 0) throw exprError(symbol, `The function ${name} cannot operate on zero or negative values, and ${x} was passed (character ${ctx.pos + 1}).`, ctx.pos);
    return f(x);
  };
}

/** Rounds half away from zero to `digits` fractional digits without binary artefacts. */
function roundReal(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const d = SsisDecimal.parse(x.toPrecision(15));
  return d ? d.round(digits).toNumber() : x;
}

/** The mathematical functions. */
export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  sameType('ABS', Math.abs, (x) => x.abs(), (x, t, ctx) => {
    const info = dataType(t.type);
    if (typeof x === 'bigint') {
      const r = x < 0n ? -x : x;
      if (r > info.max!) throw functionOverflow(ctx, t);
      return r;
    }
    const r = Math.abs(x);
    if (r > Number(info.max)) throw functionOverflow(ctx, t);
    return r;
  }),
  sameType('CEILING', Math.ceil, (x) => x.ceiling(), (x) => x),
  sameType('FLOOR', Math.floor, (x) => x.floor(), (x) => x),
  realFunction('EXP', (x) => Math.exp(x)),
  realFunction('LN', positiveOnly('DTS_E_EXPREVALLNINVALIDPARAM', 'LN', Math.log)),
  realFunction('LOG', positiveOnly('DTS_E_EXPREVALLOGINVALIDPARAM', 'LOG', Math.log10)),
  realFunction('SQUARE', (x) => x * x),
  realFunction('SQRT', (x, ctx) => {
    if (x < 0) throw exprError('DTS_E_EXPREVALSQRTINVALIDPARAM', `The function SQRT cannot operate on negative values, and ${x} was passed (character ${ctx.pos + 1}).`, ctx.pos);
    return Math.sqrt(x);
  }),
  {
    name: 'POWER', arity: [2, 2],
    check: (c) => ({ t: R8, args: [c.r8(0), c.r8(1)] }),
    impl: (ctx: CallContext, x: number, p: number) => {
      const r = Math.pow(x, p);
      if (Number.isNaN(r) || (x === 0 && p < 0)) {
        throw exprError('DTS_E_EXPREVALPOWERINVALIDPARAM', `The parameters passed to the function POWER (${x}, ${p}) cannot be evaluated and yield an indeterminate result.`, ctx.pos);
      }
      return real(ctx, r);
    },
  },
  {
    name: 'ROUND', arity: [2, 2],
    check: (c) => {
      const a = c.numeric(0);
      return { t: a.t, args: [a, c.int(1)], meta: a.t };
    },
    impl: (ctx: CallContext, x: number | bigint | SsisDecimal, digits: number) => {
      if (digits < 0) {
        throw exprError('DTS_E_EXPREVALFNRIGHTINVALIDLENGTH', `The length ${digits} specified for function "ROUND" is negative, and is not valid. The length parameter must be positive.`, ctx.pos);
      }
      const t = ctx.meta as TypeSpec;
      const info = dataType(t.type);
      if (info.js === 'decimal') return (x as SsisDecimal).round(digits);
      if (info.family === 'real') {
        const r = roundReal(x as number, digits);
        return t.type === 'DT_R4' ? Math.fround(r) : r;
      }
      return x;
    },
  },
  {
    name: 'SIGN', arity: [1, 1],
    check: (c) => {
      const a = c.numeric(0);
      const info = dataType(a.t.type);
      if (info.family === 'integer' && !info.signed) c.mismatch(0);
      return { t: typeSpec('DT_I4'), args: [a] };
    },
    impl: (_ctx: CallContext, x: number | bigint | SsisDecimal) => {
      if (x instanceof SsisDecimal) return x.sign;
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    },
  },
];
