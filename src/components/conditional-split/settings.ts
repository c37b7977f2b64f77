/** @module Conditional Split settings: the conditions in evaluation order and the default output. */
import { disposition } from '../../dataflow/error-rows.ts';
import type { ComponentModel, RowDisposition } from '../../dataflow/model.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';

/** One case: the output and its condition. */
export interface SplitCase {
  readonly output: number;
  readonly name: string;
  readonly expression: string;
  readonly order: number;
  readonly errorDisposition: RowDisposition;
}

/** Typed settings of a Conditional Split. */
export interface ConditionalSplitSettings {
  /** Cases by EvaluationOrder (lowest first). */
  readonly cases: readonly SplitCase[];
  /** The default output's index, or -1. */
  readonly defaultOutput: number;
  readonly errorOutput: number;
}

/** Reads the settings from the model. */
export function readConditionalSplitSettings(m: ComponentModel): ConditionalSplitSettings {
  const cases: SplitCase[] = [];
  let defaultOutput = -1;
  m.outputs.forEach((o, i) => {
    if (o.isErrorOut) return;
    if (boolProp(o, 'IsDefaultOut', false)) {
      defaultOutput = i;
      return;
    }
    const expression = (textProp(o, 'Expression')?.trim() || textProp(o, 'FriendlyExpression')?.trim()) ?? '';
    cases.push({ output: i, name: o.name, expression, order: intProp(o, 'EvaluationOrder', i), errorDisposition: disposition(o.errorRowDisposition) });
  });
  cases.sort((a, b) => a.order - b.order);
  return { cases, defaultOutput, errorOutput: m.outputs.findIndex((o) => o.isErrorOut) };
}
