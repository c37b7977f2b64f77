/** @module Data Conversion (`Microsoft.DataConvert`): new output columns converting input columns, with an error output. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { dataConversionRuntime } from './runtime.ts';
import { readDataConversionSettings } from './settings.ts';

/** The Data Conversion plug-in. */
export const dataConversion: ComponentFactory = {
  classId: 'Microsoft.DataConvert',
  aliases: ['Microsoft.DataConversion', 'DTSTransform.DataConvert', 'DTSTransform.DataConvert.1', 'DTSTransform.DataConvert.2', 'DTSTransform.DataConvert.3', '62B1106C-7DB8-4EC8-ADD6-4C664DFFC54A'],
  validate(m, v) {
    const layout = v.inputLayout(0);
    return readDataConversionSettings(m)
      .conversions.filter((c) => !c.sourceLineageId || (layout && layout.slotOf(c.sourceLineageId) === undefined))
      .map((c) => v.error('0xC004706B', 'DTS_E_BUFFERCOLUMNNOTFOUND', `the output column "${c.column.name}" converts an input column that does not reach the component (SourceInputColumnLineageID).`));
  },
  create: (host) => dataConversionRuntime(host, readDataConversionSettings(host.component)),
};
