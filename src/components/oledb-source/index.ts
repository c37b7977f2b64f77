/** @module OLE DB Source (`Microsoft.OLEDBSource`), and the ADO.NET and ODBC sources on the same runtime: table or view, SQL command, from variables, parameters. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { databaseSourceRuntime } from './runtime.ts';
import { readDatabaseSourceSettings } from './settings.ts';

/** The OLE DB Source plug-in. */
export const oledbSource: ComponentFactory = {
  classId: 'Microsoft.OLEDBSource',
  aliases: ['DTSAdapter.OLEDBSource', 'DTSAdapter.OLEDBSource.1', 'DTSAdapter.OLEDBSource.2', 'DTSAdapter.OLEDBSource.3', '165A526D-D5DE-47FF-96A6-F8274C19826B', 'BCEFE59B-6819-47F7-A125-63753B33ABB7', '2C0A8BE5-1EDC-4353-A0EF-B778599C65A0'],
  validate(m, v) {
    const s = readDatabaseSourceSettings(m);
    const a = s.access;
    const missing = (a.kind === 'table' && !a.table) || (a.kind === 'sql' && !a.sql.trim()) || ((a.kind === 'tableVariable' || a.kind === 'sqlVariable') && !a.variable);
    return missing ? [v.error('0xC0202067', 'DTS_E_OLEDBSOURCEADAPTERSTATIC_UNABLETORETRIEVECOLUMNINFO', `the ${a.kind === 'table' ? 'table name (OpenRowset)' : a.kind === 'sql' ? 'SQL command' : 'variable'} is empty.`)] : [];
  },
  create: (host) => databaseSourceRuntime(host, readDatabaseSourceSettings(host.component)),
};

/** The ADO.NET Source (`Microsoft.DataReaderSourceAdapter`) plug-in. */
export const adoNetSource: ComponentFactory = {
  classId: 'Microsoft.DataReaderSourceAdapter',
  aliases: ['Microsoft.SqlServer.Dts.Pipeline.DataReaderSourceAdapter'],
  create: (host) => databaseSourceRuntime(host, readDatabaseSourceSettings(host.component, 'adonet')),
};

/** The ODBC Source (2012+, `Attunity.SSISODBCSrc`) plug-in: AccessMode 0 table (TableName), 1 SQL command. */
export const odbcSource: ComponentFactory = {
  classId: 'Attunity.SSISODBCSrc',
  aliases: ['Microsoft.SSISODBCSrc', 'Microsoft.ODBCSource'],
  create: (host) => databaseSourceRuntime(host, readDatabaseSourceSettings(host.component, 'odbc')),
};
