/** @module OLE DB Destination (`Microsoft.OLEDBDestination`) and the ADO.NET Destination: table or view, fast load through each driver's bulk path. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { databaseDestinationRuntime } from './runtime.ts';
import { readDatabaseDestinationSettings } from './settings.ts';

function validate(m: Parameters<NonNullable<ComponentFactory['validate']>>[0], v: Parameters<NonNullable<ComponentFactory['validate']>>[1]) {
  const s = readDatabaseDestinationSettings(m);
  if (s.sqlCommandMode) return [v.error('0xC0202009', 'DTS_E_OLEDBDESTINATIONSQLCOMMANDNOTSUPPORTED', 'the "SQL command" access mode of the destination is not supported by OpenDTS; use a table or view, or fast load.')];
  if ('name' in s.table && !s.table.name) return [v.error('0xC0202067', 'DTS_E_OLEDBDESTINATIONADAPTERSTATIC_NOTABLE', 'the destination table (OpenRowset) is empty.')];
  return [];
}

/** The OLE DB Destination plug-in. */
export const oledbDestination: ComponentFactory = {
  classId: 'Microsoft.OLEDBDestination',
  aliases: ['DTSAdapter.OLEDBDestination', 'DTSAdapter.OLEDBDestination.1', 'DTSAdapter.OLEDBDestination.2', 'DTSAdapter.OLEDBDestination.3', '4ADA7EAA-136C-4215-8098-D7A7C27FC0D1', '5A0B62E8-D91D-49F5-94A5-7BE58DE508F0', 'E2568105-9550-4F71-A638-B7FE42E66922'],
  validate,
  create: (host) => databaseDestinationRuntime(host, readDatabaseDestinationSettings(host.component)),
};

/** The ADO.NET Destination (`Microsoft.ADONETDestination`) plug-in. */
export const adoNetDestination: ComponentFactory = {
  classId: 'Microsoft.ADONETDestination',
  aliases: ['Microsoft.SqlServer.Dts.Pipeline.ADONETDestination'],
  validate,
  create: (host) => databaseDestinationRuntime(host, readDatabaseDestinationSettings(host.component)),
};

/** The ODBC Destination (2012+, `Attunity.SSISODBCDst`) plug-in: rows in batches through the driver's bulk path (TableName). */
export const odbcDestination: ComponentFactory = {
  classId: 'Attunity.SSISODBCDst',
  aliases: ['Microsoft.SSISODBCDst', 'Microsoft.ODBCDestination'],
  validate,
  create: (host) => databaseDestinationRuntime(host, readDatabaseDestinationSettings(host.component)),
};
