/** @module Merge Join settings: join type, number of key columns, NULL equality, and where each output column comes from. */
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';

/** Typed settings of a Merge Join. */
export interface MergeJoinSettings {
  /** 0 full outer, 1 left outer, 2 inner. */
  readonly joinType: number;
  readonly numKeyColumns: number;
  readonly treatNullsAsEqual: boolean;
  /** Output columns: which input (0 left, 1 right) and lineage feeds each. */
  readonly columns: readonly { readonly outputLineage: string; readonly input: number; readonly lineageId: string; readonly name: string }[];
}

/** Reads the settings (`InputColumnID` on each output column names an input column). */
export function readMergeJoinSettings(m: ComponentModel): MergeJoinSettings {
  const columns = (m.outputs[0]?.columns ?? []).flatMap((oc) => {
    const ref = lineageRef(textProp(oc, 'InputColumnID'));
    for (let i = 0; i < m.inputs.length; i++) {
      const ic = m.inputs[i]!.columns.find((c) => c.refId === ref || c.lineageId === ref);
      if (ic) return [{ outputLineage: oc.lineageId, input: i, lineageId: ic.lineageId, name: oc.name }];
    }
    return [];
  });
  return { joinType: intProp(m, 'JoinType', 2), numKeyColumns: intProp(m, 'NumKeyColumns', 1), treatNullsAsEqual: boolProp(m, 'TreatNullsAsEqual', true), columns };
}
