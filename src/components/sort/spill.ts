/** @module Sorted runs on disk for the Sort: blocks of rows, read back block by block for the merge. */
import { closeSync, openSync } from 'node:fs';
import { ItemReader, writeBlock } from '../shared/block-file.ts';

const BLOCK_ROWS = 10_000;

/** Writes rows (given as `columns[c][row]` in `order`) to a new run file. */
export function writeRun(path: string, columns: readonly unknown[][], order: Int32Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let start = 0; start < order.length; start += BLOCK_ROWS) writeBlock(fd, columns, order, start, Math.min(order.length, start + BLOCK_ROWS));
  } finally {
    closeSync(fd);
  }
}

/** Reads a run back one row at a time. */
export class RunReader {
  readonly #reader: ItemReader;
  #block: unknown[][] | undefined;
  #pos = 0;

  constructor(path: string) {
    this.#reader = new ItemReader(path);
    this.#next();
  }

  /** True while a row is available. */
  get hasRow(): boolean {
    return this.#block !== undefined;
  }

  /** The current row's value of column c. */
  value(c: number): unknown {
    return this.#block![c]![this.#pos];
  }

  /** Moves to the next row. */
  advance(): void {
    this.#pos++;
    if (this.#pos >= (this.#block?.[0]?.length ?? 0)) this.#next();
  }

  close(): void {
    this.#reader.close();
  }

  #next(): void {
    do {
      this.#block = this.#reader.nextBlock();
      this.#pos = 0;
    } while (this.#block !== undefined && (this.#block[0]?.length ?? 0) === 0);
  }
}
