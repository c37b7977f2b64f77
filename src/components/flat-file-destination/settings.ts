/** @module Flat File Destination settings: Overwrite, Header, and which input column feeds each file column. */
import type { ComponentModel } from '../../dataflow/model.ts';
import type { FlatFileLayout } from '../flat-file/file-format.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { boolProp, textProp } from '../shared/properties.ts';

/** Typed settings of a Flat File Destination. */
export interface FlatFileDestinationSettings {
  /** False appends to an existing file. */
  readonly overwrite: boolean;
  /** Text written before the data (the `Header` property). */
  readonly header: string;
  /** For each file column: the lineage of the input column feeding it, or undefined (written empty). */
  readonly sources: readonly (string | undefined)[];
}

/** Reads the settings, mapping input columns to file columns by external column name. */
export function readFlatFileDestinationSettings(m: ComponentModel, file: FlatFileLayout): FlatFileDestinationSettings {
  const input = m.inputs[0];
  const sources = file.columns.map((fc) => input?.columns.find((c) => externalName(c) === fc.name)?.lineageId);
  return { overwrite: boolProp(m, 'Overwrite', true), header: textProp(m, 'Header') ?? '', sources };
}
