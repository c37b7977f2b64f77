/** @module Flat File Source settings: which file column feeds each output column, RetainNulls, FileNameColumnName. */
import type { ComponentModel, OutputColumnModel } from '../../dataflow/model.ts';
import type { FlatFileLayout } from '../flat-file/file-format.ts';
import { boolProp, textProp } from '../shared/properties.ts';

/** One output column and the file column it reads. */
export interface SourceColumn {
  readonly column: OutputColumnModel;
  /** Index into the connection's columns; -1 for the file-name column. */
  readonly fileIndex: number;
}

/** Typed settings of a Flat File Source. */
export interface FlatFileSourceSettings {
  readonly retainNulls: boolean;
  readonly fileNameColumnName: string;
  readonly output: number;
  readonly errorOutput: number;
  readonly columns: readonly SourceColumn[];
  /** Output columns that match no file column (a validation error). */
  readonly unmatched: readonly string[];
}

/** The external column name an output column maps to (`…ExternalColumns[Name]`), else its own name. */
export function externalName(col: { name: string; externalMetadataColumnId?: string }): string {
  const m = /\.ExternalColumns\[(.*)\]$/.exec(col.externalMetadataColumnId ?? '');
  return m ? m[1]! : col.name;
}

/** Reads the settings, matching output columns to the file's columns by external column name. */
export function readFlatFileSourceSettings(m: ComponentModel, file: FlatFileLayout | undefined): FlatFileSourceSettings {
  const output = m.outputs.findIndex((o) => !o.isErrorOut);
  const errorOutput = m.outputs.findIndex((o) => o.isErrorOut);
  const fileNameColumnName = textProp(m, 'FileNameColumnName') ?? '';
  const unmatched: string[] = [];
  const columns: SourceColumn[] = [];
  for (const c of m.outputs[output]?.columns ?? []) {
    if (fileNameColumnName !== '' && c.name === fileNameColumnName) {
      columns.push({ column: c, fileIndex: -1 });
      continue;
    }
    const name = externalName(c);
    const fileIndex = file ? file.columns.findIndex((fc) => fc.name === name) : -1;
    if (file && fileIndex < 0) unmatched.push(c.name);
    else columns.push({ column: c, fileIndex });
  }
  return { retainNulls: boolProp(m, 'RetainNulls', false), fileNameColumnName, output, errorOutput, columns, unmatched };
}
