/** @module Rows a driver pushes from its events (MySQL, SQL Server), handed out in batches with the driver's flow paused while a full batch waits. */
import type { ColumnInfo, Row, RowBatch } from './driver.ts';
import { readRows, type ValueReader } from './values.ts';

/** A result's columns and the readers that turn their values into engine values. */
export interface Described {
  readonly columns: ColumnInfo[];
  readonly readers: (ValueReader | undefined)[];
}

const NO_COLUMNS: Described = { columns: [], readers: [] };

/** Pausing and resuming the source of rows (the socket or the request). */
export interface RowFlow {
  pause(): void;
  resume(): void;
}

/** Collects pushed rows and yields them in batches of at most `batchRows`; an empty result yields one empty batch. */
export class RowStream {
  /** Set by the driver when the columns are known. */
  described: Described | undefined;
  readonly #batchRows: number;
  readonly #flow: RowFlow;
  #rows: Row[] = [];
  #done = false;
  #draining = false;
  #failure: unknown;
  #wake: (() => void) | undefined;

  constructor(batchRows: number, flow: RowFlow) {
    this.#batchRows = batchRows;
    this.#flow = flow;
  }

  /** True once the source ended or failed. */
  get done(): boolean {
    return this.#done;
  }

  push(row: Row): void {
    if (this.#draining) return;
    this.#rows.push(row);
    if (this.#rows.length >= this.#batchRows) {
      this.#flow.pause();
      this.#notify();
    }
  }

  end(): void {
    this.#done = true;
    this.#notify();
  }

  fail(error: unknown): void {
    if (this.#failure === undefined) this.#failure = error;
    this.#done = true;
    this.#notify();
  }

  /** The batches; a failure of the source is thrown as `toError(failure)`. */
  async *batches(toError: (failure: unknown) => Error): AsyncGenerator<RowBatch> {
    let yielded = false;
    for (;;) {
      if (this.#rows.length < this.#batchRows && !this.#done) await this.#wait();
      if (this.#failure !== undefined) throw toError(this.#failure);
      while (this.#rows.length >= this.#batchRows || (this.#done && (this.#rows.length > 0 || !yielded))) {
        const out = this.#rows.length > this.#batchRows ? this.#rows.splice(0, this.#batchRows) : this.#rows;
        if (out === this.#rows) this.#rows = [];
        yielded = true;
        const d = this.described ?? NO_COLUMNS;
        yield { columns: d.columns, rows: readRows(out, d.readers) };
      }
      if (this.#done) return;
      this.#flow.resume();
    }
  }

  /** After the consumer stopped early: lets the source run to its end (rows are dropped) and waits for it. */
  async drain(): Promise<void> {
    this.#draining = true;
    this.#rows = [];
    this.#flow.resume();
    while (!this.#done) await this.#wait();
  }

  #wait(): Promise<void> {
    return new Promise<void>((resolve) => (this.#wake = resolve));
  }

  #notify(): void {
    const w = this.#wake;
    this.#wake = undefined;
    w?.();
  }
}
