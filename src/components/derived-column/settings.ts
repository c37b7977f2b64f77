/** @module Derived Column settings: each derivation (new output column or replaced input column), its expression and dispositions. */
import { disposition } from '../../dataflow/error-rows.ts';
import type { ColumnTypeInfo, ComponentModel, RowDisposition } from '../../dataflow/model.ts';
import { textProp } from '../shared/properties.ts';

/** One derivation. */
export interface Derivation {
  readonly name: string;
  /** The lineage the result is written to: a new output column, or the replaced input column's lineage. */
  readonly lineageId: string;
  readonly expression: string;
  readonly target: ColumnTypeInfo;
  readonly errorDisposition: RowDisposition;
  readonly truncationDisposition: RowDisposition;
}

/** Typed settings of a Derived Column. */
export interface DerivedColumnSettings {
  readonly output: number;
  readonly errorOutput: number;
  readonly derivations: readonly Derivation[];
}

/** The expression of a column: `Expression` (lineage references), else `FriendlyExpression` (names). */
function expressionOf(c: { properties: Readonly<Record<string, string>> }): string | undefined {
  const e = textProp(c, 'Expression')?.trim();
  return e ? e : textProp(c, 'FriendlyExpression')?.trim() || undefined;
}

/** Reads the settings from the model. */
export function readDerivedColumnSettings(m: ComponentModel): DerivedColumnSettings {
  const output = m.outputs.findIndex((o) => !o.isErrorOut);
  const derivations: Derivation[] = [];
  for (const c of m.inputs[0]?.columns ?? []) {
    const expression = c.usageType === 'readWrite' ? expressionOf(c) : undefined;
    if (expression) derivations.push({ name: c.name, lineageId: c.lineageId, expression, target: c, errorDisposition: disposition(c.errorRowDisposition), truncationDisposition: disposition(c.truncationRowDisposition) });
  }
  for (const c of m.outputs[output]?.columns ?? []) {
    const expression = expressionOf(c);
    if (expression) derivations.push({ name: c.name, lineageId: c.lineageId, expression, target: c, errorDisposition: disposition(c.errorRowDisposition), truncationDisposition: disposition(c.truncationRowDisposition) });
  }
  return { output, errorOutput: m.outputs.findIndex((o) => o.isErrorOut), derivations };
}
