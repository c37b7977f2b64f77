/** @module Override URLs that point a connection manager at a database: `postgres://…`, `mysql://…`, `mssql://…`, `sqlite:/path/db.sqlite`. */
import type { DriverConfig, DriverKind, ParameterStyle } from './driver.ts';
import { invalidConnectionError } from './errors.ts';

const SCHEMES: Readonly<Record<string, DriverKind>> = {
  postgres: 'postgres', postgresql: 'postgres', pg: 'postgres',
  mysql: 'mysql', mariadb: 'mysql',
  mssql: 'mssql', sqlserver: 'mssql',
  sqlite: 'sqlite', sqlite3: 'sqlite',
};

/** True when a text is an override URL (a known scheme followed by `:`), not a connection string. */
export function isConnectionUrl(text: string): boolean {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(text.trim());
  return m !== null && SCHEMES[m[1]!.toLowerCase()] !== undefined;
}

function splitQuery(text: string): [string, Record<string, string>] {
  const q = text.indexOf('?');
  if (q < 0) return [text, {}];
  return [text.slice(0, q), Object.fromEntries(new URLSearchParams(text.slice(q + 1)))];
}

/**
 * Parses an override URL into a driver config. `sqlite:` takes a path (`sqlite:/data/x.sqlite`,
 * `sqlite:///data/x.sqlite`, `sqlite:rel.sqlite`, `sqlite::memory:`); the others are URLs with user, password,
 * host, port and database (`postgres://user:pw@host:5432/db`). Query settings: `connectTimeout` (seconds),
 * `instance` (SQL Server), `applicationName`; the rest go to the driver as options (e.g. `ssl=true`).
 */
export function parseConnectionUrl(url: string, parameterStyle: ParameterStyle): DriverConfig {
  const text = url.trim();
  const colon = text.indexOf(':');
  const kind = SCHEMES[text.slice(0, colon).toLowerCase()];
  if (!kind) throw invalidConnectionError(`"${url}" is not a connection URL (postgres://, mysql://, mssql://, sqlite:).`);
  const [rest, query] = splitQuery(text.slice(colon + 1));
  const timeout = query.connectTimeout ?? query.connect_timeout;
  const common = {
    parameterStyle,
    via: 'override' as const,
    ...(timeout !== undefined ? { connectTimeoutSeconds: Number(timeout) } : {}),
    ...(query.applicationName ? { applicationName: query.applicationName } : {}),
  };
  delete query.connectTimeout;
  delete query.connect_timeout;
  delete query.applicationName;
  if (kind === 'sqlite') {
    const file = rest.startsWith('//') ? rest.slice(2) : rest;
    if (!file) throw invalidConnectionError(`The SQLite URL "${url}" names no file (sqlite:/path/db.sqlite or sqlite::memory:).`);
    return { kind, file: decodeURIComponent(file), options: query, description: `SQLite ${file}`, ...common };
  }
  let parsed: URL;
  try {
    parsed = new URL(`x:${rest}`);
  } catch {
    throw invalidConnectionError(`The connection URL "${url}" is malformed.`);
  }
  const instance = query.instance;
  delete query.instance;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
  return {
    kind,
    host,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    ...(instance ? { instance } : {}),
    ...(database ? { database } : {}),
    ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    options: query,
    description: `${kind} ${host}${parsed.port ? `:${parsed.port}` : ''}${database ? `/${database}` : ''}`,
    ...common,
  };
}
