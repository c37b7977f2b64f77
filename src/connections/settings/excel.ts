/** @module The Excel connection manager: the workbook path (mapped to Linux), its Excel version and header setting, from the Jet/ACE OLE DB string. */
import type { ConnectionManager } from '../../package/index.ts';
import { connectionStringValue, parseConnectionString } from '../connection-string.ts';
import { invalidConnectionError } from '../errors.ts';
import { mapWindowsPath, type PathMapRule } from '../windows-path.ts';

/** The workbook formats an Excel connection manager names (`Extended Properties="Excel 8.0;…"`). */
export type ExcelVersion = 'Excel 97-2003' | 'Excel 2007+' | 'Excel 2007+ binary' | 'Excel 2007+ macro-enabled';

/** An Excel connection manager's settings. */
export interface ExcelConnectionSettings {
  readonly rawPath: string;
  readonly path: string;
  readonly provider: string;
  readonly version: ExcelVersion;
  /** `Excel 8.0`, `Excel 12.0 Xml`, … as written. */
  readonly extendedVersion: string;
  /** HDR=YES (default): the first row holds column names. */
  readonly firstRowHasColumnNames: boolean;
  /** IMEX=1: mixed columns read as text. */
  readonly importMixedAsText: boolean;
}

/** Reads an EXCEL connection manager's OLE DB string. */
export function excelConnectionSettings(cm: Pick<ConnectionManager, 'name' | 'connectionString'>, rules: readonly PathMapRule[] = []): ExcelConnectionSettings {
  const parsed = parseConnectionString(cm.connectionString ?? '');
  const rawPath = connectionStringValue(parsed, 'Data Source') ?? '';
  if (!rawPath) throw invalidConnectionError(`The Excel connection manager "${cm.name}" names no workbook (Data Source).`);
  // Extended Properties="EXCEL 8.0;HDR=YES;IMEX=1": version words first, then key=value settings.
  const parts = (connectionStringValue(parsed, 'Extended Properties') ?? '').split(';').map((p) => p.trim()).filter(Boolean);
  const extendedVersion = parts.find((p) => !p.includes('=')) ?? '';
  const setting = (key: string): string | undefined => parts.find((p) => p.toUpperCase().startsWith(`${key}=`))?.slice(key.length + 1).trim();
  const words = extendedVersion.toLowerCase();
  const version: ExcelVersion = /12\.0 macro/.test(words)
    ? 'Excel 2007+ macro-enabled'
    : /12\.0 xml/.test(words) ? 'Excel 2007+' : /12\.0/.test(words) ? 'Excel 2007+ binary' : /8\.0/.test(words) ? 'Excel 97-2003' : /\.xlsx$/i.test(rawPath) ? 'Excel 2007+' : 'Excel 97-2003';
  return {
    rawPath,
    path: mapWindowsPath(rawPath, rules),
    provider: connectionStringValue(parsed, 'Provider') ?? '',
    version,
    extendedVersion,
    firstRowHasColumnNames: !/^no$/i.test(setting('HDR') ?? 'YES'),
    importMixedAsText: setting('IMEX') === '1',
  };
}
