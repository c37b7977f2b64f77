/** @module Opens a connection manager's database through `src/connections`: its connection string or an override (settings file, `/CONN` URL) picks the driver. */
import { resolveConnection, type ConnectionManagerRef } from '../connections/resolve.ts';
import type { ConnectionOverrides } from '../connections/overrides.ts';
import { isConnectionUrl } from '../connections/connection-url.ts';
import type { Connection, Driver, DriverKind } from '../connections/driver.ts';
import type { DatabaseOpener, DbSession } from './databases.ts';
import type { ConnectionSpec } from './model.ts';

const DRIVERS: Record<DriverKind, () => Promise<Driver>> = {
  sqlite: async () => (await import('../connections/sqlite/driver.ts')).sqliteDriver,
  postgres: async () => (await import('../connections/postgres/driver.ts')).postgresDriver,
  mysql: async () => (await import('../connections/mysql/driver.ts')).mysqlDriver,
  mssql: async () => (await import('../connections/mssql/driver.ts')).mssqlDriver,
};

/** Seconds to wait for a server when the connection string does not say (shorter than OLE DB's 15, so a run never seems to hang). */
const DEFAULT_CONNECT_TIMEOUT = 10;

function ref(cm: ConnectionSpec): ConnectionManagerRef {
  return { name: cm.name, creationName: cm.creationName, connectionString: cm.connectionString, id: cm.id };
}

/** Opens and checks databases for a run, with the overrides in force. */
export interface DatabaseAccess {
  /** Opens a session (connects with the driver the connection resolves to). */
  readonly open: DatabaseOpener;
  /** At validation: resolves the connection without connecting; throws SsisError naming what is missing or unsupported. */
  readonly check: (cm: ConnectionSpec) => void;
  /** Connects and gives the driver's own connection (streaming, bulk load: the data flow's sources and destinations). */
  readonly connect: (cm: ConnectionSpec) => Promise<Connection>;
}

/** Database access over `resolveConnection` and the drivers. A connection string that is itself an override URL (set by `/Set` or a configuration) counts as an override. */
export function databaseAccess(overrides: ConnectionOverrides = {}): DatabaseAccess {
  const resolveFor = (cm: ConnectionSpec) =>
    isConnectionUrl(cm.connectionString)
      ? resolveConnection(ref(cm), { ...overrides, connections: { ...overrides.connections, [cm.name]: cm.connectionString } })
      : resolveConnection(ref(cm), overrides);
  const connect = async (cm: ConnectionSpec): Promise<Connection> => {
    const resolved = resolveFor(cm);
    const config = resolved.connectTimeoutSeconds === undefined ? { ...resolved, connectTimeoutSeconds: DEFAULT_CONNECT_TIMEOUT } : resolved;
    return (await DRIVERS[config.kind]()).connect(config);
  };
  return {
    check: (cm) => void resolveFor(cm),
    connect,
    async open(cm): Promise<DbSession> {
      const conn = await connect(cm);
      return {
        connectionType: cm.creationName.split(',')[0]!.trim(),
        dialect: conn.kind,
        query: (sql, params, opts) => conn.query(sql, params, opts),
        begin: () => conn.begin(),
        commit: () => conn.commit(),
        rollback: () => conn.rollback(),
        close: () => conn.close(),
      };
    },
  };
}
