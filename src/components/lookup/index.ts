/** @module Lookup (`Microsoft.Lookup`): full cache (from a query or a Cache connection manager), partial and no cache; match, no-match and error outputs. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { lookupRuntime } from './runtime.ts';
import { readLookupSettings } from './settings.ts';

/** The Lookup plug-in. */
export const lookup: ComponentFactory = {
  classId: 'Microsoft.Lookup',
  aliases: ['DTSTransform.Lookup', 'DTSTransform.Lookup.1', 'DTSTransform.Lookup.2', 'DTSTransform.Lookup.3', '671046B0-AA63-4C9F-90E4-C06E0B710CE3', '27648839-180F-45E6-838D-AFF53DF682D2'],
  validate(m, v) {
    const s = readLookupSettings(m);
    const errors = [];
    if (s.joins.length === 0) errors.push(v.error('0xC020823E', 'DTS_E_LOOKUPNOJOINCOLUMNS', 'no input column is joined to a reference column (JoinToReferenceColumn).'));
    if (s.connectionType === 0 && !s.sqlCommand.trim() && !s.sqlCommandParam.trim()) errors.push(v.error('0xC0202067', 'DTS_E_LOOKUPNOREFERENCE', 'the reference query (SqlCommand) is empty.'));
    if (s.connectionType === 1 && s.cacheType !== 0) errors.push(v.error('0xC020823F', 'DTS_E_LOOKUPCACHEREQUIRESFULLCACHE', 'a Cache connection manager can only be used with the full cache mode.'));
    return errors;
  },
  create: (host) => lookupRuntime(host, readLookupSettings(host.component)),
};
