/** @module MySQL/MariaDB settings from a DriverConfig (mysql2 options), quoting of names and inlining of values. */
import type mysql from 'mysql2';
import type { DriverConfig } from '../driver.ts';
import { splitQualified } from '../names.ts';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { dateTimeText } from '../values.ts';
import { isBracedGuid } from '../copy-text.ts';

/** mysql2 connection options for a config. Values arrive as text where exactness matters (BIGINT, DECIMAL, dates). */
export function mysqlConnectionOptions(config: DriverConfig): mysql.ConnectionOptions {
  return {
    host: config.host ?? '127.0.0.1',
    port: config.port ?? 3306,
    user: config.user,
    password: config.password,
    database: config.database,
    connectTimeout: 1000 * (config.connectTimeoutSeconds ?? 15),
    multipleStatements: true,
    rowsAsArray: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    decimalNumbers: false,
    timezone: 'Z',
    charset: 'utf8mb4',
    connectAttributes: config.applicationName ? { program_name: config.applicationName.slice(0, 64) } : undefined,
  };
}

/** Quotes a (possibly qualified) name: `[dbo].[T]` → `` `T` `` (a `dbo` schema means the current database). */
export function quoteMysqlName(name: string): string {
  const parts = splitQualified(name);
  if (parts.length === 2 && parts[0]!.toLowerCase() === 'dbo') parts.shift();
  return parts.map(quoteMysqlIdentifier).join('.');
}

/** Quotes one identifier. */
export function quoteMysqlIdentifier(part: string): string {
  return '`' + part.replace(/`/g, '``') + '`';
}

/** The schema (or undefined for the current database) and table of a name. */
export function mysqlTableParts(name: string): { schema?: string; table: string } {
  const parts = splitQualified(name);
  if (parts.length >= 2 && parts[parts.length - 2]!.toLowerCase() !== 'dbo') return { schema: parts[parts.length - 2]!, table: parts[parts.length - 1]! };
  return { table: parts[parts.length - 1]! };
}

/** A value written as a MySQL literal (parameters are inlined, as mysql2's own `query` does). */
export function mysqlLiteral(v: unknown, escape: (s: string) => string): string {
  if (v === null || v === undefined) return 'NULL';
  switch (typeof v) {
    case 'number': return Number.isFinite(v) ? String(v) : 'NULL';
    case 'bigint': return String(v);
    case 'boolean': return v ? 'TRUE' : 'FALSE';
    // MariaDB's UUID type rejects SSIS's braces around a GUID.
    case 'string': return escape(isBracedGuid(v) ? v.slice(1, -1) : v);
    default:
      if (v instanceof SsisDecimal) return v.toString();
      // MySQL keeps at most 6 fractional digits.
      if (v instanceof SsisDateTime) return escape(dateTimeText(v.offset === 0 ? v : v.toUtc()).replace(/(\.\d{6})\d+$/, '$1'));
      if (v instanceof Date) return escape(v.toISOString().replace('T', ' ').replace('Z', ''));
      if (v instanceof Uint8Array) return `X'${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}'`;
      return escape(String(v));
  }
}
