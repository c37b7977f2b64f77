/** @module Derived Column runtime: evaluates every derivation on the original input values, then installs the results in the buffer. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { createColumnVector } from '../../types/index.ts';
import { compileBufferExpression } from '../shared/expression.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import type { DerivedColumnSettings } from './settings.ts';
import { SsisError } from '../../errors.ts';

/** Creates the runtime. */
export function derivedColumnRuntime(host: ComponentHost, settings: DerivedColumnSettings): ComponentRuntime {
  const inLayout = host.inputLayout(0);
  const outLayout = host.outputLayout(settings.output);
  const inputColumns = host.component.inputs[0]!.columns;
  const items = settings.derivations.map((d) => {
    const expr = compileBufferExpression(d.expression, inLayout, inputColumns, host.context);
    const slot = outLayout.slotOf(d.lineageId)!;
    const column = outLayout.columns[slot]!;
    return { d, expr, slot, column, store: new ConvertingStore(expr.type, column.type) };
  });
  const errors = new RowErrors(host, settings.errorOutput);
  return {
    async process(_input, batch: Batch) {
      errors.reset();
      const results = items.map((it) => createColumnVector(it.column.type, batch.length));
      for (let k = 0; k < batch.count; k++) {
        const row = batch.row(k);
        for (let j = 0; j < items.length; j++) {
          if (errors.isRedirected(row)) break;
          const it = items[j]!;
          let outcome: 'ok' | 'error' | 'truncation';
          let detail = '';
          try {
            outcome = it.store.store(results[j]!, row, it.expr.evaluate(batch, row));
            if (outcome !== 'ok') detail = it.store.lastError?.message ?? '';
          } catch (e) {
            if (!(e instanceof SsisError)) throw e;
            outcome = 'error';
            detail = e.message;
          }
          if (outcome === 'ok') continue;
          const isError = outcome === 'error';
          const msg = isError
            ? `The expression "${it.d.expression}" on "${it.d.name}" failed evaluation. ${detail}`
            : `The value of "${it.d.name}" was truncated. ${detail}`;
          errors.handle(batch, row, outcome, isError ? it.d.errorDisposition : it.d.truncationDisposition, isError ? ROW_ERROR.expression : ROW_ERROR.truncation, it.column, msg);
        }
      }
      for (let j = 0; j < items.length; j++) batch.vectors[items[j]!.slot] = results[j]!;
      await errors.send(batch, settings.output);
    },
  };
}
