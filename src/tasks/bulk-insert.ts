/** @module The Bulk Insert task: loads a delimited file into a table, as SQL Server's BULK INSERT does, on any database the connection reaches. */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { SsisError, errorMessage } from '../errors.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';
import { tableFor } from '../runtime/index.ts';

/** A setting by its property name, from the task's payload attributes or typed settings (names compared case-insensitively). */
function setting(ctx: TaskContext, ...names: string[]): string | undefined {
  const raw = (ctx.settings['raw'] ?? {}) as Record<string, string>;
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const source of [ctx.settings as Record<string, unknown>, raw]) {
      for (const [k, v] of Object.entries(source)) if (k.toLowerCase() === lower && v !== undefined && v !== '') return String(v);
    }
  }
  return undefined;
}

const DELIMITERS: Readonly<Record<string, string>> = {
  '{cr}{lf}': '\r\n', '{lf}': '\n', '{cr}': '\r', tab: '\t', '{t}': '\t', comma: ',', '{,}': ',', semicolon: ';', '{;}': ';', 'vertical bar': '|', '{|}': '|', colon: ':',
};

/** The delimiter a Bulk Insert setting names (`{CR}{LF}`, `Tab`, `Comma`, … or the characters themselves). */
export function delimiterOf(text: string | undefined, dflt: string): string {
  if (text === undefined) return dflt;
  return DELIMITERS[text.trim().toLowerCase()] ?? text;
}

/** The rows of a delimited text: FirstRow and LastRow are 1-based, LastRow 0 = to the end; a trailing row delimiter ends the file. */
export function splitRows(text: string, rowDelimiter: string, columnDelimiter: string, firstRow: number, lastRow: number): string[][] {
  const lines = text.split(rowDelimiter);
  if (lines.at(-1) === '') lines.pop();
  const end = lastRow > 0 ? lastRow : lines.length;
  return lines.slice(Math.max(0, firstRow - 1), end).map((l) => l.split(columnDelimiter));
}

/** The Bulk Insert task. */
export const bulkInsertTask: TaskImplementation = {
  validate(ctx) {
    const conn = setting(ctx, 'DestinationConnection', 'Connection');
    if (!conn) throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_NOCONNECTION', `The Bulk Insert task "${ctx.task.name}" has no destination connection.`);
    if (!setting(ctx, 'SourceConnection')) throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_NOSOURCE', `The Bulk Insert task "${ctx.task.name}" has no source file connection.`);
    if (!setting(ctx, 'DestinationTableName')) throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_NOTABLE', `The Bulk Insert task "${ctx.task.name}" has no destination table.`);
    if (setting(ctx, 'FormatFile')) throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_FORMATFILE', `The Bulk Insert task "${ctx.task.name}" uses a format file, which is not supported yet by OpenDTS; specify the row and column delimiters instead.`);
    ctx.checkDatabase(conn);
  },
  async execute(ctx) {
    const file = ctx.filePath(setting(ctx, 'SourceConnection')!);
    const codePage = Number(setting(ctx, 'CodePage') ?? 65001);
    const bytes = readFileSync(file);
    const encoding = codePage === 65001 || Number.isNaN(codePage) ? 'utf8' : codePage === 1200 ? 'utf16le' : `cp${codePage}`;
    const text = iconv.decode(bytes, iconv.encodingExists(encoding) ? encoding : 'utf8').replace(/^\uFEFF/, '');
    const rows = splitRows(text, delimiterOf(setting(ctx, 'RowDelimiter'), '\r\n'), delimiterOf(setting(ctx, 'ColumnDelimiter'), '\t'), Number(setting(ctx, 'FirstRow') ?? 1) || 1, Number(setting(ctx, 'LastRow') ?? 0) || 0);
    const batchSize = Number(setting(ctx, 'BatchSize') ?? 0) || 1000;
    const db = await ctx.openDatabase(setting(ctx, 'DestinationConnection', 'Connection')!);
    try {
      const table = tableFor(setting(ctx, 'DestinationTableName')!, db.dialect);
      await ctx.log('DTSBulkInsertTaskBegin', `Bulk insert of "${file}" into ${table} started.`);
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        const width = batch[0]!.length;
        const bad = batch.find((r) => r.length !== width);
        if (bad) throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_ROWSHAPE', `Bulk load data conversion error: a row of "${file}" has ${bad.length} fields where ${width} were expected.`);
        // An empty field loads as NULL (the columns' defaults are not applied).
        const values = batch.flatMap((r) => r.map((v) => (v === '' ? null : v)));
        const placeholders = batch.map(() => `(${new Array(width).fill('?').join(', ')})`).join(', ');
        try {
          await db.query(`INSERT INTO ${table} VALUES ${placeholders}`, values);
        } catch (error) {
          throw new SsisError('0xC002F304', 'DTS_E_BULKINSERTTASK_FAILED', `An error occurred with the following error message: "${errorMessage(error)}".`);
        }
      }
      await ctx.log('DTSBulkInsertTaskEnd', `Bulk insert of ${rows.length} rows into ${table} ended.`);
    } finally {
      await db.release();
    }
  },
};
