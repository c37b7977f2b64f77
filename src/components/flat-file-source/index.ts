/** @module Flat File Source (`Microsoft.FlatFileSource`): delimited, fixed width and ragged right files, with an error output. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { boundConnection } from '../shared/connection.ts';
import { flatFileLayout } from '../flat-file/file-format.ts';
import { flatFileSourceRuntime } from './runtime.ts';
import { readFlatFileSourceSettings } from './settings.ts';

/** The Flat File Source plug-in. */
export const flatFileSource: ComponentFactory = {
  classId: 'Microsoft.FlatFileSource',
  aliases: ['DTSAdapter.FlatFileSource', 'DTSAdapter.FlatFileSource.1', 'DTSAdapter.FlatFileSource.2', 'DTSAdapter.FlatFileSource.3', 'D23FD76B-F51D-420F-BBCB-19CBF6AC1AB4'],
  validate(m, v) {
    if (m.connections.length === 0) return [v.error('0xC0202040', 'DTS_E_CONNECTIONREQUIRED', 'a Flat File connection manager must be set on "FlatFileConnection".')];
    const conn = boundConnection(m, v.context);
    if (!conn) return v.context ? [v.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${m.connections[0]!.connectionManagerRefId}" was not found.`)] : [];
    const file = flatFileLayout(conn);
    const s = readFlatFileSourceSettings(m, file);
    return s.unmatched.map((c) => v.error('0xC02020E8', 'DTS_E_FLATFILESOURCEADAPTERSTATIC_COLUMNNOTFOUND', `the output column "${c}" has no matching column in the flat file connection manager "${conn.name}".`));
  },
  create(host) {
    const file = flatFileLayout(host.connection());
    return flatFileSourceRuntime(host, file, readFlatFileSourceSettings(host.component, file));
  },
};
