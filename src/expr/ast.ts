/** @module The syntax tree of an SSIS expression, as the parser builds it (positions are 0-based offsets into the text). */
import type { TypeSpec } from '../types/index.ts';

/** A binary operator as written. */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '>' | '<=' | '>=' | '==' | '!=' | '&' | '^' | '|' | '&&' | '||';
/** A unary operator as written. */
export type UnaryOp = '-' | '!' | '~';

interface At {
  /** Offset of the node's first character. */
  readonly pos: number;
  /** Offset just after the node's last character. */
  readonly end: number;
}

/** A literal: number, string or Boolean, typed by its form (`5` DT_I4, `5L` DT_I8, `1.5` DT_NUMERIC, `"a"` DT_WSTR, …). */
export interface LiteralNode extends At { readonly kind: 'literal'; readonly type: TypeSpec; readonly value: unknown; readonly text: string }
/** `@Name`, `@[Namespace::Name]`, `@[$Package::P]`: `name` is what is inside the brackets. */
export interface VariableNode extends At { readonly kind: 'variable'; readonly name: string }
/** A column by name (`Name`, `[My Name]`, `[Component].[Column]`). */
export interface ColumnNode extends At { readonly kind: 'column'; readonly name: string; readonly component?: string }
/** A column by lineage: `#123` or `#{Package\Data Flow Task\Source.Outputs[Output].Columns[Col]}`. */
export interface LineageNode extends At { readonly kind: 'lineage'; readonly ref: string }
export interface UnaryNode extends At { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Node }
export interface BinaryNode extends At { readonly kind: 'binary'; readonly op: BinaryOp; readonly opPos: number; readonly left: Node; readonly right: Node }
export interface ConditionalNode extends At { readonly kind: 'conditional'; readonly cond: Node; readonly then: Node; readonly otherwise: Node }
/** `(DT_xxx, params…) operand`. */
export interface CastNode extends At { readonly kind: 'cast'; readonly target: TypeSpec; readonly operand: Node }
/** A function call; `name` is upper-cased. */
export interface CallNode extends At { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
/** `NULL(DT_xxx, params…)`: a typed NULL. */
export interface NullNode extends At { readonly kind: 'null'; readonly target: TypeSpec }
/** `@Var = expression` (For Loop init/assign, Expression task). */
export interface AssignNode extends At { readonly kind: 'assign'; readonly variable: VariableNode; readonly value: Node }

/** Any node. */
export type Node = LiteralNode | VariableNode | ColumnNode | LineageNode | UnaryNode | BinaryNode | ConditionalNode | CastNode | CallNode | NullNode | AssignNode;
