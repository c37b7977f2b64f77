/**
 * @module Import Column (`Microsoft.Injector`) and Export Column (`Microsoft.Extractor`): file contents into a column, and a
 * column's data into files. The file path column's `FileDataColumnID` names the data column (Export: the extract column;
 * Import: the output column that receives the file).
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ComponentFactory, ComponentHost } from '../../dataflow/component.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { createColumnVector, dataType } from '../../types/index.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, textProp } from '../shared/properties.ts';
import { putCell } from '../shared/row-store.ts';

function localPath(host: ComponentHost, p: string): string {
  return host.context.mapPath ? host.context.mapPath(p) : p;
}

/** The Import Column plug-in: text columns (DT_TEXT/DT_NTEXT) get the decoded file, DT_IMAGE the bytes. */
export const importColumn: ComponentFactory = {
  classId: 'Microsoft.Injector',
  aliases: ['DTSTransform.Injector', 'DTSTransform.Injector.2', 'DTSTransform.Injector.3', 'Microsoft.ImportColumn'],
  create(host) {
    const m = host.component;
    const output = m.outputs.findIndex((o) => !o.isErrorOut);
    const inL = host.inputLayout(0);
    const outL = host.outputLayout(output);
    const errors = new RowErrors(host, m.outputs.findIndex((o) => o.isErrorOut));
    const pairs = m.inputs[0]!.columns.flatMap((c) => {
      const ref = lineageRef(textProp(c, 'FileDataColumnID'));
      const oc = ref ? m.outputs[output]!.columns.find((o) => o.lineageId === ref || o.refId === ref) : undefined;
      return oc ? [{ path: inL.slotOf(c.lineageId)!, out: outL.slotOf(oc.lineageId)!, name: oc.name, disp: disposition(c.errorRowDisposition), bom: boolProp(oc, 'ExpectBOM', false) }] : [];
    });
    return {
      async process(_i, batch) {
        errors.reset();
        for (const p of pairs) {
          const col = createColumnVector(outL.columns[p.out]!.type, batch.length);
          const text = dataType(col.type.type).js === 'string';
          const unicode = col.type.type === 'DT_NTEXT' || col.type.type === 'DT_WSTR';
          for (let k = 0; k < batch.count; k++) {
            const row = batch.row(k);
            const pathCol = batch.column(p.path);
            if (pathCol.nulls[row] === 1) continue;
            const file = localPath(host, String((pathCol.values as unknown[])[row]));
            if (!existsSync(file)) {
              errors.handle(batch, row, 'error', p.disp, ROW_ERROR.conversion, undefined, `The file "${file}" named for column "${p.name}" does not exist.`);
              continue;
            }
            let bytes: Buffer = readFileSync(file);
            if (unicode && (p.bom || (bytes[0] === 0xff && bytes[1] === 0xfe))) bytes = bytes.subarray(2);
            putCell(col, row, text ? (unicode ? bytes.toString('utf16le') : bytes.toString('latin1')) : new Uint8Array(bytes));
          }
          batch.vectors[p.out] = col;
        }
        await errors.send(batch, output);
      },
    };
  },
};

/** The Export Column plug-in: writes each row's data to the file its path column names (AllowAppend, ForceTruncate, WriteBOM). */
export const exportColumn: ComponentFactory = {
  classId: 'Microsoft.Extractor',
  aliases: ['DTSTransform.Extractor', 'DTSTransform.Extractor.2', 'DTSTransform.Extractor.3', 'Microsoft.ExportColumn'],
  create(host) {
    const m = host.component;
    const output = m.outputs.findIndex((o) => !o.isErrorOut);
    const inL = host.inputLayout(0);
    const cols = m.inputs[0]!.columns;
    const pairs = cols.flatMap((c) => {
      const ref = lineageRef(textProp(c, 'FileDataColumnID'));
      if (!ref || ref === '0') return [];
      const data = cols.find((d) => d.lineageId === ref || d.refId === ref);
      return data ? [{ path: inL.slotOf(c.lineageId)!, data: inL.slotOf(data.lineageId)!, append: boolProp(c, 'AllowAppend', false), truncate: boolProp(c, 'ForceTruncate', false), bom: boolProp(c, 'WriteBOM', false) }] : [];
    });
    return {
      async process(_i, batch) {
        for (const p of pairs) {
          const dataCol = batch.column(p.data);
          const unicode = dataCol.type.type === 'DT_NTEXT' || dataCol.type.type === 'DT_WSTR';
          for (let k = 0; k < batch.count; k++) {
            const row = batch.row(k);
            const pathCol = batch.column(p.path);
            if (pathCol.nulls[row] === 1 || dataCol.nulls[row] === 1) continue;
            const file = localPath(host, String((pathCol.values as unknown[])[row]));
            const v = (dataCol.values as unknown[])[row];
            const body = typeof v === 'string' ? Buffer.from(v, unicode ? 'utf16le' : 'latin1') : Buffer.from(v as Uint8Array);
            const exists = existsSync(file);
            if (exists && !p.append && !p.truncate) throw host.error('0xC02090FB', 'DTS_E_TXEXPORTCOLUMNFILEEXISTS', `The file "${file}" already exists; set AllowAppend or ForceTruncate.`);
            if (exists && p.append && !p.truncate) appendFileSync(file, body);
            else writeFileSync(file, p.bom && unicode ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
          }
        }
        await host.send(output, batch);
      },
    };
  },
};
