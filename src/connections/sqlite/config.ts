/** @module SQLite settings from a DriverConfig: the database file, and quoting of table and column names. */
import type { DriverConfig } from '../driver.ts';
import { splitQualified } from '../names.ts';

/** The database file of a config (`:memory:` when none is named). */
export function sqliteFile(config: DriverConfig): string {
  return config.file ?? config.database ?? ':memory:';
}

/** Quotes a name, keeping a `schema.table` split: `main.t` → `"main"."t"`; already quoted parts stay. */
export function quoteSqliteName(name: string): string {
  return splitQualified(name).map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
}
