/** @module A package's connection manager mapped onto a driver: by its connection string (Provider / Driver / ADO.NET type), or by an override. */
import type { DriverConfig, DriverKind } from './driver.ts';
import { connectionBoolean, connectionStringValue, parseConnectionString, type ParsedConnectionString } from './connection-string.ts';
import { connectionTarget, parameterStyleOf } from './connection-type.ts';
import { isConnectionUrl, parseConnectionUrl } from './connection-url.ts';
import { parseSqlServerDataSource, formatSqlServerAddress } from './data-source.ts';
import type { ConnectionOverrides } from './overrides.ts';
import { mapWindowsPath } from './windows-path.ts';
import { invalidConnectionError } from './errors.ts';

/** The parts of a connection manager the resolver reads. */
export interface ConnectionManagerRef {
  readonly name: string;
  /** `OLEDB`, `ADO.NET:System.Data.SqlClient.SqlConnection, …`, `ODBC`, … */
  readonly creationName: string;
  /** Undefined when the package keeps it encrypted and it could not be decrypted. */
  readonly connectionString: string | undefined;
  /** The manager's DTSID (`{GUID}`), which `/CONN` may use instead of the name (the package model's `dtsId` works too). */
  readonly id?: string;
  readonly dtsId?: string;
}

const DEFAULT_PORTS: Readonly<Record<DriverKind, number | undefined>> = { postgres: 5432, mysql: 3306, mssql: undefined, sqlite: undefined };

/** The override keys that may name a connection manager, most specific first. */
function overrideKeys(cm: ConnectionManagerRef, parsed: ParsedConnectionString | undefined): string[] {
  const keys = [cm.name];
  const id = cm.id ?? cm.dtsId;
  if (id) keys.push(id);
  const source = parsed ? connectionStringValue(parsed, 'Data Source') : undefined;
  const catalog = parsed ? connectionStringValue(parsed, 'Initial Catalog') : undefined;
  if (source && catalog) keys.push(`${source}/${catalog}`, `${source}.${catalog}`);
  if (source) keys.push(source);
  keys.push('*');
  return keys;
}

/** The override for a connection manager, if any (keys compare case-insensitively). */
function findOverride(cm: ConnectionManagerRef, parsed: ParsedConnectionString | undefined, overrides: ConnectionOverrides): string | undefined {
  const table = overrides.connections;
  if (!table) return undefined;
  const lower = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of overrideKeys(cm, parsed)) {
    const hit = lower.get(key.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function tryParse(text: string): ParsedConnectionString | undefined {
  try {
    return parseConnectionString(text);
  } catch {
    return undefined;
  }
}

/** A config from a connection string (the package's own, or one given as an override). */
function fromConnectionString(cm: ConnectionManagerRef, text: string, via: DriverConfig['via'], overrides: ConnectionOverrides): DriverConfig {
  const parsed = parseConnectionString(text);
  const kind = connectionTarget(cm.name, cm.creationName, parsed);
  const get = (key: string): string | undefined => connectionStringValue(parsed, key);
  const timeout = get('Connect Timeout');
  const common = {
    parameterStyle: parameterStyleOf(cm.creationName),
    via,
    ...(timeout !== undefined && Number.isFinite(Number(timeout)) ? { connectTimeoutSeconds: Number(timeout) } : {}),
    ...(get('Application Name') ? { applicationName: get('Application Name')! } : {}),
  };
  if (kind === 'sqlite') {
    const file = mapWindowsPath(get('Data Source') ?? get('Initial Catalog') ?? ':memory:', overrides.pathRules);
    return { kind, file, description: `SQLite ${file}`, ...common };
  }
  const source = get('Data Source') ?? 'localhost';
  const address = kind === 'mssql' ? parseSqlServerDataSource(source) : splitHostPort(source);
  const port = address.port ?? (get('Port') ? Number(get('Port')) : DEFAULT_PORTS[kind]);
  const database = get('Initial Catalog');
  const user = get('User ID');
  const password = get('Password');
  const integrated = connectionBoolean(get('Integrated Security'));
  return {
    kind,
    host: address.host,
    ...(port !== undefined ? { port } : {}),
    ...('instance' in address && address.instance ? { instance: address.instance } : {}),
    ...(database ? { database } : {}),
    ...(user ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(integrated ? { integratedSecurity: true } : {}),
    description: `${kind === 'mssql' ? 'SQL Server' : kind} ${kind === 'mssql' ? formatSqlServerAddress(address) : address.host}${database ? `/${database}` : ''}`,
    ...common,
  };
}

function splitHostPort(source: string): { host: string; port?: number } {
  const m = /^(.*?)[,:](\d+)$/.exec(source.trim());
  return m ? { host: m[1]!, port: Number(m[2]) } : { host: source.trim() };
}

/**
 * Maps a connection manager onto a driver. An override (by name, DTSID, `DataSource/InitialCatalog`,
 * `DataSource` or `*`) wins: a URL picks the database outright, a connection string replaces the package's.
 * Otherwise the package's connection string decides, by its Provider (OLE DB), Driver (ODBC) or ADO.NET type.
 * The SQL the package runs is never rewritten. Throws SsisError naming what is missing or not supported.
 */
export function resolveConnection(cm: ConnectionManagerRef, overrides: ConnectionOverrides = {}): DriverConfig {
  const own = cm.connectionString === undefined || isConnectionUrl(cm.connectionString) ? undefined : tryParse(cm.connectionString);
  // A connection string that is itself an override URL (set by /SET, a configuration or an expression) counts as one.
  const override = findOverride(cm, own, overrides) ?? (cm.connectionString !== undefined && isConnectionUrl(cm.connectionString) ? cm.connectionString : undefined);
  if (override !== undefined) {
    if (isConnectionUrl(override)) {
      const config = parseConnectionUrl(override, parameterStyleOf(cm.creationName));
      return config.kind === 'sqlite' ? { ...config, file: mapWindowsPath(config.file!, overrides.pathRules) } : config;
    }
    return fromConnectionString(cm, override, 'override', overrides);
  }
  if (cm.connectionString === undefined) {
    throw invalidConnectionError(
      `The connection string of "${cm.name}" is encrypted in the package and could not be decrypted. Give the package password (/De) or set the connection with /CONN "${cm.name}";… or the "connections" setting.`,
    );
  }
  return fromConnectionString(cm, cm.connectionString, 'connection-string', overrides);
}
