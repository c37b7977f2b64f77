/** @module Conditional Split (`Microsoft.ConditionalSplit`): routes each row to the first output whose condition holds. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { SsisError } from '../../errors.ts';
import { compileBufferExpression } from '../shared/expression.ts';
import { conditionalSplitRuntime } from './runtime.ts';
import { readConditionalSplitSettings } from './settings.ts';

/** The Conditional Split plug-in. */
export const conditionalSplit: ComponentFactory = {
  classId: 'Microsoft.ConditionalSplit',
  aliases: ['DTSTransform.ConditionalSplit', 'DTSTransform.ConditionalSplit.1', 'DTSTransform.ConditionalSplit.2', 'DTSTransform.ConditionalSplit.3', '7F88F654-4E20-4D14-84F4-AF9C925D3087'],
  validate(m, v) {
    const s = readConditionalSplitSettings(m);
    const errors: SsisError[] = [];
    if (s.defaultOutput < 0) errors.push(v.error('0xC020902D', 'DTS_E_TXSPLITNODEFAULTOUTPUT', 'the component has no default output.'));
    const layout = v.inputLayout(0);
    if (!layout || !v.context) return errors;
    for (const c of s.cases) {
      try {
        const e = compileBufferExpression(c.expression, layout, m.inputs[0]!.columns, v.context);
        if (e.type.type !== 'DT_BOOL') errors.push(v.error('0xC020902B', 'DTS_E_TXSPLITEXPRESSIONNOTBOOLEAN', `the condition "${c.expression}" of output "${c.name}" is ${e.type.type}, not Boolean.`));
      } catch (e) {
        if (!(e instanceof SsisError)) throw e;
        errors.push(v.error(e.code, e.symbol, `the condition "${c.expression}" of output "${c.name}" is not valid: ${e.message}`));
      }
    }
    return errors;
  },
  create: (host) => conditionalSplitRuntime(host, readConditionalSplitSettings(host.component)),
};
