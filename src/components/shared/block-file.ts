/** @module Files of row blocks (length-prefixed v8 serialization, exact dates and decimals preserved): Sort spill runs and Raw Files. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';

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

/** Appends one serialized item (length-prefixed) to an open file. */
export function writeItem(fd: number, item: unknown): void {
  const body = serialize(item);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  writeSync(fd, head);
  writeSync(fd, body);
}

/** Appends a block of rows given as columns (`columns[c][row]`), in `order` when given. */
export function writeBlock(fd: number, columns: readonly unknown[][], order?: ArrayLike<number>, start = 0, end?: number): void {
  const stop = end ?? (order ? order.length : columns[0]?.length ?? 0);
  writeItem(
    fd,
    columns.map((col) => {
      const out = new Array<unknown>(stop - start);
      for (let i = start; i < stop; i++) out[i - start] = encode(col[order ? order[i]! : i]);
      return out;
    }),
  );
}

/** Reads items back one at a time. */
export class ItemReader {
  readonly #fd: number;

  constructor(path: string) {
    this.#fd = openSync(path, 'r');
  }

  /** The next item, or undefined at the end of the file. */
  next(): unknown {
    const head = Buffer.alloc(4);
    if (readSync(this.#fd, head, 0, 4, null) < 4) return undefined;
    const len = head.readUInt32LE(0);
    const body = Buffer.alloc(len);
    let got = 0;
    while (got < len) {
      const n = readSync(this.#fd, body, got, len - got, null);
      if (n === 0) throw new Error('the file ends inside a block');
      got += n;
    }
    return deserialize(body);
  }

  /** The next block of rows (columns), decoded; undefined at the end. */
  nextBlock(): unknown[][] | undefined {
    const item = this.next() as unknown[][] | undefined;
    return item?.map((col) => col.map(decode));
  }

  close(): void {
    closeSync(this.#fd);
  }
}
