/** @module A straightforward tree-walking evaluator over the checked tree: the reference the compiled form is tested against, and the constant folder. */
import { dataType } from '../types/index.ts';
import type { EvaluationScope } from './context.ts';
import { findFunction, type CallContext } from './functions/index.ts';
import { arith, bitwise, compare, convert, unary } from './ops.ts';
import type { RuntimeEnv } from './runtime-env.ts';
import { STRING_RESULT_LIMIT, stringTooLong, variableTooLong } from './string-limit.ts';
import type { TNode } from './typed-ast.ts';

/** Options of one evaluation. */
export interface ReferenceOptions {
  readonly env: RuntimeEnv;
  /** Enforce the 4000-character limit on string results (SSIS 2005/2008). */
  readonly stringLimit: boolean;
}

/** Evaluates a checked tree for one row/scope; `null` is NULL. */
export function evaluateTree(node: TNode, scope: EvaluationScope, opts: ReferenceOptions): unknown {
  const ev = (n: TNode): unknown => {
    const v = evalNode(n);
    if (opts.stringLimit && typeof v === 'string' && v.length > STRING_RESULT_LIMIT && n.k !== 'const' && dataType(n.t.type).family === 'string') {
      throw n.k === 'var' ? variableTooLong(n.name, n.pos) : stringTooLong(n.pos, v.length);
    }
    return v;
  };
  function evalNode(n: TNode): unknown {
    switch (n.k) {
      case 'const': return n.value;
      case 'var': return scope.variable?.(n.name) ?? null;
      case 'col': return scope.columns?.[n.index] ?? null;
      case 'arith': case 'concat': case 'compare': case 'bitwise': {
        const a = ev(n.a);
        const b = ev(n.b);
        if (a === null || b === null) return null;
        if (n.k === 'arith') return arith(n.op, n.t, a, b, n.pos);
        if (n.k === 'concat') return (a as string) + (b as string);
        if (n.k === 'compare') return compare(n.op, n.operand, a, b);
        return bitwise(n.op, n.t, a, b);
      }
      case 'logic': {
        const a = ev(n.a);
        // Short-circuit: FALSE && x and TRUE || x do not evaluate x [unverified: SSIS does not document it].
        if (n.op === '&&' ? a === false : a === true) return a;
        const b = ev(n.b);
        if (n.op === '&&') return b === false ? false : a === null || b === null ? null : true;
        return b === true ? true : a === null || b === null ? null : false;
      }
      case 'unary': {
        const a = ev(n.a);
        return a === null ? null : unary(n.op, n.t, a, n.pos);
      }
      case 'cond': {
        const c = ev(n.c);
        if (c === null) return null;
        return c ? ev(n.a) : ev(n.b);
      }
      case 'convert': {
        const a = ev(n.a);
        return a === null ? null : convert(a, n.a.t, n.t, n.pos, opts.env, n.strict);
      }
      case 'isnull': return ev(n.a) === null;
      case 'replacenull': {
        const a = ev(n.a);
        return a !== null ? a : ev(n.b);
      }
      case 'assign': {
        const v = ev(n.a);
        scope.assign?.(n.name, v);
        return v;
      }
      case 'call': {
        const spec = findFunction(n.fn)!;
        const args = n.args.map(ev);
        if (!spec.receivesNulls && args.some((a) => a === null)) return null;
        const ctx: CallContext = { fn: n.fn, pos: n.pos, meta: n.meta, env: opts.env };
        return (spec.impl as (c: CallContext, ...a: unknown[]) => unknown)(ctx, ...args);
      }
    }
  }
  return ev(node);
}
