/**
 * @module Detecting, decoding and re-encoding the character encoding of an XML file: UTF-8 (with or without BOM),
 * UTF-16 LE/BE, and any single- or multi-byte encoding iconv-lite knows (windows-1252, iso-8859-1, …) named in the prolog.
 */
import iconv from 'iconv-lite';
import { xmlFileError } from './xml-error.ts';

/** Text decoded from bytes, with what is needed to encode it back identically. */
export interface DecodedXml {
  readonly text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, or an iconv-lite encoding name (lower case). */
  readonly encoding: string;
  readonly bom: boolean;
}

/** Finds the encoding named in an XML declaration (`encoding="…"`), or undefined. */
export function declaredEncoding(prolog: string): string | undefined {
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(prolog);
  return m ? m[2].toLowerCase() : undefined;
}

function isUtf8Name(name: string): boolean {
  return name === 'utf-8' || name === 'utf8';
}

function isUtf16Name(name: string): boolean {
  return name === 'utf-16' || name === 'utf16' || name === 'unicode' || name === 'ucs-2' || name === 'utf-16le' || name === 'utf-16be';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array, fileName: string | undefined): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw xmlFileError('the bytes are not valid UTF-8 (invalid character in the given encoding)', fileName);
  }
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const even = bytes.length & ~1;
  const out = new Uint8Array(even);
  for (let i = 0; i < even; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean, fileName: string | undefined): string {
  if (bytes.length % 2 !== 0) throw xmlFileError('a UTF-16 file has an odd number of bytes (truncated)', fileName);
  try {
    return UTF16LE.decode(bigEndian ? swapBytes(bytes) : bytes);
  } catch {
    throw xmlFileError('the bytes are not valid UTF-16', fileName);
  }
}

/** Decodes the bytes of an XML file following the XML specification's detection rules (BOM, then the declaration). */
export function decodeXmlBytes(bytes: Uint8Array, fileName?: string): DecodedXml {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), fileName), encoding: 'utf-8', bom: true };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), false, fileName), encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), true, fileName), encoding: 'utf-16be', bom: true };
  if (b0 === 0x3c && b1 === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) {
    return { text: decodeUtf16(bytes, false, fileName), encoding: 'utf-16le', bom: false };
  }
  if (b0 === 0x00 && b1 === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) {
    return { text: decodeUtf16(bytes, true, fileName), encoding: 'utf-16be', bom: false };
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
  const declared = declaredEncoding(head);
  if (declared === undefined || isUtf8Name(declared)) return { text: decodeUtf8(bytes, fileName), encoding: 'utf-8', bom: false };
  if (isUtf16Name(declared)) {
    throw xmlFileError(`the declaration names encoding "${declared}" but the file has no Unicode byte order mark (there is no Unicode byte order mark; cannot switch to Unicode)`, fileName);
  }
  if (!iconv.encodingExists(declared)) throw xmlFileError(`the encoding "${declared}" named in the XML declaration is not supported`, fileName);
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), declared), encoding: declared, bom: false };
}

/** True when `encoding` is one of the Unicode encodings (every character can be written). */
export function isUnicodeEncoding(encoding: string): boolean {
  return isUtf8Name(encoding) || isUtf16Name(encoding);
}

function toUint8(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/**
 * Encodes document text back to bytes in `encoding`, with a BOM when `bom`. In a non-Unicode encoding, a character
 * the encoding cannot hold is written as a character reference (as .NET's XmlWriter does); inside a comment or CDATA
 * that would change its meaning, which this implementation does not detect.
 */
export function encodeXmlText(text: string, encoding: string, bom: boolean): Uint8Array {
  if (isUtf8Name(encoding)) {
    const body = Buffer.from(text, 'utf8');
    return toUint8(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
    return encoding === 'utf-16le' ? toUint8(le) : swapBytes(le);
  }
  const safe = text.replace(/[^\x00-\x7F]/gu, (ch) => (iconv.decode(iconv.encode(ch, encoding), encoding) === ch ? ch : `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`));
  return toUint8(iconv.encode(safe, encoding, { addBOM: bom }));
}
