/** @module Derived Column (`Microsoft.DerivedColumn`): new or replaced columns computed by SSIS expressions, with an error output. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { SsisError } from '../../errors.ts';
import { compileBufferExpression } from '../shared/expression.ts';
import { derivedColumnRuntime } from './runtime.ts';
import { readDerivedColumnSettings } from './settings.ts';

/** The Derived Column plug-in. */
export const derivedColumn: ComponentFactory = {
  classId: 'Microsoft.DerivedColumn',
  aliases: ['DTSTransform.DerivedColumn', 'DTSTransform.DerivedColumn.1', 'DTSTransform.DerivedColumn.2', 'DTSTransform.DerivedColumn.3', '49928E82-9C4E-49F0-AABE-3812B82707EC'],
  validate(m, v) {
    const layout = v.inputLayout(0);
    if (!layout || !v.context) return [];
    const s = readDerivedColumnSettings(m);
    const errors: SsisError[] = [];
    for (const d of s.derivations) {
      try {
        compileBufferExpression(d.expression, layout, m.inputs[0]!.columns, v.context);
      } catch (e) {
        if (!(e instanceof SsisError)) throw e;
        errors.push(v.error(e.code, e.symbol, `the expression "${d.expression}" on "${d.name}" is not valid: ${e.message}`));
      }
    }
    return errors;
  },
  create: (host) => derivedColumnRuntime(host, readDerivedColumnSettings(host.component)),
};
