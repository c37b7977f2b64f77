/** @module What an expression needs from its caller: the product version and how names resolve to variables and columns. */
import type { ToolYear } from '../versions/index.ts';
import type { TypeSpec } from '../types/index.ts';

/** A column reference as written: by name (`Name`, `[Comp].[Name]`) or by lineage (`#12`, `#{Package\…}`). */
export interface ColumnRef {
  readonly name?: string;
  /** The component part of `[Component].[Column]`. */
  readonly component?: string;
  /** The lineage: integer ID text (`"12"`) or refId path. */
  readonly lineage?: string;
}

/** A variable as the resolver knows it. */
export interface ResolvedVariable {
  /** The qualified name evaluation will ask the scope for (e.g. `User::Count`, `$Package::P`, `System::StartTime`). */
  readonly name: string;
  /** The DT_* type the value has in expressions (Int32 → DT_I4, String → DT_WSTR, DateTime → DT_DATE, …); DT_EMPTY for Object. */
  readonly type: TypeSpec;
  readonly readOnly?: boolean;
}

/** A column as the resolver knows it: its index in the row (`scope.columns`) or in the batch columns, and its type. */
export interface ResolvedColumn {
  readonly index: number;
  readonly type: TypeSpec;
}

/** Compile-time information about where an expression runs. */
export interface ExpressionContext {
  /** The product version whose rules apply (default: the current version, 2014). */
  readonly version?: ToolYear;
  /**
   * Resolves `@Name` / `@[Namespace::Name]` / `@[$Package::P]` (the text inside the brackets). Undefined when unknown;
   * it may throw an SsisError itself (e.g. DTS_E_EXPREVALAMBIGUOUSVARIABLENNAME).
   */
  resolveVariable?(name: string): ResolvedVariable | undefined;
  /** Resolves a column reference; leave out where expressions cannot see columns (variables, property expressions). */
  resolveColumn?(ref: ColumnRef): ResolvedColumn | undefined;
  /** Accept `@Var = value` at the top (For Loop InitExpression/AssignExpression, Expression task). */
  readonly allowAssignment?: boolean;
}

/** Values available when an expression is evaluated row by row. */
export interface EvaluationScope {
  /** The value of a variable by the qualified name the resolver returned, in the type's JS representation (`null` for NULL). */
  variable?(name: string): unknown;
  /** Assigns a variable (assignment expressions only). */
  assign?(name: string, value: unknown): void;
  /** The current row's values by column index. */
  readonly columns?: readonly unknown[];
}
