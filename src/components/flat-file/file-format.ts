/** @module A Flat File connection manager's settings turned into what the tokenizer and writer need. */
import { SsisError } from '../../errors.ts';
import type { DataFlowConnection } from '../../dataflow/context.ts';
import type { FlatFileColumn, FlatFileSettings } from '../../package/connection-manager.ts';
import { fileEncoding, scannedBytes, type FileEncoding } from './encoding.ts';
import type { TokenColumn } from './tokenizer.ts';

/** The settings of one flat file, ready for reading or writing. */
export interface FlatFileLayout {
  readonly settings: FlatFileSettings;
  readonly path: string;
  readonly encoding: FileEncoding;
  /** The qualifier text, or '' when none (`<none>`). */
  readonly qualifier: string;
  readonly columns: readonly FlatFileColumn[];
  readonly tokenColumns: readonly TokenColumn[];
  readonly headerRowDelimiter: Uint8Array;
}

/** Reads the connection's flat file settings; throws naming the connection when it is not a flat file connection. */
export function flatFileLayout(conn: DataFlowConnection): FlatFileLayout {
  const s = conn.flatFile;
  if (!s) {
    throw new SsisError('0xC0202010', 'DTS_E_INCORRECTCONNECTIONMANAGERTYPE', `The connection manager "${conn.name}" is not a Flat File connection manager (it is "${conn.creationName}").`);
  }
  const encoding = fileEncoding(s.codePage, s.unicode);
  const qualifier = s.textQualifier === '<none>' ? '' : s.textQualifier;
  const format = s.format.toLowerCase();
  const n = s.columns.length;
  const tokenColumns = s.columns.map<TokenColumn>((c, i) => {
    const fixed = format === 'fixedwidth' || (format === 'raggedright' && i < n - 1) || c.columnType.toLowerCase() === 'fixedwidth';
    let delimiter = c.columnDelimiter;
    if (!fixed && i === n - 1 && delimiter === '' && s.rowDelimiter) delimiter = s.rowDelimiter;
    if (!fixed && delimiter === '') delimiter = i === n - 1 ? '\r\n' : ',';
    return {
      delimiter: fixed ? new Uint8Array(0) : scannedBytes(delimiter, encoding),
      width: fixed ? Math.max(1, c.columnWidth) : 0,
      qualified: c.textQualified && qualifier !== '',
    };
  });
  return {
    settings: s,
    path: conn.connectionString,
    encoding,
    qualifier,
    columns: s.columns,
    tokenColumns,
    headerRowDelimiter: scannedBytes(s.headerRowDelimiter || '\r\n', encoding),
  };
}

/** The row delimiter text: the last column's delimiter (SSIS keeps the row delimiter there), else RowDelimiter. */
export function rowDelimiterText(s: FlatFileSettings): string {
  const last = s.columns[s.columns.length - 1];
  return last && last.columnDelimiter !== '' ? last.columnDelimiter : s.rowDelimiter || '\r\n';
}
