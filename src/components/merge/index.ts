/** @module Merge (`Microsoft.Merge`): interleaves two inputs sorted on the same keys into one sorted output. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { putCell, RowStore } from '../shared/row-store.ts';
import { allInputsEnded, compareKeys, sortKeyLineages } from '../shared/sorted-inputs.ts';
import { readUnionAllSettings } from '../union-all/settings.ts';

/** The Merge plug-in (input columns map to output columns like Union All's). Both inputs are gathered, then merged. */
export const merge: ComponentFactory = {
  classId: 'Microsoft.Merge',
  aliases: ['DTSTransform.Merge', 'DTSTransform.Merge.2', 'DTSTransform.Merge.3'],
  validate(m, v) {
    return m.inputs.flatMap((input, i) => {
      const layout = v.inputLayout(i);
      return layout && sortKeyLineages(input, layout).length === 0 ? [v.error('0xC0047083', 'DTS_E_TXMERGEINPUTNOTSORTED', `the input "${input.name}" is not sorted.`)] : [];
    });
  },
  create(host) {
    const settings = readUnionAllSettings(host.component);
    const outLayout = host.outputLayout(0);
    const sides = host.component.inputs.map((input, i) => {
      const layout = host.inputLayout(i);
      const keys = sortKeyLineages(input, layout);
      const pairs = settings.inputs[i]!;
      const slots = [...keys.map((k) => layout.slotOf(k.lineageId)!), ...pairs.map((p) => layout.slotOf(p.lineageId)!)];
      return { keys, pairs, store: new RowStore(slots.length), slots };
    });
    const ends = allInputsEnded(host);
    const size = host.rowsPerBuffer(0);
    return {
      process(input, batch) {
        const sd = sides[input]!;
        sd.store.append(batch, sd.slots);
      },
      async endOfInput(input) {
        if (!ends.end(input)) return;
        const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
        const desc = a.keys.map((k) => k.descending);
        const key = (sd: typeof a, i: number) => sd.keys.map((_, k) => sd.store.values[k]![i]);
        const order: [number, number][] = [];
        let i = 0;
        let j = 0;
        while (i < a.store.length || j < b.store.length) {
          if (j >= b.store.length || (i < a.store.length && compareKeys(key(a, i), key(b, j), desc) <= 0)) order.push([0, i++]);
          else order.push([1, j++]);
        }
        for (let start = 0; start < order.length; start += size) {
          const n = Math.min(size, order.length - start);
          const out = host.newBatch(0, n);
          for (let r = 0; r < n; r++) {
            const [side, idx] = order[start + r]!;
            const sd = sides[side]!;
            sd.pairs.forEach((p, c) => putCell(out.vectors[outLayout.slotOf(p.outputLineageId)!]!, r, sd.store.values[sd.keys.length + c]![idx]));
          }
          await host.send(0, out);
        }
      },
    };
  },
};
