/** @module What a database connection manager is (OLE DB, ADO.NET, ODBC, …) and which database its provider, driver or ADO.NET type names. */
import type { DriverKind, ParameterStyle } from './driver.ts';
import { connectionStringValue, type ParsedConnectionString } from './connection-string.ts';
import { notSupportedError, invalidConnectionError } from './errors.ts';

/** The connection manager types that reach a database. */
export type ConnectionFamily = 'OLEDB' | 'ADO.NET' | 'ODBC' | 'EXCEL' | 'OTHER';

/** The family of a connection manager by its CreationName (`OLEDB`, `ADO.NET:System.Data.SqlClient.SqlConnection, …`, `ODBC`, `EXCEL`). */
export function connectionFamily(creationName: string): ConnectionFamily {
  const c = creationName.trim().toUpperCase();
  if (c.startsWith('OLEDB')) return 'OLEDB';
  if (c.startsWith('ADO.NET')) return 'ADO.NET';
  if (c.startsWith('ODBC')) return 'ODBC';
  if (c.startsWith('EXCEL')) return 'EXCEL';
  return 'OTHER';
}

/** The ADO.NET provider type of a CreationName (`System.Data.SqlClient.SqlConnection`), or '' for other families. */
export function adoNetType(creationName: string): string {
  const m = /^ADO\.NET:([^,]*)/i.exec(creationName.trim());
  return m ? m[1]!.trim() : '';
}

/**
 * The parameter markers the package's SQL uses with this connection manager (Execute SQL task, OLE DB source):
 * ADO.NET SqlClient (and other ADO.NET providers but OleDb and Odbc) use `@name`; OLE DB, ODBC, Excel and
 * ADO.NET's OleDb/Odbc bridges use `?`.
 */
export function parameterStyleOf(creationName: string): ParameterStyle {
  if (connectionFamily(creationName) !== 'ADO.NET') return 'positional';
  return /oledb|odbc/i.test(adoNetType(creationName)) ? 'positional' : 'named';
}

const PROVIDERS: readonly [RegExp, DriverKind][] = [
  [/^(sqlncli|sqloledb|msoledbsql|sqlclient)/i, 'mssql'],
  [/^(pgnp|postgresql|npgsql|pgoledb)/i, 'postgres'],
  [/^(mysql|mariadb)/i, 'mysql'],
  [/^sqlite/i, 'sqlite'],
];

const ODBC_DRIVERS: readonly [RegExp, DriverKind][] = [
  [/sql server|sql native client|sqlncli/i, 'mssql'],
  [/postgres/i, 'postgres'],
  [/mysql|mariadb/i, 'mysql'],
  [/sqlite/i, 'sqlite'],
];

const ADO_NET_TYPES: readonly [RegExp, DriverKind][] = [
  [/^(System\.Data\.SqlClient\.SqlConnection|Microsoft\.Data\.SqlClient\.SqlConnection|SQL)$/i, 'mssql'],
  [/npgsql/i, 'postgres'],
  [/mysql/i, 'mysql'],
  [/sqlite/i, 'sqlite'],
];

function byTable(text: string, table: readonly [RegExp, DriverKind][]): DriverKind | undefined {
  return table.find(([re]) => re.test(text))?.[1];
}

/** The database an ODBC-style string (`Driver={…}` or `Dsn=…`) reaches. */
function odbcTarget(name: string, parsed: ParsedConnectionString): DriverKind {
  const driver = connectionStringValue(parsed, 'Driver');
  if (driver) {
    const kind = byTable(driver, ODBC_DRIVERS);
    if (kind) return kind;
    throw notSupportedError(`The ODBC driver "${driver}" of connection manager "${name}"`);
  }
  const dsn = connectionStringValue(parsed, 'Dsn');
  throw invalidConnectionError(
    `The connection manager "${name}" uses the ODBC data source name "${dsn ?? ''}", which cannot be looked up here. ` +
      `Point it at a database with /CONN "${name}";postgres://… or the "connections" setting.`,
  );
}

/** The database an OLE DB string reaches, by its Provider. */
function oleDbTarget(name: string, parsed: ParsedConnectionString): DriverKind {
  const provider = connectionStringValue(parsed, 'Provider');
  if (!provider) throw invalidConnectionError(`The OLE DB connection manager "${name}" names no Provider in its connection string.`);
  if (/^msdasql/i.test(provider)) return odbcTarget(name, parsed);
  const kind = byTable(provider, PROVIDERS);
  if (kind) return kind;
  if (/^(microsoft\.jet|microsoft\.ace)/i.test(provider)) throw notSupportedError(`Reading Excel or Access files through the OLE DB provider "${provider}" (connection manager "${name}"); use an Excel connection manager`);
  if (/^msolap/i.test(provider)) throw notSupportedError(`Analysis Services (provider "${provider}", connection manager "${name}")`);
  throw notSupportedError(`The OLE DB provider "${provider}" of connection manager "${name}"`);
}

/** The database a connection manager reaches, from its CreationName and parsed connection string. */
export function connectionTarget(name: string, creationName: string, parsed: ParsedConnectionString): DriverKind {
  switch (connectionFamily(creationName)) {
    case 'OLEDB':
      return oleDbTarget(name, parsed);
    case 'ODBC':
      return odbcTarget(name, parsed);
    case 'ADO.NET': {
      const type = adoNetType(creationName);
      if (/oledb/i.test(type)) return oleDbTarget(name, parsed);
      if (/odbc/i.test(type)) return odbcTarget(name, parsed);
      const kind = byTable(type, ADO_NET_TYPES);
      if (kind) return kind;
      throw notSupportedError(`The ADO.NET provider "${type}" of connection manager "${name}"`);
    }
    case 'EXCEL':
      throw notSupportedError(`Running SQL against the Excel connection manager "${name}"`);
    default:
      throw notSupportedError(`Connection manager "${name}" of type "${creationName}" as a database connection`);
  }
}
