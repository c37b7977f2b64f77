/** @module Sort (`Microsoft.Sort`): fully blocking; sort keys with comparison flags, EliminateDuplicates, spills to disk past its memory limit. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { sortRuntime } from './runtime.ts';
import { readSortSettings } from './settings.ts';

/** The Sort plug-in. */
export const sort: ComponentFactory = {
  classId: 'Microsoft.Sort',
  aliases: ['DTSTransform.Sort', 'DTSTransform.Sort.2', 'DTSTransform.Sort.3', '5B1A3FF5-D366-4D75-AD1F-F19A36FCBEDB'],
  validate(m, v) {
    return readSortSettings(m).keys.length === 0 ? [v.error('0xC0047072', 'DTS_E_TXSORTNOKEYS', 'no input column is a sort key (NewSortKeyPosition).')] : [];
  },
  create: (host) => sortRuntime(host, readSortSettings(host.component), host.context.sortMemoryLimit),
};
