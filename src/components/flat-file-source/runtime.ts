/** @module Flat File Source runtime: streams the file in large chunks (read-ahead overlaps parsing), tokenizes bytes, fills typed columns. */
import { createReadStream, existsSync } from 'node:fs';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import type { Batch } from '../../dataflow/batch.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import type { LayoutColumn } from '../../dataflow/layout.ts';
import { chunkDecoder, chunkTranscoder } from '../flat-file/encoding.ts';
import { CONVERSION_ERROR, fieldStore, STORED, storeEmptyDefault, type FieldStore } from '../flat-file/field-parser.ts';
import type { FlatFileLayout } from '../flat-file/file-format.ts';
import { FIELD_ESCAPED, FIELD_MISSING, matchAt, RowTokenizer, skipLine, TokenizeError } from '../flat-file/tokenizer.ts';
import type { FlatFileSourceSettings } from './settings.ts';

const CHUNK = 1 << 20;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Creates the runtime. */
export function flatFileSourceRuntime(host: ComponentHost, file: FlatFileLayout, settings: FlatFileSourceSettings): ComponentRuntime {
  const out = settings.output;
  const layout = host.outputLayout(out);
  const cols: { src: (typeof settings.columns)[number]; lc: LayoutColumn; errDisp: ReturnType<typeof disposition>; truncDisp: ReturnType<typeof disposition> }[] = settings.columns.map((src) => ({
    src,
    lc: layout.columns[layout.slotOf(src.column.lineageId)!]!,
    errDisp: disposition(src.column.errorRowDisposition),
    truncDisp: disposition(src.column.truncationRowDisposition),
  }));
  const rules2012 = host.context.features.flatFileParsing2012;
  const q = file.qualifier;
  const qualifierByte = q === '' ? -1 : Buffer.from(q, 'utf8')[0]!;
  const tok = new RowTokenizer(file.tokenColumns, qualifierByte, rules2012);
  const errors = new RowErrors(host, settings.errorOutput);
  const rowsPerBuffer = host.rowsPerBuffer(out);
  const s = file.settings;
  const rowDelimiter = file.tokenColumns[file.tokenColumns.length - 1]?.delimiter ?? new Uint8Array(0);
  /** The row's text without its row delimiter, for the error output. */
  const rawRow = (buf: Buffer, start: number, end: number, decode: (b: Uint8Array, s: number, e: number) => string): string => {
    const n = rowDelimiter.length;
    const e = n > 0 && end - n >= start && matchAt(buf, end - n, end, rowDelimiter, true) > 0 ? end - n : end;
    return decode(buf, start, e);
  };

  return {
    preExecute() {
      if (!existsSync(file.path)) {
        throw host.error('0xC020200E', 'DTS_E_CANNOTOPENDATAFILE', `Cannot open the datafile "${file.path}".`);
      }
    },
    async produce() {
      host.event('information', '0x402090DC', `The processing of file "${file.path}" has started.`, 'DTS_I_STARTINGPROCESSINGFILE');
      let batch: Batch = host.newBatch(out, rowsPerBuffer);
      let stores: FieldStore[] = cols.map((c) => fieldStore(batch.column(c.lc.slot)));
      let filled = 0;
      let dataRow = 0;
      let headerLeft = s.headerRowsToSkip;
      let namesLeft = s.columnNamesInFirstDataRow ? 1 : 0;
      let skipLeft = s.dataRowsToSkip;
      let first = true;

      const flush = async (): Promise<void> => {
        if (filled === 0) return;
        const full = filled === batch.length ? batch : narrow(batch, filled);
        await errors.send(full, out);
        errors.reset();
        batch = host.newBatch(out, rowsPerBuffer);
        stores = cols.map((c) => fieldStore(batch.column(c.lc.slot)));
        filled = 0;
      };

      const consume = async (buf: Buffer, eof: boolean): Promise<number> => {
        let pos = 0;
        if (first) {
          if (buf.length < 3 && !eof) return 0;
          if (buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2]) pos = 3;
          first = false;
        }
        const decode = chunkDecoder(file.encoding, buf);
        const end = buf.length;
        while (pos < end) {
          if (headerLeft > 0) {
            const nx = skipLine(buf, pos, end, file.headerRowDelimiter, eof);
            if (nx < 0) break;
            pos = nx;
            headerLeft--;
            continue;
          }
          let next: number;
          try {
            next = tok.next(buf, pos, end, eof);
          } catch (e) {
            if (!(e instanceof TokenizeError)) throw e;
            throw host.error('0xC0202055', 'DTS_E_TXFLATFILEPARSER', `${e.message} An error occurred while processing file "${file.path}" on data row ${dataRow + 1} (column "${file.columns[e.column]?.name}").`);
          }
          if (next < 0) break;
          const rowStart = pos;
          pos = next;
          if (namesLeft > 0) {
            namesLeft--;
            continue;
          }
          if (skipLeft > 0) {
            skipLeft--;
            continue;
          }
          dataRow++;
          storeRow(buf, rowStart, next, decode);
          if (filled === rowsPerBuffer) await flush();
        }
        return pos;
      };

      const storeRow = (buf: Buffer, rowStart: number, rowEnd: number, decode: (b: Uint8Array, s: number, e: number) => string): void => {
        const row = filled++;
        for (let j = 0; j < cols.length; j++) {
          const c = cols[j]!;
          const fi = c.src.fileIndex;
          const col = batch.vectors[c.lc.slot]!;
          if (fi < 0) {
            (col.values as unknown[])[row] = file.path;
            col.nulls[row] = 0;
            continue;
          }
          const flag = tok.flags[fi];
          if (flag === FIELD_MISSING) {
            col.nulls[row] = 1;
            continue;
          }
          const st = tok.starts[fi]!;
          const en = tok.ends[fi]!;
          if (st === en) {
            if (settings.retainNulls) col.nulls[row] = 1;
            else storeEmptyDefault(col, row);
            continue;
          }
          let r: number;
          if (flag === FIELD_ESCAPED) {
            const text = decode(buf, st, en).replaceAll(q + q, q);
            const bytes = Buffer.from(text, 'utf8');
            r = stores[j]!(bytes, 0, bytes.length, row, (b, s0, e0) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', s0, e0));
          } else {
            r = stores[j]!(buf, st, en, row, decode);
          }
          if (r === STORED) continue;
          const isError = r === CONVERSION_ERROR;
          const detail = isError
            ? `Data conversion failed. The data conversion for column "${c.src.column.name}" returned status value 2 and status text "The value could not be converted because of a potential loss of data.". An error occurred while processing file "${file.path}" on data row ${dataRow}.`
            : `Data conversion failed. The data conversion for column "${c.src.column.name}" returned status value 4 and status text "Text was truncated or one or more characters had no match in the target code page.". An error occurred while processing file "${file.path}" on data row ${dataRow}.`;
          const redirected = errors.handle(batch, row, isError ? 'error' : 'truncation', isError ? c.errDisp : c.truncDisp, isError ? ROW_ERROR.conversion : ROW_ERROR.truncation, c.lc, detail, rawRow(buf, rowStart, rowEnd, decode));
          if (redirected) break;
          if (isError) col.nulls[row] = 1;
        }
      };

      const transcode = chunkTranscoder(file.encoding);
      let carry: Buffer | null = null;
      const stream = createReadStream(file.path, { highWaterMark: CHUNK });
      try {
        for await (const raw of stream as AsyncIterable<Buffer>) {
          if (host.aborted) break;
          const chunk = transcode(raw);
          const buf: Buffer = carry && carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
          const used = await consume(buf, false);
          carry = used < buf.length ? buf.subarray(used) : null;
        }
      } finally {
        stream.destroy();
      }
      if (carry && carry.length > 0 && !host.aborted) {
        const used = await consume(carry, true);
        if (used < carry.length) await consume(carry.subarray(used), true);
      }
      await flush();
      host.event('information', '0x402090DE', `The total number of data rows processed for file "${file.path}" is ${dataRow + s.dataRowsToSkip}.`, 'DTS_I_TOTALDATAROWSPROCESSEDFORFILE');
      host.event('information', '0x402090DD', `The processing of file "${file.path}" has ended.`, 'DTS_I_FINISHEDPROCESSINGFILE');
    },
  };
}

/** A batch limited to its first `rows` rows (the last, partly filled buffer). */
function narrow(batch: Batch, rows: number): Batch {
  const sel = new Int32Array(rows);
  for (let i = 0; i < rows; i++) sel[i] = i;
  return batch.select(sel, rows);
}
