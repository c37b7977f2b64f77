/** @module The workbook file of an Excel connection manager (`…;Data Source=C:\book.xlsx;Extended Properties="Excel 12.0 XML;HDR=YES"`). */
import { parseConnectionString, connectionStringValue } from '../../connections/connection-string.ts';
import type { DataFlowConnection, DataFlowContext } from '../../dataflow/context.ts';

/** The workbook path (mapped to a local path) and whether the first row holds column names (HDR, default yes). */
export function workbookOf(cm: DataFlowConnection, ctx: DataFlowContext): { path: string; header: boolean } {
  const text = cm.connectionString;
  if (!/data source\s*=/i.test(text)) return { path: text, header: true };
  const parsed = parseConnectionString(text);
  const source = connectionStringValue(parsed, 'Data Source') ?? '';
  const ext = connectionStringValue(parsed, 'Extended Properties') ?? '';
  return { path: ctx.mapPath ? ctx.mapPath(source) : source, header: !/HDR\s*=\s*NO/i.test(ext) };
}

/** The worksheet an OpenRowset or SQL command names (`Sheet1$`, `[Sheet1$]`, `SELECT * FROM [Sheet1$]`), without the `$`. */
export function sheetName(openRowset: string | undefined, sql: string | undefined): string | undefined {
  const fromSql = sql ? /from\s+\[?([^\]]+?)\]?\s*$/i.exec(sql.trim())?.[1] : undefined;
  const raw = (openRowset?.trim() || fromSql || '').replace(/^\[|\]$/g, '').replace(/^'|'$/g, '');
  if (raw === '') return undefined;
  return raw.endsWith('$') ? raw.slice(0, -1) : raw;
}
