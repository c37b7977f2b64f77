/** @module Table names written in T-SQL (`[dbo].[SSIS Configurations]`) made usable on each database: brackets replaced by the database's quotes, `dbo.` dropped outside SQL Server. */

/** The quote characters of each dialect. */
const QUOTES: Readonly<Record<string, readonly [string, string]>> = { mssql: ['[', ']'], mysql: ['`', '`'], postgres: ['"', '"'], sqlite: ['"', '"'] };

/** A T-SQL table name for `dialect`: each part quoted the database's way; the `dbo` schema dropped where it does not exist. */
export function tableFor(name: string, dialect: string): string {
  const parts = name.split('.').map((p) => p.trim().replace(/^\[(.*)\]$/, '$1').replace(/^"(.*)"$/, '$1'));
  if (dialect !== 'mssql' && parts.length > 1 && parts[parts.length - 2]!.toLowerCase() === 'dbo') parts.splice(parts.length - 2, 1);
  const [open, close] = QUOTES[dialect] ?? ['"', '"'];
  return parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : `${open}${p.split(close).join(close + close)}${close}`)).join('.');
}
