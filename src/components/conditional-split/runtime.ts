/** @module Conditional Split runtime: each row goes to the first output whose condition is true, else the default output. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import type { SsisError } from '../../errors.ts';
import { compileBufferExpression } from '../shared/expression.ts';
import type { ConditionalSplitSettings } from './settings.ts';

/** Creates the runtime. */
export function conditionalSplitRuntime(host: ComponentHost, settings: ConditionalSplitSettings): ComponentRuntime {
  const layout = host.inputLayout(0);
  const inputColumns = host.component.inputs[0]!.columns;
  const cases = settings.cases.map((c) => ({ c, expr: compileBufferExpression(c.expression, layout, inputColumns, host.context) }));
  const errors = new RowErrors(host, settings.errorOutput);
  const outputs = host.component.outputs.length;
  return {
    async process(_input, batch: Batch) {
      errors.reset();
      const results = cases.map(({ expr }) => {
        const { values, failures } = expr.run(batch);
        const failed = new Map<number, SsisError>(failures.map((f) => [f.row, f.error]));
        return { values: values.values as Uint8Array, nulls: values.nulls, failed };
      });
      const target = new Int32Array(batch.count).fill(-1);
      const counts = new Int32Array(outputs);
      for (let k = 0; k < batch.count; k++) {
        const row = batch.row(k);
        let chosen = settings.defaultOutput;
        for (let j = 0; j < cases.length; j++) {
          const r = results[j]!;
          if (r.nulls[row] === 0) {
            if (r.values[row] === 1) {
              chosen = cases[j]!.c.output;
              break;
            }
            continue;
          }
          // NULL or a failed evaluation is an error (SSIS: the condition did not evaluate to a Boolean).
          const c = cases[j]!.c;
          const err = r.failed.get(row);
          const detail = err ? err.message : `The expression "${c.expression}" on "${c.name}" evaluated to NULL, but the Conditional Split requires a Boolean result.`;
          errors.handle(batch, row, 'error', c.errorDisposition, ROW_ERROR.expression, undefined, detail);
          chosen = -2;
          break;
        }
        if (chosen >= 0) {
          target[k] = chosen;
          counts[chosen]!++;
        }
      }
      for (let o = 0; o < outputs; o++) {
        if (o === settings.errorOutput || counts[o] === 0) continue;
        if (counts[o] === batch.count) {
          await host.send(o, batch.branch());
          continue;
        }
        const sel = new Int32Array(counts[o]!);
        let n = 0;
        for (let k = 0; k < batch.count; k++) if (target[k] === o) sel[n++] = batch.row(k);
        await host.send(o, batch.select(sel, n));
      }
      await errors.sendRedirected(batch, settings.errorOutput);
    },
  };
}
