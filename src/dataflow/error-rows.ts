/** @module Error and truncation dispositions: fail the component, ignore the failure, or redirect the row with ErrorCode and ErrorColumn. */
import { SsisError } from '../errors.ts';
import type { Batch } from './batch.ts';
import type { ComponentHost } from './component.ts';
import type { LayoutColumn } from './layout.ts';
import type { OutputModel, RowDisposition } from './model.ts';

/** Error codes put in the ErrorCode column of redirected rows (as signed 32-bit HRESULTs, like SSIS). */
export const ROW_ERROR = {
  /** A value could not be converted (DTS_E_CONVERSIONFAILED-like status). */
  conversion: 0xc0049064 | 0,
  /** A value was truncated. */
  truncation: 0xc020902a | 0,
  /** An expression failed to evaluate (e.g. divide by zero, NULL condition). */
  expression: 0xc0049067 | 0,
  /** Lookup found no match (DTS_E_TXLOOKUP_ROWLOOKUPERROR). */
  lookupNoMatch: 0xc020901e | 0,
  /** A flat file row could not be parsed. */
  parse: 0xc0202055 | 0,
  /** A destination rejected the row. */
  insert: 0xc0202009 | 0,
} as const;

/** The ID put in ErrorColumn for a column: its 2008 integer lineage ID, else its slot + 1 (2012+ regenerates IDs). */
export function errorColumnId(column: LayoutColumn | undefined): number {
  if (!column) return 0;
  return column.model.lineageNumber ?? column.slot + 1;
}

/** Normalises the dispositions written in packages (`FailComponent`, `RD_FailComponent`, `4`). */
export function disposition(value: string | undefined): RowDisposition {
  switch ((value ?? '').replace(/^RD_/, '')) {
    case 'IgnoreFailure':
    case '1':
      return 'IgnoreFailure';
    case 'RedirectRow':
    case '2':
      return 'RedirectRow';
    case 'NotUsed':
    case '0':
      return 'NotUsed';
    default:
      return 'FailComponent';
  }
}

/**
 * Collects the rows of one batch that failed, applies each column's disposition, and splits the batch
 * between the normal output and the error output when it is sent.
 */
export class RowErrors {
  readonly #host: ComponentHost;
  readonly #errorOutput: number;
  #marks: Uint8Array | null = null;
  #rows: number[] = [];
  #codes: number[] = [];
  #cols: number[] = [];
  #raw: (string | undefined)[] = [];

  /** `errorOutput` is the index of the component's error output, or -1 when it has none. */
  constructor(host: ComponentHost, errorOutput: number) {
    this.#host = host;
    this.#errorOutput = errorOutput;
  }

  /** Starts a new batch. */
  reset(): void {
    this.#marks = null;
    this.#rows = [];
    this.#codes = [];
    this.#cols = [];
    this.#raw = [];
  }

  /** True when the row was already redirected in this batch (skip further work on it). */
  isRedirected(row: number): boolean {
    return this.#marks !== null && this.#marks[row] === 1;
  }

  /**
   * Applies a disposition to a failed value. Returns true when the row was redirected, false when the failure
   * is ignored (the caller then stores NULL for an error or keeps the truncated value). Throws for FailComponent.
   */
  handle(batch: Batch, row: number, what: 'error' | 'truncation', disp: RowDisposition, code: number, column: LayoutColumn | undefined, detail: string, raw?: string): boolean {
    if (disp === 'IgnoreFailure') return false;
    if (disp === 'RedirectRow' && this.#errorOutput >= 0) {
      if (!this.#marks) this.#marks = new Uint8Array(batch.length);
      if (this.#marks[row] !== 1) {
        this.#marks[row] = 1;
        this.#rows.push(row);
        this.#codes.push(code);
        this.#cols.push(errorColumnId(column));
        this.#raw.push(raw);
      }
      return true;
    }
    const name = this.#host.component.name;
    const on = column ? `"${column.name}"` : `"${name}"`;
    const hex = `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
    throw what === 'truncation'
      ? new SsisError('0xC020902A', 'DTS_E_INDUCEDTRANSFORMFAILUREONTRUNCATION', `${name}: ${detail} SSIS Error Code DTS_E_INDUCEDTRANSFORMFAILUREONTRUNCATION. The "${name}" failed because truncation occurred, and the truncation row disposition on ${on} specifies failure on truncation.`)
      : new SsisError('0xC0209029', 'DTS_E_INDUCEDTRANSFORMFAILUREONERROR', `${name}: ${detail} SSIS Error Code DTS_E_INDUCEDTRANSFORMFAILUREONERROR. The "${name}" failed because error code ${hex} occurred, and the error row disposition on ${on} specifies failure on error.`);
  }

  /** Sends the batch: good rows to `output`, redirected rows (with ErrorCode/ErrorColumn) to the error output. */
  async send(batch: Batch, output: number): Promise<void> {
    if (this.#rows.length === 0) {
      await this.#host.send(output, batch);
      return;
    }
    const marks = this.#marks!;
    const good = new Int32Array(batch.count - this.#rows.length);
    let g = 0;
    for (let k = 0; k < batch.count; k++) {
      const r = batch.row(k);
      if (marks[r] !== 1) good[g++] = r;
    }
    if (g > 0) await this.#host.send(output, batch.select(good, g));
    await this.sendRedirected(batch, output);
  }

  /** Sends only the redirected rows to the error output (`output` names the normal output, for columns copied by name). */
  async sendRedirected(batch: Batch, output: number): Promise<void> {
    if (this.#rows.length === 0) return;
    const order = this.#rows.map((_, i) => i).sort((a, b) => this.#rows[a]! - this.#rows[b]!);
    const errOut = this.#host.component.outputs[this.#errorOutput]!;
    if (!errOut.synchronousInputRefId) {
      await this.#host.send(this.#errorOutput, asyncErrorBatch(this.#host, this.#errorOutput, batch, output, this.#rows, this.#codes, this.#cols, this.#raw, order));
      return;
    }
    const bad = Int32Array.from(order.map((i) => this.#rows[i]!));
    const errBatch = batch.select(bad, bad.length);
    const layout = this.#host.outputLayout(this.#errorOutput);
    const codeSlot = specialSlot(errOut, 'ErrorCode', layout);
    const colSlot = specialSlot(errOut, 'ErrorColumn', layout);
    if (codeSlot !== undefined) {
      const c = errBatch.allocate(codeSlot).values as Int32Array;
      const n = errBatch.vectors[codeSlot]!.nulls;
      order.forEach((i) => {
        c[this.#rows[i]!] = this.#codes[i]!;
        n[this.#rows[i]!] = 0;
      });
    }
    if (colSlot !== undefined) {
      const c = errBatch.allocate(colSlot).values as Int32Array;
      const n = errBatch.vectors[colSlot]!.nulls;
      order.forEach((i) => {
        c[this.#rows[i]!] = this.#cols[i]!;
        n[this.#rows[i]!] = 0;
      });
    }
    await this.#host.send(this.#errorOutput, errBatch);
  }
}

/** A new batch for an asynchronous error output (sources): columns copied by name, raw row text, ErrorCode, ErrorColumn. */
function asyncErrorBatch(host: ComponentHost, errorOutput: number, batch: Batch, output: number, rows: number[], codes: number[], cols: number[], raw: (string | undefined)[], order: number[]): Batch {
  const errOut = host.component.outputs[errorOutput]!;
  const out = host.newBatch(errorOutput, order.length);
  const layout = host.outputLayout(errorOutput);
  const normal = host.component.outputs[output]!;
  errOut.columns.forEach((c, ci) => {
    const slot = layout.slotOf(c.lineageId)!;
    const dst = out.column(slot);
    const isCode = c.specialFlags === 1 || c.name === 'ErrorCode';
    const isCol = c.specialFlags === 2 || c.name === 'ErrorColumn';
    const same = normal.columns.find((n) => n.name === c.name);
    const srcSlot = same ? batch.layout.slotOf(same.lineageId) : undefined;
    order.forEach((i, k) => {
      const r = rows[i]!;
      if (isCode || isCol) {
        dst.values[k] = isCode ? codes[i]! : cols[i]!;
        dst.nulls[k] = 0;
      } else if (srcSlot !== undefined && !raw[i]) {
        const src = batch.column(srcSlot);
        dst.nulls[k] = src.nulls[r]!;
        (dst.values as unknown[])[k] = (src.values as unknown[])[r];
      } else if (ci === 0 && raw[i] !== undefined) {
        (dst.values as unknown[])[k] = raw[i];
        dst.nulls[k] = 0;
      }
    });
  });
  return out;
}

function specialSlot(out: OutputModel, name: 'ErrorCode' | 'ErrorColumn', layout: { slotOf(l: string): number | undefined }): number | undefined {
  const col = out.columns.find((c) => c.name === name) ?? out.columns[name === 'ErrorCode' ? 0 : 1];
  return col ? layout.slotOf(col.lineageId) : undefined;
}

/** The index of a component's error output, or -1. */
export function errorOutputIndex(outputs: readonly OutputModel[]): number {
  return outputs.findIndex((o) => o.isErrorOut);
}
