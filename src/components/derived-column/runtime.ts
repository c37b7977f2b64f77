/** @module Derived Column runtime: evaluates every derivation over the whole buffer (compiled columnar expressions) on the original input values, then installs the results. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { createColumnVector, readCell, type ColumnVector } from '../../types/index.ts';
import { compileBufferExpression } from '../shared/expression.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import type { DerivedColumnSettings } from './settings.ts';

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
      const results: ColumnVector[] = [];
      for (const it of items) {
        const { values, failures } = it.expr.run(batch);
        for (const f of failures) {
          errors.handle(batch, f.row, 'error', it.d.errorDisposition, ROW_ERROR.expression, it.column, `The expression "${it.d.expression}" on "${it.d.name}" failed evaluation. ${f.error.message}`);
        }
        if (it.store.isIdentity) {
          results.push(values);
          continue;
        }
        const out = createColumnVector(it.column.type, batch.length);
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          if (errors.isRedirected(row)) continue;
          const outcome = it.store.store(out, row, readCell(values, row));
          if (outcome === 'ok') continue;
          const isError = outcome === 'error';
          const msg = isError
            ? `The result of the expression "${it.d.expression}" on "${it.d.name}" cannot be converted to ${it.column.type.type}. ${it.store.lastError?.message ?? ''}`
            : `The value of "${it.d.name}" was truncated. ${it.store.lastError?.message ?? ''}`;
          errors.handle(batch, row, outcome, isError ? it.d.errorDisposition : it.d.truncationDisposition, isError ? ROW_ERROR.conversion : ROW_ERROR.truncation, it.column, msg);
        }
        results.push(out);
      }
      for (let j = 0; j < items.length; j++) batch.vectors[items[j]!.slot] = results[j]!;
      await errors.send(batch, settings.output);
    },
  };
}
