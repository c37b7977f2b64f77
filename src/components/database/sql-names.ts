/** @module Table names from packages (`[dbo].[Orders]`, `"s"."t"`) re-quoted for the target database. */
import type { DriverKind } from '../../connections/driver.ts';
import { splitQualified } from '../../connections/names.ts';

/** Quotes one identifier for a database. */
export function quoteIdentifier(name: string, kind: DriverKind): string {
  if (kind === 'mysql') return '`' + name.replaceAll('`', '``') + '`';
  if (kind === 'mssql') return '[' + name.replaceAll(']', ']]') + ']';
  return '"' + name.replaceAll('"', '""') + '"';
}

/**
 * A table name as the target database spells it. SQL Server's `dbo` schema is dropped on databases without it
 * (PostgreSQL keeps `public`, MariaDB uses the connection's database, SQLite has no schemas).
 */
export function tableName(text: string, kind: DriverKind): string {
  return tableParts(text, kind).map((p) => quoteIdentifier(p, kind)).join('.');
}

/** The parts of a table name for a database (see {@link tableName}), unquoted. */
export function tableParts(text: string, kind: DriverKind): string[] {
  let parts = splitQualified(text);
  if (kind !== 'mssql' && parts.length > 1 && parts[parts.length - 2]!.toLowerCase() === 'dbo') parts = parts.slice(parts.length - 1);
  if (kind === 'sqlite' && parts.length > 1) parts = parts.slice(parts.length - 1);
  return parts;
}
