/** @module The driver of each database, and opening a connection from a resolved config. */
import type { Connection, Driver, DriverConfig, DriverKind } from './driver.ts';
import { sqliteDriver } from './sqlite/driver.ts';
import { postgresDriver } from './postgres/driver.ts';
import { mysqlDriver } from './mysql/driver.ts';
import { mssqlDriver } from './mssql/driver.ts';

const DRIVERS: Readonly<Record<DriverKind, Driver>> = {
  sqlite: sqliteDriver,
  postgres: postgresDriver,
  mysql: mysqlDriver,
  mssql: mssqlDriver,
};

/** The driver of a database kind. */
export function driverFor(kind: DriverKind): Driver {
  return DRIVERS[kind];
}

/** Opens a connection for a config (from `resolveConnection`); connect failures are SsisError 0xC020801C. */
export function openConnection(config: DriverConfig): Promise<Connection> {
  return driverFor(config.kind).connect(config);
}
