/** @module Flat file encodings: how bytes of a code page (or UTF-16 when Unicode) become text, and text becomes bytes. */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { SsisError } from '../../errors.ts';

/** How a file's bytes are handled. */
export interface FileEncoding {
  /** `utf8`: scanned as is; `single`: a single-byte code page scanned as is; `transcode`: converted to UTF-8 first. */
  readonly kind: 'utf8' | 'single' | 'transcode';
  /** The iconv-lite name of the file's encoding. */
  readonly name: string;
  readonly codePage: number;
}

const SINGLE_BYTE = new Set([437, 850, 852, 855, 857, 860, 861, 862, 863, 865, 866, 869, 874, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 20127, 28591, 28592, 28593, 28594, 28595, 28596, 28597, 28598, 28599, 28605]);

/** The encoding of a file with this code page (Unicode = UTF-16 LE). Throws naming the code page when iconv-lite lacks it. */
export function fileEncoding(codePage: number, unicode: boolean): FileEncoding {
  if (unicode || codePage === 1200) return { kind: 'transcode', name: 'utf16le', codePage: 1200 };
  if (codePage === 65001 || codePage === 0) return { kind: 'utf8', name: 'utf8', codePage: 65001 };
  const name = codePage === 20127 ? 'ascii' : codePage === 28591 ? 'latin1' : `cp${codePage}`;
  if (!iconv.encodingExists(name)) {
    throw new SsisError('0xC0202043', 'DTS_E_CODEPAGENOTSUPPORTED', `The code page ${codePage} is not supported.`);
  }
  return { kind: SINGLE_BYTE.has(codePage) ? 'single' : 'transcode', name, codePage };
}

/** Bytes of a delimiter or qualifier as they appear in the scanned data (UTF-8 after transcoding). */
export function scannedBytes(text: string, enc: FileEncoding): Uint8Array {
  return enc.kind === 'single' ? iconv.encode(text, enc.name) : Buffer.from(text, 'utf8');
}

/** A converter of raw file chunks to the bytes the tokenizer scans (identity unless transcoding). */
export function chunkTranscoder(enc: FileEncoding): (chunk: Buffer) => Buffer {
  if (enc.kind !== 'transcode') return (c) => c;
  const dec = iconv.getDecoder(enc.name);
  return (c) => Buffer.from(dec.write(c), 'utf8');
}

/**
 * Field decoding for one scanned chunk. ASCII chunks are decoded once and fields are slices of that string;
 * otherwise each field is decoded on its own.
 */
export function chunkDecoder(enc: FileEncoding, chunk: Buffer): (buf: Uint8Array, s: number, e: number) => string {
  if (isAscii(chunk)) {
    const text = chunk.toString('latin1', 0, chunk.length);
    return (_b, s, e) => text.slice(s, e);
  }
  if (enc.kind === 'single') return (_b, s, e) => iconv.decode(chunk.subarray(s, e), enc.name);
  return (_b, s, e) => chunk.toString('utf8', s, e);
}

/** Encodes output text in the file's encoding. */
export function encodeText(text: string, enc: FileEncoding): Buffer {
  if (enc.kind === 'utf8') return Buffer.from(text, 'utf8');
  if (enc.name === 'utf16le') return Buffer.from(text, 'utf16le');
  // ASCII text is the same in every single-byte code page (checked on the UTF-8 bytes, natively).
  if (enc.kind === 'single') {
    const utf8 = Buffer.from(text, 'utf8');
    if (isAscii(utf8)) return utf8;
  }
  return iconv.encode(text, enc.name);
}
