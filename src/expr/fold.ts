/** @module Constant folding: sub-trees made only of constants are evaluated once at compile time (errors are left for run time). */
import { findFunction } from './functions/index.ts';
import { evaluateTree } from './reference-evaluator.ts';
import type { RuntimeEnv } from './runtime-env.ts';
import { children, type TNode } from './typed-ast.ts';

/** The tree with every constant sub-tree replaced by its value. */
export function foldConstants(node: TNode, env: RuntimeEnv, stringLimit: boolean): TNode {
  const fold = (n: TNode): TNode => {
    let next: TNode;
    switch (n.k) {
      case 'const': case 'var': case 'col': return n;
      case 'assign': return { ...n, a: fold(n.a) };
      case 'cond': next = { ...n, c: fold(n.c), a: fold(n.a), b: fold(n.b) }; break;
      case 'call': next = { ...n, args: n.args.map(fold) }; break;
      case 'unary': case 'convert': case 'isnull': next = { ...n, a: fold(n.a) } as TNode; break;
      default: next = { ...n, a: fold(n.a), b: fold(n.b) } as TNode; break;
    }
    if (next.k === 'call' && findFunction(next.fn)?.volatile) return next;
    if (!children(next).every((k) => k.k === 'const')) return next;
    try {
      return { k: 'const', t: next.t, value: evaluateTree(next, {}, { env, stringLimit }), pos: next.pos };
    } catch {
      return next;
    }
  };
  return fold(node);
}
