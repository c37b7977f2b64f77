/** @module Merge Join runtime: gathers both sorted inputs, then joins them key by key (inner, left outer, full outer). */
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { putCell, RowStore } from '../shared/row-store.ts';
import { allInputsEnded, compareKeys, sortKeyLineages } from '../shared/sorted-inputs.ts';
import type { MergeJoinSettings } from './settings.ts';

/** Creates the runtime. */
export function mergeJoinRuntime(host: ComponentHost, s: MergeJoinSettings): ComponentRuntime {
  const sides = [0, 1].map((i) => {
    const layout = host.inputLayout(i);
    const keys = sortKeyLineages(host.component.inputs[i]!, layout).slice(0, s.numKeyColumns);
    const cols = s.columns.filter((c) => c.input === i);
    const lineages = [...keys.map((k) => k.lineageId), ...cols.map((c) => c.lineageId)];
    return { keys, cols, slots: lineages.map((l) => layout.slotOf(l)!), store: new RowStore(lineages.length) };
  });
  const descending = sides[0]!.keys.map((k) => k.descending);
  const outLayout = host.outputLayout(0);
  const rowsPerBuffer = host.rowsPerBuffer(0);
  const ends = allInputsEnded(host);

  const emit = async (pairs: [number, number][]): Promise<void> => {
    for (let start = 0; start < pairs.length; start += rowsPerBuffer) {
      const n = Math.min(rowsPerBuffer, pairs.length - start);
      const out = host.newBatch(0, n);
      for (const side of [0, 1]) {
        const sd = sides[side]!;
        const nk = sd.keys.length;
        sd.cols.forEach((c, j) => {
          const col = out.vectors[outLayout.slotOf(c.outputLineage)!]!;
          const values = sd.store.values[nk + j]!;
          for (let r = 0; r < n; r++) {
            const idx = pairs[start + r]![side]!;
            putCell(col, r, idx < 0 ? null : values[idx]);
          }
        });
      }
      await host.send(0, out);
    }
  };

  const join = (): [number, number][] => {
    const [L, R] = sides as [(typeof sides)[number], (typeof sides)[number]];
    const key = (sd: typeof L, i: number) => sd.keys.map((_, k) => sd.store.values[k]![i]);
    const pairs: [number, number][] = [];
    let i = 0;
    let j = 0;
    const nl = L.store.length;
    const nr = R.store.length;
    while (i < nl || j < nr) {
      if (j >= nr) {
        if (s.joinType !== 2) pairs.push([i, -1]);
        i++;
        continue;
      }
      if (i >= nl) {
        if (s.joinType === 0) pairs.push([-1, j]);
        j++;
        continue;
      }
      const c = compareKeys(key(L, i), key(R, j), descending, s.treatNullsAsEqual);
      if (c < 0) {
        if (s.joinType !== 2) pairs.push([i, -1]);
        i++;
      } else if (c > 0) {
        if (s.joinType === 0) pairs.push([-1, j]);
        j++;
      } else {
        // Every left row of this key with every right row of this key.
        const kl = key(L, i);
        let j2 = j;
        while (j2 < nr && compareKeys(kl, key(R, j2), descending, s.treatNullsAsEqual) === 0) j2++;
        while (i < nl && compareKeys(key(L, i), kl, descending, s.treatNullsAsEqual) === 0) {
          for (let x = j; x < j2; x++) pairs.push([i, x]);
          i++;
        }
        j = j2;
      }
    }
    return pairs;
  };

  return {
    process(input, batch) {
      const sd = sides[input]!;
      sd.store.append(batch, sd.slots);
    },
    async endOfInput(input) {
      if (!ends.end(input)) return;
      await emit(join());
      for (const sd of sides) sd.store.clear();
    },
  };
}
