/** @module Where a package's connections are redirected: the settings file (`connections`, `pathMap`), dtexec's `/CONN name;value` and `OPENDTS_PATH_MAP`. */
import fs from 'node:fs';
import { invalidConnectionError } from './errors.ts';
import { parsePathMap, pathRulesFromEnv, type PathMapRule } from './windows-path.ts';

/** Everything `resolveConnection` may take from outside the package. */
export interface ConnectionOverrides {
  /**
   * Override per connection manager: key = the manager's name, its DTSID, `DataSource/InitialCatalog`
   * (also `DataSource.InitialCatalog`), `DataSource`, or `*` for every database connection; value = an override URL
   * (`postgres://…`, `mysql://…`, `mssql://…`, `sqlite:/path`) or a whole connection string that replaces the package's.
   */
  readonly connections?: Readonly<Record<string, string>>;
  /** Windows path prefixes → Linux folders (see mapWindowsPath). */
  readonly pathRules?: readonly PathMapRule[];
}

/** The settings file's shape: `{"connections": {...}, "pathMap": "C:\\=/data/c/;…" | {"C:\\": "/data/c/"}}`. */
export interface ConnectionSettingsFile {
  readonly connections?: Readonly<Record<string, string>>;
  readonly pathMap?: string | Readonly<Record<string, string>>;
}

/** Reads overrides from a parsed settings object. */
export function overridesFromSettings(settings: ConnectionSettingsFile): ConnectionOverrides {
  const connections = settings.connections ?? {};
  for (const [k, v] of Object.entries(connections)) {
    if (typeof v !== 'string') throw invalidConnectionError(`The connection override "${k}" must be a string (a URL or a connection string).`);
  }
  const map = settings.pathMap;
  const pathRules = map === undefined ? [] : typeof map === 'string' ? parsePathMap(map) : Object.entries(map).map(([from, to]) => ({ from, to }));
  return { connections, pathRules };
}

/** Reads a JSON settings file (throws SsisError naming the file when it is unreadable or not JSON). */
export function loadConnectionSettings(file: string): ConnectionOverrides {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw invalidConnectionError(`Cannot read the connection settings file "${file}": ${(e as Error).message}`);
  }
  try {
    return overridesFromSettings(JSON.parse(text) as ConnectionSettingsFile);
  } catch (e) {
    if (e instanceof SyntaxError) throw invalidConnectionError(`The connection settings file "${file}" is not valid JSON: ${e.message}`);
    throw e;
  }
}

/** Splits dtexec's `/CONN` value `name;value` at the first `;` (quotes around either part are dropped). */
export function parseConnSwitch(value: string): { name: string; value: string } {
  const semi = value.indexOf(';');
  if (semi <= 0) throw invalidConnectionError(`The /Connection option needs "name;connection string or URL", not "${value}".`);
  const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/s, '$1');
  return { name: unquote(value.slice(0, semi)), value: unquote(value.slice(semi + 1)) };
}

/**
 * Combines override sources, later ones winning per key: settings file, then `/CONN` values in command-line
 * order; path rules from the settings file and `OPENDTS_PATH_MAP` (the environment's rules win on the same prefix).
 */
export function combineOverrides(parts: {
  settings?: ConnectionOverrides;
  conn?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}): ConnectionOverrides {
  const connections: Record<string, string> = { ...(parts.settings?.connections ?? {}) };
  for (const c of parts.conn ?? []) {
    const { name, value } = parseConnSwitch(c);
    connections[name] = value;
  }
  const pathRules = [...(parts.settings?.pathRules ?? []), ...(parts.env ? pathRulesFromEnv(parts.env) : [])];
  return { connections, pathRules };
}
