/** @module Opens a connection manager's database through `src/connections`: an override URL (`sqlite:/x.db`, `postgres://…`, `mysql://…`) picks the driver. */
import { SsisError } from '../errors.ts';
import { isConnectionUrl, parseConnectionUrl } from '../connections/connection-url.ts';
import type { Driver, DriverKind } from '../connections/driver.ts';
import type { DatabaseOpener, DbSession } from './databases.ts';
import type { ConnectionSpec } from './model.ts';

const DRIVERS: Record<DriverKind, () => Promise<Driver | undefined>> = {
  sqlite: async () => (await import('../connections/sqlite/driver.ts')).sqliteDriver,
  postgres: async () => (await import('../connections/postgres/driver.ts')).postgresDriver,
  mysql: async () => undefined,
  mssql: async () => undefined,
};

/** The SSIS connection type of a connection manager (`OLEDB`, `ADO.NET:…`, `ODBC`). */
function connectionType(cm: ConnectionSpec): string {
  return cm.creationName.split(',')[0]!.trim();
}

/**
 * Checks, without connecting, that a connection manager can be opened here (used by validation).
 * A connection string that is an override URL can; any other names a server OpenDTS cannot reach
 * by itself and is refused with a message telling how to point it elsewhere.
 */
export function checkDatabase(cm: ConnectionSpec): void {
  if (!isConnectionUrl(cm.connectionString)) {
    throw new SsisError('0xC0202009', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `SSIS Error Code DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER. The AcquireConnection method call to the connection manager "${cm.name}" failed: its connection string names a server OpenDTS cannot reach here. Point it at a database with /CONN "${cm.name}";sqlite:/path/db.sqlite (or postgres://…, mysql://…).`);
  }
}

/** The opener dtexec uses: checks the connection manager, then connects with the driver its URL names. */
export const openDatabase: DatabaseOpener = async (cm): Promise<DbSession> => {
  checkDatabase(cm);
  const type = connectionType(cm);
  const named = /^ado\.net/i.test(type) && !/odbc|oledb/i.test(type);
  const config = parseConnectionUrl(cm.connectionString, named ? 'named' : 'positional');
  const driver = await DRIVERS[config.kind]();
  if (!driver) throw new SsisError('0xC0202009', 'DTS_E_DRIVERNOTAVAILABLE', `The ${config.kind} driver is not available yet to open the connection "${cm.name}".`);
  const conn = await driver.connect(config);
  return {
    connectionType: type,
    dialect: config.kind,
    query: (sql, params, opts) => conn.query(sql, params, opts),
    begin: () => conn.begin(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    close: () => conn.close(),
  };
};
