/** @module Aggregate (`Microsoft.Aggregate`): fully blocking group-by with every aggregation type, one or more outputs. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { aggregateRuntime } from './runtime.ts';
import { AGG, readAggregateSettings } from './settings.ts';

/** The Aggregate plug-in. */
export const aggregate: ComponentFactory = {
  classId: 'Microsoft.Aggregate',
  aliases: ['DTSTransform.Aggregate', 'DTSTransform.Aggregate.2', 'DTSTransform.Aggregate.3', '5B201335-B360-485C-BB93-75C34E09B3D3'],
  validate(m, v) {
    const layout = v.inputLayout(0);
    return readAggregateSettings(m).outputs.flatMap((o) =>
      o.columns
        .filter((c) => c.type !== AGG.countAll && (!c.inputLineage || (layout && layout.slotOf(c.inputLineage) === undefined)))
        .map((c) => v.error('0xC004706B', 'DTS_E_BUFFERCOLUMNNOTFOUND', `the output column "${c.name}" aggregates an input column that does not reach the component (AggregationColumnId).`)),
    );
  },
  create: (host) => aggregateRuntime(host, readAggregateSettings(host.component)),
};
