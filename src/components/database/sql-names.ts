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

/**
 * SQL written for SQL Server, with `[bracketed]` identifiers, made readable by another database: brackets become the
 * database's quotes and `[dbo].` is dropped (string literals and comments are left alone). SQL Server gets the text unchanged.
 */
export function translateBrackets(sql: string, kind: DriverKind): string {
  if (kind === 'mssql') return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === '[') {
      const end = sql.indexOf(']', i + 1);
      if (end < 0) {
        out += sql.slice(i);
        break;
      }
      const ident = sql.slice(i + 1, end);
      if (ident.toLowerCase() === 'dbo' && sql[end + 1] === '.') {
        // SQL Server's default schema does not exist elsewhere (see tableName).
        i = end + 2;
        continue;
      }
      out += quoteIdentifier(ident, kind);
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
