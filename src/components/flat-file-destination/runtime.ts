/** @module Flat File Destination runtime: formats rows into large text blocks, writes a temporary file while the flow runs, renames it on success. */
import { randomBytes } from 'node:crypto';
import { copyFile, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { encodeText } from '../flat-file/encoding.ts';
import { rowDelimiterText, type FlatFileLayout } from '../flat-file/file-format.ts';
import { valueFormatter, type ValueFormatter } from '../flat-file/value-writer.ts';
import type { FlatFileDestinationSettings } from './settings.ts';

interface OutColumn {
  readonly slot: number | undefined;
  readonly format: ValueFormatter;
  readonly delimiter: string;
  readonly width: number;
  readonly qualified: boolean;
}

/** Creates the runtime. */
export function flatFileDestinationRuntime(host: ComponentHost, file: FlatFileLayout, settings: FlatFileDestinationSettings): ComponentRuntime {
  const s = file.settings;
  const layout = host.inputLayout(0);
  const fixedFormat = s.format.toLowerCase();
  const n = file.columns.length;
  const rowDelimiter = rowDelimiterText(s);
  const q = file.qualifier;
  const cols: OutColumn[] = file.columns.map((fc, i) => {
    const lineage = settings.sources[i];
    const slot = lineage === undefined ? undefined : layout.slotOf(lineage);
    const fixed = fixedFormat === 'fixedwidth' || (fixedFormat === 'raggedright' && i < n - 1);
    return {
      slot,
      format: slot === undefined ? () => '' : valueFormatter(layout.columns[slot]!.type),
      delimiter: fixed ? '' : i === n - 1 ? rowDelimiter : fc.columnDelimiter,
      width: fixed ? fc.columnWidth : 0,
      qualified: fc.textQualified && q !== '',
    };
  });
  const tmp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(4).toString('hex')}.opendts-tmp`);
  let fh: FileHandle | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  let rows = 0;

  const write = async (text: string): Promise<void> => {
    const bytes = encodeText(text, file.encoding);
    await pending;
    pending = fh!.write(bytes);
  };

  return {
    async preExecute() {
      if (!existsSync(dirname(file.path))) {
        throw host.error('0xC020200E', 'DTS_E_CANNOTOPENDATAFILE', `Cannot open the datafile "${file.path}": the folder does not exist.`);
      }
      const append = !settings.overwrite && existsSync(file.path);
      if (append) await copyFile(file.path, tmp);
      fh = await open(tmp, append ? 'a' : 'w');
      if (append) return;
      let head = '';
      if (file.encoding.name === 'utf16le') await fh.write(Buffer.from([0xff, 0xfe]));
      if (settings.header !== '') head += settings.header + rowDelimiter;
      if (s.columnNamesInFirstDataRow) {
        head += file.columns.map((c, i) => (cols[i]!.qualified ? q + c.name + q : c.name) + cols[i]!.delimiter).join('');
      }
      if (head !== '') await write(head);
    },
    async process(_input, batch: Batch) {
      const vectors = cols.map((c) => (c.slot === undefined ? undefined : batch.column(c.slot)));
      let text = '';
      for (let k = 0; k < batch.count; k++) {
        const r = batch.row(k);
        for (let i = 0; i < n; i++) {
          const c = cols[i]!;
          const v = vectors[i];
          let field = v === undefined || v.nulls[r] === 1 ? '' : c.format((v.values as ArrayLike<unknown>)[r]);
          if (c.qualified) field = q + field.replaceAll(q, q + q) + q;
          if (c.width > 0) field = field.length >= c.width ? field.slice(0, c.width) : field.padEnd(c.width, ' ');
          text += field + c.delimiter;
        }
      }
      rows += batch.count;
      await write(text);
    },
    async commit() {
      await pending;
      await fh?.close();
      fh = undefined;
      await rename(tmp, file.path);
      host.event('information', '0x402090DE', `The total number of data rows processed for file "${file.path}" is ${rows}.`, 'DTS_I_TOTALDATAROWSPROCESSEDFORFILE');
    },
    async abort() {
      await pending.catch(() => undefined);
      await fh?.close().catch(() => undefined);
      fh = undefined;
      await rm(tmp, { force: true });
    },
  };
}
