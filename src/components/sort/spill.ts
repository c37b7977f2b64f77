/** @module Sorted runs on disk: blocks of rows serialized with v8, read back block by block for the merge. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';

const BLOCK_ROWS = 10_000;

function encode(v: unknown): unknown {
  if (v instanceof SsisDateTime) return { $d: [v.day, v.tick, v.offset] };
  if (v instanceof SsisDecimal) return { $m: [v.unscaled, v.scale] };
  return v;
}

function decode(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const o = v as { $d?: [number, number, number]; $m?: [bigint, number] };
    if (o.$d) return new SsisDateTime(o.$d[0], o.$d[1], o.$d[2]);
    if (o.$m) return new SsisDecimal(o.$m[0], o.$m[1]);
  }
  return v;
}

/** Writes rows (given as `columns[c][row]` in `order`) to a new run file. */
export function writeRun(path: string, columns: readonly unknown[][], order: Int32Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let start = 0; start < order.length; start += BLOCK_ROWS) {
      const end = Math.min(order.length, start + BLOCK_ROWS);
      const block = columns.map((col) => {
        const out = new Array<unknown>(end - start);
        for (let i = start; i < end; i++) out[i - start] = encode(col[order[i]!]);
        return out;
      });
      const body = serialize(block);
      const head = Buffer.alloc(4);
      head.writeUInt32LE(body.length, 0);
      writeSync(fd, head);
      writeSync(fd, body);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a run back one block at a time. */
export class RunReader {
  readonly #fd: number;
  #block: unknown[][] | null = null;
  #pos = 0;
  #rows = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'r');
    this.#next();
  }

  /** True while a row is available. */
  get hasRow(): boolean {
    return this.#block !== null;
  }

  /** The current row's value of column c. */
  value(c: number): unknown {
    return this.#block![c]![this.#pos];
  }

  /** Moves to the next row. */
  advance(): void {
    this.#pos++;
    if (this.#pos >= this.#rows) this.#next();
  }

  close(): void {
    closeSync(this.#fd);
  }

  #next(): void {
    const head = Buffer.alloc(4);
    if (readSync(this.#fd, head, 0, 4, null) < 4) {
      this.#block = null;
      return;
    }
    const len = head.readUInt32LE(0);
    const body = Buffer.alloc(len);
    let got = 0;
    while (got < len) got += readSync(this.#fd, body, got, len - got, null);
    this.#block = (deserialize(body) as unknown[][]).map((col) => col.map(decode));
    this.#pos = 0;
    this.#rows = this.#block[0]?.length ?? 0;
    if (this.#rows === 0) this.#next();
  }
}
