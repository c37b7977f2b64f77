/** @module Windows code pages (Flat File `CodePage`, `Unicode`) → the iconv-lite encoding that reads and writes them. */
import iconv from 'iconv-lite';
import { notSupportedError } from '../errors.ts';

const NAMED: Readonly<Record<number, string>> = {
  65001: 'utf8', 1200: 'utf16le', 1201: 'utf16be', 12000: 'utf32le', 12001: 'utf32be', 20127: 'us-ascii', 28591: 'latin1',
  28592: 'iso-8859-2', 28605: 'iso-8859-15', 20866: 'koi8-r', 21866: 'koi8-u', 932: 'shift_jis', 936: 'gbk', 54936: 'gb18030',
  949: 'cp949', 950: 'big5', 51932: 'euc-jp',
};

/**
 * The encoding of a flat file: UTF-16 LE when `Unicode` is set (SSIS then ignores the code page), otherwise the
 * code page's encoding (`1252` → `windows-1252`, `65001` → `utf8`, `437` → `cp437`, …). A code page iconv-lite
 * cannot handle is a clear error naming it.
 */
export function encodingForCodePage(codePage: number, unicode = false): string {
  if (unicode) return 'utf16le';
  const name = NAMED[codePage] ?? (codePage >= 1250 && codePage <= 1258 ? `windows-${codePage}` : `cp${codePage}`);
  if (!iconv.encodingExists(name)) throw notSupportedError(`Code page ${codePage}`);
  return name;
}
