/** @module Union All runtime: appends each arriving batch to the output, mapping columns; unmapped columns are NULL. */
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { gather } from '../shared/rows.ts';
import type { UnionAllSettings } from './settings.ts';

/** Creates the runtime. */
export function unionAllRuntime(host: ComponentHost, settings: UnionAllSettings): ComponentRuntime {
  const outLayout = host.outputLayout(0);
  const maps = settings.inputs.map((pairs, i) => {
    const inLayout = host.inputLayout(i);
    return pairs.map((p) => ({ from: inLayout.slotOf(p.lineageId)!, to: outLayout.slotOf(p.outputLineageId)! }));
  });
  return {
    async process(input, batch) {
      const out = host.newBatch(0, batch.count);
      for (const { from, to } of maps[input]!) gather(batch.column(from), batch, out.column(to), 0);
      await host.send(0, out);
    },
  };
}
