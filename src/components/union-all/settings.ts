/** @module Union All settings: which output column each input column feeds. */
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { textProp } from '../shared/properties.ts';

/** For each input: pairs of (input column lineage, output column lineage). */
export interface UnionAllSettings {
  readonly inputs: readonly { readonly lineageId: string; readonly outputLineageId: string }[][];
}

/** Reads the mappings (`OutputColumnLineageID` on each input column; by name when absent). */
export function readUnionAllSettings(m: ComponentModel): UnionAllSettings {
  const out = m.outputs.find((o) => !o.isErrorOut);
  return {
    inputs: m.inputs.map((inp) =>
      inp.columns.flatMap((c) => {
        const ref = lineageRef(textProp(c, 'OutputColumnLineageID'));
        const target = ref ? out?.columns.find((oc) => oc.lineageId === ref || oc.refId === ref) : out?.columns.find((oc) => oc.name === c.name);
        return target ? [{ lineageId: c.lineageId, outputLineageId: target.lineageId }] : [];
      }),
    ),
  };
}
