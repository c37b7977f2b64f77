/** @module Excel Source and Destination (`Microsoft.ExcelSource`, `Microsoft.ExcelDestination`): .xlsx workbooks through exceljs; the destination writes a temp file and moves it into place on success. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ComponentFactory } from '../../dataflow/component.ts';
import { SsisError } from '../../errors.ts';
import { readCell } from '../../types/index.ts';
import { pipelineValue } from '../database/values.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { boundConnection } from '../shared/connection.ts';
import { plainValue } from '../shared/plain-values.ts';
import { intProp, textProp } from '../shared/properties.ts';
import { sheetName, workbookOf } from './workbook-path.ts';

function checkXlsx(path: string): void {
  if (/\.xls$/i.test(path)) throw new SsisError('0xC0202009', 'DTS_E_EXCELXLSNOTSUPPORTED', `The workbook "${path}" is in the Excel 97-2003 (.xls) format, which OpenDTS does not read or write; save it as .xlsx.`);
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return o.result;
    if (o.text !== undefined) return o.text;
  }
  return v;
}

/** The Excel Source plug-in (AccessMode 0 table/sheet, 2 SQL command of the form `SELECT * FROM [Sheet$]`). */
export const excelSource: ComponentFactory = {
  classId: 'Microsoft.ExcelSource',
  aliases: ['DTSAdapter.ExcelSource', 'DTSAdapter.ExcelSource.1', 'DTSAdapter.ExcelSource.2', 'DTSAdapter.ExcelSource.3'],
  validate(m, v) {
    const mode = intProp(m, 'AccessMode', 0);
    if (mode === 2 && !/^\s*select\s+\*\s+from\s+\S+\s*$/i.test(textProp(m, 'SqlCommand') ?? '')) {
      return [v.error('0xC0202009', 'DTS_E_EXCELSQLNOTSUPPORTED', 'only "SELECT * FROM [Sheet$]" SQL commands are supported on Excel workbooks.')];
    }
    const cm = boundConnection(m, v.context);
    if (cm && v.context) checkXlsx(workbookOf(cm, v.context).path);
    return [];
  },
  create(host) {
    const output = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const layout = host.outputLayout(output);
    return {
      async produce() {
        const { path, header } = workbookOf(host.connection(), host.context);
        checkXlsx(path);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path);
        const name = sheetName(textProp(host.component, 'OpenRowset'), textProp(host.component, 'SqlCommand'));
        const ws = name ? wb.getWorksheet(name) : wb.worksheets[0];
        if (!ws) throw host.error('0xC02020E8', 'DTS_E_EXCELSHEETNOTFOUND', `The workbook "${path}" has no worksheet "${name}".`);
        const rows: unknown[][] = [];
        ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellValue)));
        const names = header ? (rows.shift() ?? []).map((x) => String(x ?? '')) : [];
        const cols = host.component.outputs[output]!.columns.map((c, i) => {
          const ext = externalName(c);
          const idx = header ? names.indexOf(ext) : i;
          if (idx < 0) throw host.error('0xC02020E8', 'DTS_E_EXCELCOLUMNNOTFOUND', `The worksheet "${ws.name}" has no column "${ext}".`);
          return { idx, slot: layout.slotOf(c.lineageId)! };
        });
        const size = host.rowsPerBuffer(output);
        for (let start = 0; start < rows.length; start += size) {
          const n = Math.min(size, rows.length - start);
          const out = host.newBatch(output, n);
          for (const { idx, slot } of cols) {
            const col = out.vectors[slot]!;
            for (let r = 0; r < n; r++) {
              const v = rows[start + r]![idx];
              if (v === null || v === undefined) continue;
              col.nulls[r] = 0;
              (col.values as unknown[])[r] = pipelineValue(v, col.type);
            }
          }
          await host.send(output, out);
        }
      },
    };
  },
};

/** The Excel Destination plug-in: writes the input to a worksheet (created or replaced) with a header row. */
export const excelDestination: ComponentFactory = {
  classId: 'Microsoft.ExcelDestination',
  aliases: ['DTSAdapter.ExcelDestination', 'DTSAdapter.ExcelDestination.1', 'DTSAdapter.ExcelDestination.2', 'DTSAdapter.ExcelDestination.3'],
  validate(m, v) {
    const cm = boundConnection(m, v.context);
    if (cm && v.context) checkXlsx(workbookOf(cm, v.context).path);
    return [];
  },
  create(host) {
    const input = host.component.inputs[0]!;
    const layout = host.inputLayout(0);
    const cols = input.columns.map((c) => ({ name: externalName(c), slot: layout.slotOf(c.lineageId)! }));
    const wb = new ExcelJS.Workbook();
    let ws: ExcelJS.Worksheet | undefined;
    let path = '';
    let tmp = '';
    return {
      async preExecute() {
        path = workbookOf(host.connection(), host.context).path;
        checkXlsx(path);
        if (existsSync(path)) await wb.xlsx.readFile(path);
        const name = sheetName(textProp(host.component, 'OpenRowset'), undefined) ?? 'Sheet1';
        const old = wb.getWorksheet(name);
        if (old) wb.removeWorksheet(old.id);
        ws = wb.addWorksheet(name);
        ws.addRow(cols.map((c) => c.name));
      },
      process(_i, batch) {
        for (let k = 0; k < batch.count; k++) {
          const r = batch.row(k);
          ws!.addRow(cols.map((c) => {
            const v = plainValue(readCell(batch.column(c.slot), r));
            return typeof v === 'bigint' ? Number(v) : (v as ExcelJS.CellValue);
          }));
        }
      },
      async commit() {
        tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.opendts-tmp.xlsx`);
        await wb.xlsx.writeFile(tmp);
        await rename(tmp, path);
      },
      async abort() {
        if (tmp) await rm(tmp, { force: true });
      },
    };
  },
};
