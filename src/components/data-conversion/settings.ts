/** @module Data Conversion settings: each new output column and the input column it converts. */
import { disposition } from '../../dataflow/error-rows.ts';
import type { ComponentModel, OutputColumnModel, RowDisposition } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { textProp } from '../shared/properties.ts';

/** One conversion. */
export interface Conversion {
  readonly column: OutputColumnModel;
  /** Lineage of the converted input column. */
  readonly sourceLineageId: string | undefined;
  readonly errorDisposition: RowDisposition;
  readonly truncationDisposition: RowDisposition;
}

/** Typed settings of a Data Conversion. */
export interface DataConversionSettings {
  readonly output: number;
  readonly errorOutput: number;
  readonly conversions: readonly Conversion[];
}

/** Reads the settings (`SourceInputColumnLineageID` on each output column). */
export function readDataConversionSettings(m: ComponentModel): DataConversionSettings {
  const output = m.outputs.findIndex((o) => !o.isErrorOut);
  const inputs = m.inputs[0]?.columns ?? [];
  const conversions = (m.outputs[output]?.columns ?? []).map<Conversion>((c) => {
    const ref = lineageRef(textProp(c, 'SourceInputColumnLineageID'));
    const input = inputs.find((i) => i.lineageId === ref || i.refId === ref);
    return { column: c, sourceLineageId: input?.lineageId ?? ref, errorDisposition: disposition(c.errorRowDisposition), truncationDisposition: disposition(c.truncationRowDisposition) };
  });
  return { output, errorOutput: m.outputs.findIndex((o) => o.isErrorOut), conversions };
}
