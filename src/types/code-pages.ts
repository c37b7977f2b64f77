/** @module Byte lengths of strings in a code page: DT_STR lengths count bytes, which differ from characters in multi-byte code pages. */
import iconv from 'iconv-lite';

/** Code pages whose characters may take more than one byte (UTF-8, UTF-16, the East Asian double-byte sets, GB18030). */
const MULTI_BYTE = new Set([65001, 65000, 1200, 1201, 932, 936, 949, 950, 1361, 20932, 51932, 51936, 54936]);

/** The number of bytes `s` takes in `codePage`. */
export function byteLengthIn(s: string, codePage: number | undefined): number {
  if (codePage === undefined || !MULTI_BYTE.has(codePage)) return s.length;
  if (codePage === 65001) return Buffer.byteLength(s, 'utf8');
  if (codePage === 1200 || codePage === 1201) return s.length * 2;
  const name = iconv.encodingExists(`cp${codePage}`) ? `cp${codePage}` : `windows-${codePage}`;
  return iconv.encodingExists(name) ? iconv.encode(s, name).length : s.length;
}

/** The longest prefix of `s` (whole characters) that fits in `maxBytes` bytes of `codePage`. */
export function truncateToBytes(s: string, codePage: number | undefined, maxBytes: number): string {
  if (byteLengthIn(s, codePage) <= maxBytes) return s;
  const chars = [...s];
  let lo = 0;
  let hi = Math.min(chars.length, maxBytes);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (byteLengthIn(chars.slice(0, mid).join(''), codePage) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('');
}
