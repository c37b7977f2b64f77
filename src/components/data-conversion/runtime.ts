/** @module Data Conversion runtime: converts input columns into new output columns of other types, per SSIS's conversion rules. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { createColumnVector } from '../../types/index.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import type { DataConversionSettings } from './settings.ts';

/** Creates the runtime. */
export function dataConversionRuntime(host: ComponentHost, settings: DataConversionSettings): ComponentRuntime {
  const inLayout = host.inputLayout(0);
  const outLayout = host.outputLayout(settings.output);
  const items = settings.conversions.map((c) => {
    const from = inLayout.columns[inLayout.slotOf(c.sourceLineageId!)!]!;
    const to = outLayout.columns[outLayout.slotOf(c.column.lineageId)!]!;
    return { c, from, to, store: new ConvertingStore(from.type, to.type) };
  });
  const errors = new RowErrors(host, settings.errorOutput);
  return {
    async process(_input, batch: Batch) {
      errors.reset();
      for (const it of items) {
        const src = batch.column(it.from.slot);
        const dst = createColumnVector(it.to.type, batch.length);
        const isBool = src.type.type === 'DT_BOOL';
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          if (errors.isRedirected(row)) continue;
          const raw = src.nulls[row] === 1 ? null : (src.values as ArrayLike<unknown>)[row];
          const outcome = it.store.store(dst, row, isBool && raw !== null ? raw === 1 : raw);
          if (outcome === 'ok') continue;
          const isError = outcome === 'error';
          const detail = `Data conversion failed while converting column "${it.from.name}" to column "${it.c.column.name}". ${it.store.lastError?.message ?? ''}`;
          errors.handle(batch, row, outcome, isError ? it.c.errorDisposition : it.c.truncationDisposition, isError ? ROW_ERROR.conversion : ROW_ERROR.truncation, it.from, detail);
        }
        batch.vectors[it.to.slot] = dst;
      }
      await errors.send(batch, settings.output);
    },
  };
}
