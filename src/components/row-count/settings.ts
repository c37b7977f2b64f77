/** @module Row Count settings: the variable that receives the count. */
import type { ComponentModel } from '../../dataflow/model.ts';
import { textProp } from '../shared/properties.ts';

/** Typed settings of a Row Count. */
export interface RowCountSettings {
  /** `User::RowCount`, as written in VariableName. */
  readonly variableName: string;
}

/** Reads the settings from the model. */
export function readRowCountSettings(m: ComponentModel): RowCountSettings {
  return { variableName: textProp(m, 'VariableName')?.trim() ?? '' };
}
