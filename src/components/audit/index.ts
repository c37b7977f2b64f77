/** @module Audit (`Microsoft.Lineage`): adds columns with the package's execution details (system variables). */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { putCell } from '../shared/row-store.ts';
import { intProp } from '../shared/properties.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import { createColumnVector, SsisDateTime, type TypeSpec } from '../../types/index.ts';

/** LineageItemSelected → the system variable it reads. */
export const AUDIT_ITEMS = ['System::ExecutionInstanceGUID', 'System::PackageID', 'System::PackageName', 'System::VersionID', 'System::StartTime', 'System::MachineName', 'System::UserName', 'System::TaskName', 'System::TaskID'] as const;

/** The Audit plug-in. Values are read once per run; a missing system variable gives NULL. */
export const audit: ComponentFactory = {
  classId: 'Microsoft.Lineage',
  aliases: ['DTSTransform.Lineage', 'DTSTransform.Lineage.2', 'DTSTransform.Lineage.3', 'Microsoft.Audit', '4FCE8297-9C65-40A9-9D60-00C5CC6BC283'],
  validate(m, v) {
    const out = m.outputs.find((o) => !o.isErrorOut);
    return (out?.columns ?? []).filter((c) => AUDIT_ITEMS[intProp(c, 'LineageItemSelected', -1)] === undefined).map((c) => v.error('0xC0047072', 'DTS_E_TXLINEAGEINVALIDLINEAGEITEM', `the column "${c.name}" selects no known audit item (LineageItemSelected).`));
  },
  create(host) {
    const output = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const layout = host.outputLayout(output);
    const cols = host.component.outputs[output]!.columns.map((c) => {
      const lc = layout.columns[layout.slotOf(c.lineageId)!]!;
      let value: unknown = null;
      try {
        value = host.context.variables.get(AUDIT_ITEMS[intProp(c, 'LineageItemSelected', 0)]!);
      } catch {
        value = null;
      }
      const from: TypeSpec = value instanceof Date || value instanceof SsisDateTime ? { type: 'DT_DBTIMESTAMP' } : { type: 'DT_WSTR', length: 0 };
      if (value instanceof Date) value = SsisDateTime.fromDate(value);
      const one = createColumnVector(lc.type, 1);
      if (value !== null) new ConvertingStore(from, lc.type).store(one, 0, typeof value === 'string' || value instanceof SsisDateTime ? value : String(value));
      return { lc, value: one.nulls[0] === 1 ? null : (one.values as unknown[])[0] };
    });
    return {
      async process(_input, batch) {
        for (const c of cols) {
          const col = createColumnVector(c.lc.type, batch.length);
          for (let k = 0; k < batch.count; k++) putCell(col, batch.row(k), c.value);
          batch.vectors[c.lc.slot] = col;
        }
        await host.send(output, batch);
      },
    };
  },
};
