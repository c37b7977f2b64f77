/** @module The SQL Server log provider: log entries as rows of `sysssislog` in the database of a connection manager (SQLite, PostgreSQL, MariaDB or SQL Server), the table created when missing. */
import { hostname, userInfo } from 'node:os';
import type { Connection, DriverKind } from '../connections/driver.ts';
import type { ListenerRegistration } from './engine.ts';
import type { RuntimeEvent } from './events.ts';

/** `CREATE TABLE` of the log table per database, in the shape of SSIS's `sysssislog` (ssis-tooling §3.5). */
function createTable(kind: DriverKind, table: string): string {
  const id = { sqlite: 'id INTEGER PRIMARY KEY AUTOINCREMENT', postgres: 'id SERIAL PRIMARY KEY', mysql: 'id INT AUTO_INCREMENT PRIMARY KEY', mssql: 'id INT IDENTITY(1,1) NOT NULL PRIMARY KEY' }[kind];
  const time = { sqlite: 'TEXT', postgres: 'TIMESTAMP', mysql: 'DATETIME(3)', mssql: 'DATETIME' }[kind];
  const bytes = { sqlite: 'BLOB', postgres: 'BYTEA', mysql: 'LONGBLOB', mssql: 'IMAGE' }[kind];
  const text = (n: number) => (kind === 'mssql' ? `NVARCHAR(${n})` : kind === 'sqlite' ? 'TEXT' : `VARCHAR(${n})`);
  const columns = `${id}, event ${text(128)} NOT NULL, computer ${text(128)} NOT NULL, operator ${text(128)} NOT NULL, source ${text(1024)} NOT NULL, sourceid ${text(38)} NOT NULL, executionid ${text(38)} NOT NULL, starttime ${time} NOT NULL, endtime ${time} NOT NULL, datacode INT NOT NULL, databytes ${bytes} NULL, message ${text(2048)} NOT NULL`;
  return kind === 'mssql'
    ? `IF OBJECT_ID(N'dbo.${table}') IS NULL CREATE TABLE dbo.${table} (${columns})`
    : `CREATE TABLE IF NOT EXISTS ${table} (${columns})`;
}

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/**
 * A log provider writing each entry as a row of `table` (sysssislog) through `open()`'s connection,
 * opened at the first entry and closed after PackageEnd. Rows are written in order; messages are cut
 * at 2048 characters as SSIS does.
 */
export function sqlServerLogger(open: () => Promise<Connection>, executionId: () => string, opts: { table?: string; events?: ReadonlySet<string>; named?: boolean } = {}): ListenerRegistration {
  const table = opts.table ?? 'sysssislog';
  const computer = hostname();
  const op = operator();
  let conn: Promise<Connection> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const write = async (e: RuntimeEvent): Promise<void> => {
    conn ??= open().then(async (c) => {
      await c.query(createTable(c.kind, table));
      return c;
    });
    const c = await conn;
    const time = c.kind === 'sqlite' ? e.time.toISOString() : e.time;
    const values = [e.event, computer, op, e.sourceName, e.sourceId, executionId(), time, time, e.dataCode ?? 0, e.message.slice(0, 2048)];
    const columns = 'event, computer, operator, source, sourceid, executionid, starttime, endtime, datacode, message';
    if (opts.named) {
      await c.query(`INSERT INTO ${table} (${columns}) VALUES (${values.map((_, i) => `@p${i}`).join(', ')})`, Object.fromEntries(values.map((v, i) => [`p${i}`, v])));
    } else {
      await c.query(`INSERT INTO ${table} (${columns}) VALUES (${values.map(() => '?').join(', ')})`, values);
    }
    if (e.event === 'PackageEnd') {
      conn = undefined;
      await c.close();
    }
  };
  return {
    events: opts.events,
    listener: (e) => {
      queue = queue.then(() => write(e));
      return queue;
    },
  };
}
