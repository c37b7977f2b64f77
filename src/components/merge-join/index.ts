/** @module Merge Join (`Microsoft.MergeJoin`): inner, left outer and full outer joins of two inputs sorted on the join keys. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { sortKeyLineages } from '../shared/sorted-inputs.ts';
import { mergeJoinRuntime } from './runtime.ts';
import { readMergeJoinSettings } from './settings.ts';

/** The Merge Join plug-in. Both inputs are gathered before joining (memory grows with the inputs). */
export const mergeJoin: ComponentFactory = {
  classId: 'Microsoft.MergeJoin',
  aliases: ['DTSTransform.MergeJoin', 'DTSTransform.MergeJoin.2', 'DTSTransform.MergeJoin.3', '14D43A4F-D7BD-489D-829E-6DE35750CFE4', 'A18A4D58-7C7A-4448-8B98-AE2CEFE81B4C'],
  validate(m, v) {
    const s = readMergeJoinSettings(m);
    const errors = [];
    for (let i = 0; i < 2; i++) {
      const input = m.inputs[i];
      if (!input) {
        errors.push(v.error('0xC0047072', 'DTS_E_TXMERGEJOINNEEDSTWOINPUTS', 'the component needs a left and a right input.'));
        continue;
      }
      const layout = v.inputLayout(i);
      if (layout && sortKeyLineages(input, layout).length < s.numKeyColumns) {
        errors.push(v.error('0xC0047083', 'DTS_E_TXMERGEJOININPUTNOTSORTED', `the input "${input.name}" is not sorted on ${s.numKeyColumns} key column(s); sort it (Sort transformation, or IsSorted and SortKeyPosition on the source).`));
      }
    }
    return errors;
  },
  create: (host) => mergeJoinRuntime(host, readMergeJoinSettings(host.component)),
};
