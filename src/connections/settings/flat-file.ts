/** @module The Flat File connection manager's settings, typed for the data flow: path, format, encoding, qualifier, rows to skip, and columns with DT_* types. */
import type { ConnectionManager, FlatFileSettings } from '../../package/index.ts';
import { dataTypeOfCode, type DataTypeName } from '../../types/index.ts';
import { invalidConnectionError } from '../errors.ts';
import type { PathMapRule } from '../windows-path.ts';
import { encodingForCodePage } from './code-pages.ts';
import { fileConnectionSettings } from './file.ts';
import { ssisBoolean } from './element-property.ts';

/** One column of a flat file. */
export interface FlatFileColumnSettings {
  readonly name: string;
  /** `Delimited` or `FixedWidth` (the last column of a ragged-right file is `Delimited`). */
  readonly columnType: 'Delimited' | 'FixedWidth';
  /** The decoded delimiter after this column (the last column's is the row delimiter). */
  readonly delimiter: string;
  /** Input width of a fixed-width column (characters, or bytes for non-Unicode files). */
  readonly width: number;
  /** Output width (`MaximumWidth`): the string length of the column. */
  readonly maximumWidth: number;
  readonly dataType: DataTypeName;
  readonly precision: number;
  readonly scale: number;
  readonly textQualified: boolean;
  readonly fastParse: boolean;
}

/** A Flat File connection manager's settings. */
export interface FlatFileConnectionSettings {
  readonly rawPath: string;
  /** The Linux path (see mapWindowsPath); empty when the path comes from an expression set at run time. */
  readonly path: string;
  readonly format: 'Delimited' | 'FixedWidth' | 'RaggedRight';
  /** The iconv-lite encoding (UTF-16 LE when Unicode). */
  readonly encoding: string;
  readonly codePage: number;
  readonly unicode: boolean;
  readonly localeId: number;
  readonly headerRowsToSkip: number;
  readonly headerRowDelimiter: string;
  readonly columnNamesInFirstDataRow: boolean;
  readonly dataRowsToSkip: number;
  /** The row delimiter property (usually empty: the last column's delimiter ends the row). */
  readonly rowDelimiter: string;
  /** The text qualifier, or undefined for `<none>`. */
  readonly textQualifier: string | undefined;
  /** 2012+: look for the row delimiter in unquoted data before the last column (default True). */
  readonly alwaysCheckForRowDelimiters: boolean;
  readonly columns: readonly FlatFileColumnSettings[];
}

const FORMATS = ['Delimited', 'FixedWidth', 'RaggedRight'] as const;

/** Reads a FLATFILE connection manager from the package model (its flat file part is already decoded there). */
export function flatFileConnectionSettings(
  cm: Pick<ConnectionManager, 'name' | 'connectionString' | 'properties' | 'flatFile'>,
  rules: readonly PathMapRule[] = [],
): FlatFileConnectionSettings {
  const ff: FlatFileSettings | undefined = cm.flatFile;
  if (!ff) throw invalidConnectionError(`The connection manager "${cm.name}" has no flat file format.`);
  const format = FORMATS.find((f) => f.toLowerCase() === ff.format.toLowerCase());
  if (!format) throw invalidConnectionError(`The flat file connection manager "${cm.name}" has the unknown format "${ff.format}".`);
  const file = fileConnectionSettings(cm, rules);
  return {
    rawPath: file.rawPath,
    path: file.path,
    format,
    encoding: encodingForCodePage(ff.codePage, ff.unicode),
    codePage: ff.codePage,
    unicode: ff.unicode,
    localeId: ff.localeId,
    headerRowsToSkip: ff.headerRowsToSkip,
    headerRowDelimiter: ff.headerRowDelimiter,
    columnNamesInFirstDataRow: ff.columnNamesInFirstDataRow,
    dataRowsToSkip: ff.dataRowsToSkip,
    rowDelimiter: ff.rowDelimiter,
    textQualifier: ff.textQualifier === '' || ff.textQualifier === '<none>' ? undefined : ff.textQualifier,
    alwaysCheckForRowDelimiters: ssisBoolean(cm.properties.AlwaysCheckForRowDelimiters, true),
    columns: ff.columns.map((c) => {
      const type = dataTypeOfCode(c.dataType);
      if (!type) throw invalidConnectionError(`The flat file column "${c.name}" of "${cm.name}" has the unknown data type ${c.dataType}.`);
      return {
        name: c.name,
        columnType: /^fixed/i.test(c.columnType) ? 'FixedWidth' : 'Delimited',
        delimiter: c.columnDelimiter,
        width: c.columnWidth,
        maximumWidth: c.maximumWidth,
        dataType: type.name,
        precision: c.dataPrecision,
        scale: c.dataScale,
        textQualified: c.textQualified,
        fastParse: c.fastParse,
      };
    }),
  };
}
