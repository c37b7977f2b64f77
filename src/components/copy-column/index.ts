/** @module Copy Column (`Microsoft.CopyMap`): new output columns that copy input columns (`copyColumnId`). */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { textProp } from '../shared/properties.ts';

/** The Copy Column plug-in: the copy shares the input column's values (columns are never changed in place). */
export const copyColumn: ComponentFactory = {
  classId: 'Microsoft.CopyMap',
  aliases: ['DTSTransform.CopyMap', 'DTSTransform.CopyMap.2', 'DTSTransform.CopyMap.3', 'Microsoft.CopyColumn'],
  validate(m, v) {
    const out = m.outputs.find((o) => !o.isErrorOut);
    return (out?.columns ?? [])
      .filter((c) => !lineageRef(textProp(c, 'copyColumnId')))
      .map((c) => v.error('0xC0047072', 'DTS_E_OBJECTIDNOTFOUND', `the output column "${c.name}" does not say which input column it copies (copyColumnId).`));
  },
  create(host) {
    const out = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const layout = host.inputLayout(0);
    const outLayout = host.outputLayout(out);
    const pairs = host.component.outputs[out]!.columns.map((c) => {
      const ref = lineageRef(textProp(c, 'copyColumnId'))!;
      const inCol = host.component.inputs[0]!.columns.find((ic) => ic.lineageId === ref || ic.refId === ref);
      return { from: layout.slotOf(inCol?.lineageId ?? ref)!, to: outLayout.slotOf(c.lineageId)! };
    });
    return {
      async process(_input, batch) {
        for (const p of pairs) batch.vectors[p.to] = batch.column(p.from);
        await host.send(out, batch);
      },
    };
  },
};
