/** @module Raw File Source and Destination (`Microsoft.RawSource`, `Microsoft.RawDestination`): the pipeline's own binary format, with WriteOption and a temp file moved into place on success. */
import { copyFileSync, existsSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { ComponentFactory, ComponentHost } from '../../dataflow/component.ts';
import { writeBlock, writeItem } from '../shared/block-file.ts';
import { intProp, textProp } from '../shared/properties.ts';
import { putCell, RowStore } from '../shared/row-store.ts';
import { openRawFile, RAW_MAGIC, type RawHeader } from './format.ts';

/** The file a raw component uses: FileName (AccessMode 0) or the variable FileNameVariable (AccessMode 1), mapped to a local path. */
function rawPath(host: ComponentHost): string {
  const m = host.component;
  const raw = intProp(m, 'AccessMode', 0) === 1 ? String(host.context.variables.get(textProp(m, 'FileNameVariable') ?? '')) : textProp(m, 'FileName') ?? '';
  return host.context.mapPath ? host.context.mapPath(raw) : raw;
}

/** The Raw File Source plug-in. */
export const rawFileSource: ComponentFactory = {
  classId: 'Microsoft.RawSource',
  aliases: ['DTSAdapter.RawSource', 'DTSAdapter.RawSource.2', 'DTSAdapter.RawSource.3'],
  create(host) {
    const output = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const layout = host.outputLayout(output);
    return {
      async produce() {
        const path = rawPath(host);
        if (!existsSync(path)) throw host.error('0xC020200E', 'DTS_E_CANNOTOPENDATAFILE', `Cannot open the datafile "${path}".`);
        const { header, reader } = openRawFile(path);
        try {
          const map = host.component.outputs[output]!.columns.map((c) => {
            const i = header.columns.findIndex((h) => h.name === c.name);
            if (i < 0) throw host.error('0xC02020A9', 'DTS_E_RAWCOLUMNNOTFOUND', `the column "${c.name}" is not in the raw file "${path}".`);
            return { i, slot: layout.slotOf(c.lineageId)! };
          });
          for (let block = reader.nextBlock(); block; block = reader.nextBlock()) {
            const n = block[0]?.length ?? 0;
            if (n === 0) continue;
            const out = host.newBatch(output, n);
            for (const { i, slot } of map) {
              const col = out.vectors[slot]!;
              const values = block[i]!;
              for (let r = 0; r < n; r++) putCell(col, r, values[r]);
            }
            await host.send(output, out);
          }
        } finally {
          reader.close();
        }
      },
    };
  },
};

/** WriteOption values. */
const WRITE = { createAlways: 0, createOnce: 1, append: 2, truncateAppend: 3 } as const;

/** The Raw File Destination plug-in. */
export const rawFileDestination: ComponentFactory = {
  classId: 'Microsoft.RawDestination',
  aliases: ['DTSAdapter.RawDestination', 'DTSAdapter.RawDestination.2', 'DTSAdapter.RawDestination.3'],
  create(host) {
    const input = host.component.inputs[0]!;
    const layout = host.inputLayout(0);
    const slots = input.columns.map((c) => layout.slotOf(c.lineageId)!);
    const option = intProp(host.component, 'WriteOption', WRITE.createAlways);
    const header: RawHeader = {
      magic: RAW_MAGIC,
      columns: input.columns.map((c, i) => ({ name: c.name, dataType: c.dataType, length: c.length, precision: c.precision, scale: c.scale, codePage: c.codePage, sortKeyPosition: layout.columns[slots[i]!]!.model.sortKeyPosition })),
    };
    let path = '';
    let tmp = '';
    let fd: number | undefined;
    const store = new RowStore(slots.length);
    return {
      preExecute() {
        path = rawPath(host);
        tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.opendts-tmp`);
        const exists = existsSync(path);
        if (option === WRITE.createOnce && exists) throw host.error('0xC02020AA', 'DTS_E_RAWFILEEXISTS', `The file "${path}" already exists and WriteOption is "Create once".`);
        if (option === WRITE.append && exists) {
          const { header: old, reader } = openRawFile(path);
          reader.close();
          const same = old.columns.length === header.columns.length && old.columns.every((c, i) => c.name === header.columns[i]!.name && c.dataType === header.columns[i]!.dataType);
          if (!same) throw host.error('0xC02020AB', 'DTS_E_RAWMETADATAMISMATCH', `The columns of "${path}" do not match the input; appending needs the same columns.`);
          copyFileSync(path, tmp);
          fd = openSync(tmp, 'a');
          return;
        }
        fd = openSync(tmp, 'w');
        writeItem(fd, header);
      },
      process(_i, batch) {
        store.append(batch, slots);
        writeBlock(fd!, store.values);
        store.clear();
      },
      commit() {
        closeSync(fd!);
        fd = undefined;
        renameSync(tmp, path);
      },
      abort() {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        if (tmp) rmSync(tmp, { force: true });
      },
    };
  },
};
