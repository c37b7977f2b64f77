/** @module The checked tree: every node carries its SSIS type; implicit conversions are explicit `convert` nodes; names are resolved. */
import type { TypeSpec } from '../types/index.ts';

interface Base {
  /** The node's SSIS result type. */
  readonly t: TypeSpec;
  /** Offset used in run-time error messages (the operator for binary operations). */
  readonly pos: number;
}

export interface ConstT extends Base { readonly k: 'const'; readonly value: unknown }
/** A variable read; `name` is the qualified name the resolver returned. */
export interface VarT extends Base { readonly k: 'var'; readonly name: string }
/** A column read by buffer column index. */
export interface ColT extends Base { readonly k: 'col'; readonly index: number }
/** Arithmetic on numbers (`+ - * / %`); both operands already converted to `t` (NUMERIC: each to its own NUMERIC shape). */
export interface ArithT extends Base { readonly k: 'arith'; readonly op: '+' | '-' | '*' | '/' | '%'; readonly a: TNode; readonly b: TNode }
/** String concatenation. */
export interface ConcatT extends Base { readonly k: 'concat'; readonly a: TNode; readonly b: TNode }
/** Comparison; both operands converted to the same type `operand`. */
export interface CompareT extends Base { readonly k: 'compare'; readonly op: '<' | '>' | '<=' | '>=' | '==' | '!='; readonly operand: TypeSpec; readonly a: TNode; readonly b: TNode }
/** Three-valued `&&` / `||`. */
export interface LogicT extends Base { readonly k: 'logic'; readonly op: '&&' | '||'; readonly a: TNode; readonly b: TNode }
/** Bitwise `& | ^` on integers converted to `t`. */
export interface BitwiseT extends Base { readonly k: 'bitwise'; readonly op: '&' | '|' | '^'; readonly a: TNode; readonly b: TNode }
/** Unary `-`, `!`, `~`. */
export interface UnaryT extends Base { readonly k: 'unary'; readonly op: '-' | '!' | '~'; readonly a: TNode }
export interface CondT extends Base { readonly k: 'cond'; readonly c: TNode; readonly a: TNode; readonly b: TNode }
/**
 * A conversion: an explicit cast or an implicit promotion. Casts truncate strings silently (§1.5); `strict` conversions
 * (into a Derived Column's output column) raise DTS_E_EXPREVALTRUNCATIONASERROR instead.
 */
export interface ConvertT extends Base { readonly k: 'convert'; readonly a: TNode; readonly explicit: boolean; readonly strict?: boolean }
/** A function call; `meta` is the static information the implementation needs (e.g. the date part). */
export interface CallT extends Base { readonly k: 'call'; readonly fn: string; readonly args: readonly TNode[]; readonly meta: unknown }
export interface IsNullT extends Base { readonly k: 'isnull'; readonly a: TNode }
/** `REPLACENULL(a, b)`: b already converted to a's type. */
export interface ReplaceNullT extends Base { readonly k: 'replacenull'; readonly a: TNode; readonly b: TNode }
export interface AssignT extends Base { readonly k: 'assign'; readonly name: string; readonly a: TNode }

/** Any checked node. */
export type TNode = ConstT | VarT | ColT | ArithT | ConcatT | CompareT | LogicT | BitwiseT | UnaryT | CondT | ConvertT | CallT | IsNullT | ReplaceNullT | AssignT;

/** Child nodes of a checked node, in evaluation order. */
export function children(n: TNode): TNode[] {
  switch (n.k) {
    case 'const': case 'var': case 'col': return [];
    case 'unary': case 'convert': case 'isnull': case 'assign': return [n.a];
    case 'cond': return [n.c, n.a, n.b];
    case 'call': return [...n.args];
    default: return [n.a, n.b];
  }
}
