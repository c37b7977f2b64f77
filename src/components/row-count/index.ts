/** @module Row Count (`Microsoft.RowCount`): synchronous pass-through that stores the row count in a variable. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { rowCountRuntime } from './runtime.ts';
import { readRowCountSettings } from './settings.ts';

/** The Row Count plug-in. */
export const rowCount: ComponentFactory = {
  classId: 'Microsoft.RowCount',
  aliases: ['DTSTransform.RowCount', 'DTSTransform.RowCount.2', 'DTSTransform.RowCount.3', 'E2697D8C-70DA-42B2-8208-A19CE3A9FE41'],
  validate(m, v) {
    const s = readRowCountSettings(m);
    if (!s.variableName) return [v.error('0xC020F002', 'DTS_E_TXROWCOUNT_NOVARIABLE', 'the VariableName property is empty; choose an integer variable to receive the row count.')];
    return [];
  },
  create: (host) => rowCountRuntime(host, readRowCountSettings(host.component)),
};
