/** @module OLE DB Destination settings (also the ADO.NET destination): target table, fast load options, input → table column mapping. */
import type { BulkLoadOptions } from '../../connections/driver.ts';
import { parseFastLoadOptions } from '../../connections/fast-load-options.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { intProp, textProp } from '../shared/properties.ts';

/** Typed settings of a database destination. */
export interface DatabaseDestinationSettings {
  /** The table as written, or the variable holding it. */
  readonly table: { readonly name: string } | { readonly variable: string };
  readonly fastLoad: boolean;
  readonly options: BulkLoadOptions;
  /** Input lineages and the table column each feeds. */
  readonly columns: readonly { readonly lineageId: string; readonly target: string }[];
  /** AccessMode 2 (SQL command as the rowset) is not supported. */
  readonly sqlCommandMode: boolean;
}

/** Reads the settings. OLE DB AccessMode: 0 table, 1 table from variable, 2 SQL command, 3 fast load, 4 fast load from variable. */
export function readDatabaseDestinationSettings(m: ComponentModel): DatabaseDestinationSettings {
  const mode = intProp(m, 'AccessMode', 0);
  const fromVariable = mode === 1 || mode === 4;
  const name = textProp(m, 'OpenRowset') ?? textProp(m, 'TableOrViewName') ?? textProp(m, 'TableName') ?? '';
  const options = parseFastLoadOptions({
    FastLoadOptions: textProp(m, 'FastLoadOptions'),
    FastLoadKeepIdentity: textProp(m, 'FastLoadKeepIdentity'),
    FastLoadKeepNulls: textProp(m, 'FastLoadKeepNulls'),
    FastLoadMaxInsertCommitSize: textProp(m, 'FastLoadMaxInsertCommitSize') ?? textProp(m, 'BatchSize'),
    CommandTimeout: textProp(m, 'CommandTimeout'),
  });
  const input = m.inputs[0];
  return {
    table: fromVariable ? { variable: textProp(m, 'OpenRowsetVariable') ?? '' } : { name },
    fastLoad: mode === 3 || mode === 4 || textProp(m, 'UseBulkInsertWhenPossible')?.toLowerCase() === 'true',
    options,
    columns: (input?.columns ?? []).map((c) => ({ lineageId: c.lineageId, target: externalName(c) })),
    sqlCommandMode: mode === 2,
  };
}
