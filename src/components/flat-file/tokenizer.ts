/** @module Byte-level row tokenizer for flat files: delimited, fixed width and ragged right, text qualifiers, 2008 and 2012 rules. */

/** One column as the tokenizer sees it. */
export interface TokenColumn {
  /** Delimited columns: the bytes that end the field (the last column's delimiter ends the row). */
  readonly delimiter: Uint8Array;
  /** Fixed-width columns: the width in bytes; 0 for delimited columns. */
  readonly width: number;
  /** The column is text-qualified (TextQualified=True and a qualifier is set). */
  readonly qualified: boolean;
}

/** Field flags after tokenizing a row. */
export const FIELD_PRESENT = 0;
/** The field is absent (a short row under the 2012 rules): its value is NULL. */
export const FIELD_MISSING = 1;
/** The field was qualified and holds doubled qualifiers to collapse. */
export const FIELD_ESCAPED = 2;

/** A parse failure at a byte position, with what went wrong. */
export class TokenizeError extends Error {
  readonly column: number;
  constructor(column: number, message: string) {
    super(message);
    this.column = column;
  }
}

/**
 * Splits rows into fields without decoding them: for each row it fills `starts`/`ends` (byte offsets into
 * the buffer) and `flags` per column. It scans bytes, never characters; decoding is up to the caller.
 */
export class RowTokenizer {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  readonly #cols: readonly TokenColumn[];
  readonly #qualifier: number;
  readonly #rules2012: boolean;
  readonly #rowDelimiter: Uint8Array;

  /**
   * `qualifier` is the qualifier byte or -1; `rules2012` honours the row delimiter in every column (short rows
   * give NULLs) and reads doubled qualifiers as one literal qualifier.
   */
  constructor(columns: readonly TokenColumn[], qualifier: number, rules2012: boolean) {
    this.#cols = columns;
    this.#qualifier = qualifier;
    this.#rules2012 = rules2012;
    const last = columns[columns.length - 1];
    this.#rowDelimiter = last && last.width === 0 ? last.delimiter : new Uint8Array(0);
    this.starts = new Int32Array(columns.length);
    this.ends = new Int32Array(columns.length);
    this.flags = new Uint8Array(columns.length);
  }

  /**
   * Tokenizes the row starting at `pos`. Returns the position after the row, or -1 when the row is not complete
   * in `buf[0…end)` and more data may follow (`eof` false). Throws TokenizeError on malformed qualified text.
   */
  next(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    const cols = this.#cols;
    const n = cols.length;
    const starts = this.starts;
    const ends = this.ends;
    const flags = this.flags;
    const R = this.#rowDelimiter;
    const rl = R.length;
    const r0 = rl > 0 ? R[0]! : -1;
    const Q = this.#qualifier;
    let p = pos;
    for (let i = 0; i < n; i++) {
      const col = cols[i]!;
      const last = i === n - 1;
      if (col.width > 0) {
        const e = p + col.width;
        if (e > end) {
          if (!eof) return -1;
          if (p >= end) return this.#missingFrom(i, end);
          starts[i] = p;
          ends[i] = end;
          flags[i] = FIELD_PRESENT;
          p = end;
          continue;
        }
        starts[i] = p;
        ends[i] = e;
        flags[i] = FIELD_PRESENT;
        p = e;
        continue;
      }
      const d = col.delimiter;
      const dl = d.length;
      const d0 = dl > 0 ? d[0]! : -1;
      const checkRow = !last && this.#rules2012 && rl > 0;
      if (col.qualified && Q >= 0 && p < end && buf[p] === Q) {
        let q = p + 1;
        let escaped = false;
        let close = -1;
        while (close < 0) {
          let idx = -1;
          for (let k = q; k < end; k++) {
            if (buf[k] === Q) {
              idx = k;
              break;
            }
          }
          if (idx < 0) {
            if (!eof) return -1;
            throw new TokenizeError(i, 'The text qualifier is not closed before the end of the file.');
          }
          if (this.#rules2012 && idx + 1 < end && buf[idx + 1] === Q) {
            escaped = true;
            q = idx + 2;
            continue;
          }
          if (this.#rules2012 && idx + 1 >= end && !eof) return -1;
          close = idx;
        }
        starts[i] = p + 1;
        ends[i] = close;
        flags[i] = escaped ? FIELD_ESCAPED : FIELD_PRESENT;
        const after = close + 1;
        if (after >= end) {
          if (!eof) return -1;
          if (last) return end;
          return this.#missingFrom(i + 1, end);
        }
        const m = matchAt(buf, after, end, d, eof);
        if (m < 0) return -1;
        if (m > 0) {
          p = after + dl;
          continue;
        }
        if (checkRow) {
          const mr = matchAt(buf, after, end, R, eof);
          if (mr < 0) return -1;
          if (mr > 0) return this.#missingFrom(i + 1, after + rl);
        }
        if (this.#rules2012) throw new TokenizeError(i, 'A text qualifier inside qualified text is not doubled, or data follows the closing qualifier.');
        // 2008: characters after the closing qualifier up to the delimiter are ignored.
        let k = after;
        for (; k < end; k++) if (buf[k] === d0 && matchAt(buf, k, end, d, eof) > 0) break;
        if (k >= end && !eof) return -1;
        p = Math.min(end, k + dl);
        continue;
      }
      let q = p;
      for (; q < end; q++) {
        const b = buf[q];
        if (b === d0) {
          const m = dl === 1 ? 1 : matchAt(buf, q, end, d, eof);
          if (m < 0) return -1;
          if (m > 0) break;
        }
        if (checkRow && b === r0) {
          const m = rl === 1 ? 1 : matchAt(buf, q, end, R, eof);
          if (m < 0) return -1;
          if (m > 0) {
            starts[i] = p;
            ends[i] = q;
            flags[i] = FIELD_PRESENT;
            return this.#missingFrom(i + 1, q + rl);
          }
        }
      }
      if (q >= end) {
        if (!eof) return -1;
        starts[i] = p;
        ends[i] = end;
        flags[i] = FIELD_PRESENT;
        return last ? end : this.#missingFrom(i + 1, end);
      }
      starts[i] = p;
      ends[i] = q;
      flags[i] = FIELD_PRESENT;
      p = q + dl;
    }
    return p;
  }

  /** Marks columns from `i` on as missing and returns `next`. */
  #missingFrom(i: number, next: number): number {
    for (let k = i; k < this.#cols.length; k++) {
      this.starts[k] = next;
      this.ends[k] = next;
      this.flags[k] = FIELD_MISSING;
    }
    return next;
  }
}

/** 1 when `pattern` occurs at `at`, 0 when not, -1 when the buffer ends inside a possible match and more data may come. */
export function matchAt(buf: Uint8Array, at: number, end: number, pattern: Uint8Array, eof: boolean): number {
  const n = pattern.length;
  if (n === 0) return 0;
  for (let k = 0; k < n; k++) {
    if (at + k >= end) return eof ? 0 : -1;
    if (buf[at + k] !== pattern[k]) return 0;
  }
  return 1;
}

/** Finds the end of a line ending in `delimiter` from `pos`; returns the position after it, or -1 when not found. */
export function skipLine(buf: Uint8Array, pos: number, end: number, delimiter: Uint8Array, eof: boolean): number {
  if (delimiter.length === 0) return eof ? end : -1;
  for (let k = pos; k < end; k++) {
    if (buf[k] === delimiter[0]) {
      const m = matchAt(buf, k, end, delimiter, eof);
      if (m < 0) return -1;
      if (m > 0) return k + delimiter.length;
    }
  }
  return eof ? end : -1;
}
