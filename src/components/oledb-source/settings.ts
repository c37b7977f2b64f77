/** @module OLE DB Source settings (also used by the ADO.NET and ODBC sources): access mode, table or SQL, parameters. */
import type { ComponentModel, OutputColumnModel } from '../../dataflow/model.ts';
import { parseParameterMapping, type ParameterBinding } from '../database/parameters.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { intProp, textProp } from '../shared/properties.ts';

/** How the source reads. */
export type SourceAccess =
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'tableVariable'; readonly variable: string }
  | { readonly kind: 'sql'; readonly sql: string }
  | { readonly kind: 'sqlVariable'; readonly variable: string };

/** Typed settings of a database source. */
export interface DatabaseSourceSettings {
  readonly access: SourceAccess;
  readonly parameters: readonly ParameterBinding[];
  readonly timeoutSeconds: number;
  readonly output: number;
  readonly errorOutput: number;
  /** Output columns and the result column name each reads. */
  readonly columns: readonly { readonly column: OutputColumnModel; readonly source: string }[];
}

/**
 * Reads the settings. OLE DB: AccessMode 0 table, 1 table from variable, 2 SQL command, 3 SQL from variable.
 * ADO.NET uses the same numbers with `TableOrViewName` / `SqlCommand`; ODBC: 0 table, 1 SQL (`TableName` / `SqlCommand`).
 */
export function readDatabaseSourceSettings(m: ComponentModel, flavour: 'oledb' | 'adonet' | 'odbc' = 'oledb'): DatabaseSourceSettings {
  const mode = intProp(m, 'AccessMode', flavour === 'oledb' ? 0 : 0);
  const table = textProp(m, 'OpenRowset') ?? textProp(m, 'TableOrViewName') ?? textProp(m, 'TableName') ?? '';
  const sql = textProp(m, 'SqlCommand') ?? '';
  let access: SourceAccess;
  if (flavour === 'odbc') access = mode === 1 ? { kind: 'sql', sql } : { kind: 'table', table };
  else if (mode === 1) access = { kind: 'tableVariable', variable: textProp(m, 'OpenRowsetVariable') ?? '' };
  else if (mode === 2) access = { kind: 'sql', sql };
  else if (mode === 3) access = { kind: 'sqlVariable', variable: textProp(m, 'SqlCommandVariable') ?? '' };
  else access = { kind: 'table', table };
  const output = m.outputs.findIndex((o) => !o.isErrorOut);
  return {
    access,
    parameters: parseParameterMapping(textProp(m, 'ParameterMapping')),
    timeoutSeconds: intProp(m, 'CommandTimeout', 0),
    output,
    errorOutput: m.outputs.findIndex((o) => o.isErrorOut),
    columns: (m.outputs[output]?.columns ?? []).map((column) => ({ column, source: externalName(column) })),
  };
}
