/** @module SQLite settings from a DriverConfig: the database file, and quoting of table and column names. */
import type { DriverConfig } from '../driver.ts';
import { splitQualified } from '../names.ts';

/** The database file of a config (`:memory:` when none is named). */
export function sqliteFile(config: DriverConfig): string {
  return config.file ?? config.database ?? ':memory:';
}

/** The schema (when named) and table of a package's table name; SQLite has no `dbo` schema, so that one is dropped. */
export function sqliteTableParts(name: string): { schema?: string; table: string } {
  const parts = splitQualified(name);
  if (parts.length >= 2 && parts[parts.length - 2]!.toLowerCase() !== 'dbo') return { schema: parts[parts.length - 2]!, table: parts[parts.length - 1]! };
  return { table: parts[parts.length - 1] ?? name };
}

/** Quotes a name, keeping a `schema.table` split: `main.t` → `"main"."t"`; already quoted parts stay. */
export function quoteSqliteName(name: string): string {
  return splitQualified(name).map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
}
