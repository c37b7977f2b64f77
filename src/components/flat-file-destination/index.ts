/** @module Flat File Destination (`Microsoft.FlatFileDestination`): writes a temporary file and moves it into place only when the data flow succeeds. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { boundConnection } from '../shared/connection.ts';
import { flatFileLayout } from '../flat-file/file-format.ts';
import { flatFileDestinationRuntime } from './runtime.ts';
import { readFlatFileDestinationSettings } from './settings.ts';

/** The Flat File Destination plug-in. */
export const flatFileDestination: ComponentFactory = {
  classId: 'Microsoft.FlatFileDestination',
  aliases: ['DTSAdapter.FlatFileDestination', 'DTSAdapter.FlatFileDestination.1', 'DTSAdapter.FlatFileDestination.2', 'DTSAdapter.FlatFileDestination.3', '8DA75FED-1B7C-407D-B2AD-2B24209CCCA4'],
  validate(m, v) {
    if (m.connections.length === 0) return [v.error('0xC0202040', 'DTS_E_CONNECTIONREQUIRED', 'a Flat File connection manager must be set on "FlatFileConnection".')];
    const conn = boundConnection(m, v.context);
    if (!conn) return v.context ? [v.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${m.connections[0]!.connectionManagerRefId}" was not found.`)] : [];
    flatFileLayout(conn);
    return [];
  },
  create(host) {
    const file = flatFileLayout(host.connection());
    return flatFileDestinationRuntime(host, file, readFlatFileDestinationSettings(host.component, file));
  },
};
