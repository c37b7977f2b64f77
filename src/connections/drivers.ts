/** @module The driver of each database, loaded on first use (pg, mysql2 and tedious cost start-up time), and opening a connection from a resolved config. */
import type { Connection, Driver, DriverConfig, DriverKind } from './driver.ts';

const LOADERS: Readonly<Record<DriverKind, () => Promise<Driver>>> = {
  sqlite: async () => (await import('./sqlite/driver.ts')).sqliteDriver,
  postgres: async () => (await import('./postgres/driver.ts')).postgresDriver,
  mysql: async () => (await import('./mysql/driver.ts')).mysqlDriver,
  mssql: async () => (await import('./mssql/driver.ts')).mssqlDriver,
};

/** The driver of a database kind (its module is loaded the first time). */
export function loadDriver(kind: DriverKind): Promise<Driver> {
  return LOADERS[kind]();
}

/** Opens a connection for a config (from `resolveConnection`); connect failures are SsisError 0xC020801C. */
export async function openConnection(config: DriverConfig): Promise<Connection> {
  return (await loadDriver(config.kind)).connect(config);
}
