/** @module SQL Server's `Data Source`/`Server` value (`host\instance`, `host,port`, `tcp:host`, `(local)`, `.`) split into host, instance and port. */

/** Where a SQL Server data source points. */
export interface SqlServerAddress {
  readonly host: string;
  readonly instance?: string;
  readonly port?: number;
}

const LOCAL = new Set(['.', '(local)', 'localhost', '127.0.0.1', '(localdb)']);

/**
 * Splits a SQL Server data source: an optional protocol prefix (`tcp:`, `np:`, `lpc:`, `admin:`) is dropped,
 * `,port` gives the port, `\instance` the named instance; `.`, `(local)` and `(localdb)` mean this machine.
 */
export function parseSqlServerDataSource(text: string): SqlServerAddress {
  let t = text.trim().replace(/^(?:tcp|np|lpc|admin):/i, '');
  let port: number | undefined;
  const comma = t.lastIndexOf(',');
  if (comma >= 0) {
    const p = Number.parseInt(t.slice(comma + 1).trim(), 10);
    if (Number.isFinite(p)) port = p;
    t = t.slice(0, comma).trim();
  }
  let instance: string | undefined;
  const slash = t.indexOf('\\');
  if (slash >= 0) {
    instance = t.slice(slash + 1).trim() || undefined;
    t = t.slice(0, slash).trim();
  }
  const host = LOCAL.has(t.toLowerCase()) || t === '' ? 'localhost' : t;
  return { host, ...(instance ? { instance } : {}), ...(port !== undefined ? { port } : {}) };
}

/** `host[\instance][,port]` for messages and override keys. */
export function formatSqlServerAddress(a: SqlServerAddress): string {
  return `${a.host}${a.instance ? `\\${a.instance}` : ''}${a.port !== undefined ? `,${a.port}` : ''}`;
}
