/** @module Property expressions: a property of an executable, connection manager or enumerator computed from an expression. */

/** `<DTS:PropertyExpression DTS:Name="…">expression</DTS:PropertyExpression>`. */
export interface PropertyExpression {
  /** The property name, e.g. `ConnectionString`, `SqlStatementSource`, `[Derived Column].[Expression]`. */
  property: string;
  expression: string;
}
