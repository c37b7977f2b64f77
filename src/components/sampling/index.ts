/** @module Percentage Sampling (`Microsoft.PctSampling`, per-row, synchronous) and Row Sampling (`Microsoft.RowSampling`, exact count, blocking). */
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';
import { putCell, RowStore } from '../shared/row-store.ts';
import { seededRandom } from './random.ts';

/** Indexes of the selected and unselected outputs (property `Selected`; else the first two outputs). */
function sampleOutputs(m: ComponentModel): { selected: number; unselected: number } {
  const sel = m.outputs.findIndex((o) => boolProp(o, 'Selected', false));
  const selected = sel >= 0 ? sel : 0;
  const unselected = m.outputs.findIndex((_, i) => i !== selected);
  return { selected, unselected };
}

/** The Percentage Sampling plug-in. */
export const percentageSampling: ComponentFactory = {
  classId: 'Microsoft.PctSampling',
  aliases: ['DTSTransform.PctSampling', 'DTSTransform.PctSampling.2', 'DTSTransform.PctSampling.3', 'Microsoft.PercentageSampling'],
  create(host) {
    const m = host.component;
    const pct = intProp(m, 'SamplingValue', 10) / 100;
    const random = seededRandom(intProp(m, 'SamplingSeed', 0));
    const { selected, unselected } = sampleOutputs(m);
    return {
      async process(_input, batch) {
        const yes: number[] = [];
        const no: number[] = [];
        for (let k = 0; k < batch.count; k++) (random() < pct ? yes : no).push(batch.row(k));
        if (yes.length) await host.send(selected, batch.select(Int32Array.from(yes), yes.length));
        if (no.length && unselected >= 0) await host.send(unselected, batch.select(Int32Array.from(no), no.length));
      },
    };
  },
};

/** The Row Sampling plug-in: exactly SamplingValue rows (or all when fewer) go to the selected output. */
export const rowSampling: ComponentFactory = {
  classId: 'Microsoft.RowSampling',
  aliases: ['DTSTransform.RowSampling', 'DTSTransform.RowSampling.2', 'DTSTransform.RowSampling.3'],
  create(host) {
    const m = host.component;
    const wanted = intProp(m, 'SamplingValue', 10);
    const random = seededRandom(intProp(m, 'SamplingSeed', 0));
    const { selected, unselected } = sampleOutputs(m);
    const inLayout = host.inputLayout(0);
    const outs = [selected, unselected].filter((o) => o >= 0).map((o) => {
      const layout = host.outputLayout(o);
      return {
        o,
        cols: m.outputs[o]!.columns.map((c) => {
          const ref = lineageRef(textProp(c, 'InputColumnLineageId'));
          const ic = m.inputs[0]!.columns.find((i) => i.lineageId === ref || i.refId === ref || (!ref && i.name === c.name));
          return { out: layout.slotOf(c.lineageId)!, input: ic ? m.inputs[0]!.columns.indexOf(ic) : -1 };
        }),
      };
    });
    const slots = m.inputs[0]!.columns.map((c) => inLayout.slotOf(c.lineageId)!);
    const store = new RowStore(slots.length);
    return {
      process(_input, batch) {
        store.append(batch, slots);
      },
      async endOfInput() {
        const n = store.length;
        const idx = Array.from({ length: n }, (_, i) => i);
        for (let i = 0; i < Math.min(wanted, n); i++) {
          const j = i + Math.floor(random() * (n - i));
          [idx[i], idx[j]] = [idx[j]!, idx[i]!];
        }
        const chosen = idx.slice(0, Math.min(wanted, n)).sort((a, b) => a - b);
        const isChosen = new Set(chosen);
        const rest = idx.filter((i) => !isChosen.has(i)).sort((a, b) => a - b);
        for (const { o, cols } of outs) {
          const rows = o === selected ? chosen : rest;
          if (rows.length === 0) continue;
          const out = host.newBatch(o, rows.length);
          for (const c of cols) {
            if (c.input < 0) continue;
            rows.forEach((r, i) => putCell(out.vectors[c.out]!, i, store.values[c.input]![r]));
          }
          await host.send(o, out);
        }
        store.clear();
      },
    };
  },
};
