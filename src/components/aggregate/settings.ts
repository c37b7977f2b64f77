/** @module Aggregate settings: per output, the group-by and aggregation columns. */
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';

/** SSIS AggregationType values. */
export const AGG = { groupBy: 0, count: 1, countAll: 2, countDistinct: 3, sum: 4, average: 5, minimum: 6, maximum: 7 } as const;

/** One output column's aggregation. */
export interface Aggregation {
  readonly outputLineage: string;
  readonly name: string;
  readonly type: number;
  /** Input lineage aggregated (undefined for Count all). */
  readonly inputLineage: string | undefined;
  readonly flags: number;
  readonly isBig: boolean;
}

/** Typed settings of an Aggregate: one entry per output. */
export interface AggregateSettings {
  readonly outputs: readonly { readonly output: number; readonly columns: readonly Aggregation[] }[];
}

/** Reads the settings (`AggregationType`, `AggregationColumnId`, `AggregationComparisonFlags`, `IsBig` on output columns). */
export function readAggregateSettings(m: ComponentModel): AggregateSettings {
  const inputs = m.inputs[0]?.columns ?? [];
  return {
    outputs: m.outputs.map((o, output) => ({
      output,
      columns: o.columns.map((c) => {
        const ref = lineageRef(textProp(c, 'AggregationColumnId'));
        const ic = ref ? inputs.find((i) => i.lineageId === ref || i.refId === ref) : undefined;
        const type = intProp(c, 'AggregationType', AGG.groupBy);
        return {
          outputLineage: c.lineageId,
          name: c.name,
          type,
          inputLineage: ic?.lineageId ?? (type === AGG.countAll ? undefined : ref),
          flags: intProp(c, 'AggregationComparisonFlags', 0),
          isBig: boolProp(c, 'IsBig', false),
        };
      }),
    })),
  };
}
