/** @module Decoding entity and character references, and escaping text and attribute values the way SSIS writes them. */
import { SsisError } from '../errors.ts';
import { XML_ERROR_CODE, XML_ERROR_SYMBOL } from './xml-error.ts';

/** A problem found while decoding, at an offset of the source; the parser turns it into an SsisError with line and column. */
export class ReferenceProblem {
  constructor(
    readonly problem: string,
    readonly offset: number,
  ) {}
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** True for code points XML 1.0 allows in a document. */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function resolveReference(ref: string, offset: number): string {
  if (ref.charCodeAt(0) === 35 /* # */) {
    const hex = ref.charCodeAt(1) === 120; /* x */
    const digits = ref.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
      throw new ReferenceProblem(`malformed character reference "&${ref};"`, offset);
    }
    const cp = Number.parseInt(digits, hex ? 16 : 10);
    if (!isXmlChar(cp)) throw new ReferenceProblem(`character reference "&${ref};" names a character XML does not allow`, offset);
    return String.fromCodePoint(cp);
  }
  const value = PREDEFINED[ref];
  if (value === undefined) {
    throw new ReferenceProblem(
      /^[A-Za-z_:][\w.:-]*$/.test(ref) ? `reference to undeclared entity "&${ref};"` : `"&" must start an entity or character reference`,
      offset,
    );
  }
  return value;
}

/**
 * Decodes `src[start, end)` as XML character data: resolves references and normalizes line breaks
 * (CRLF and lone CR become LF; in attribute values literal tab, CR and LF become a space, as XML requires).
 */
export function decodeRange(src: string, start: number, end: number, attribute: boolean): string {
  let out = '';
  let last = start;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 38) {
      const semi = src.indexOf(';', i + 1);
      if (semi < 0 || semi >= end || semi - i > 40) throw new ReferenceProblem('"&" must start an entity or character reference ending with ";"', i);
      out += src.slice(last, i) + resolveReference(src.slice(i + 1, semi), i);
      i = semi;
      last = semi + 1;
    } else if (c === 13) {
      out += src.slice(last, i) + (attribute ? ' ' : '\n');
      if (src.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
      last = i + 1;
    } else if (attribute && (c === 10 || c === 9)) {
      out += src.slice(last, i) + ' ';
      last = i + 1;
    }
  }
  return out + src.slice(last, end);
}

/** Normalizes CRLF and lone CR to LF (for CDATA, comments and PIs, which have no references). */
export function normalizeNewlines(value: string): string {
  return value.indexOf('\r') < 0 ? value : value.replace(/\r\n?/g, '\n');
}

const INVALID_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Throws when a value holds a character XML 1.0 cannot represent at all (not even as a reference). */
export function assertWritable(value: string, what: string): void {
  const m = INVALID_CHAR.exec(value);
  if (m) {
    const cp = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new SsisError(XML_ERROR_CODE, XML_ERROR_SYMBOL, `Cannot write ${what}: the character U+${cp} is not allowed in XML.`);
  }
}

const TEXT_SPECIAL = /[&<>\r\n]/;
const TEXT_SPECIAL_G = /[&<>\r\n]/g;

/** Escapes character data as SSIS (.NET XmlWriter) does: `&amp; &lt; &gt;`, CR as `&#xD;`, LF as the document's line ending. */
export function escapeText(value: string, lineEnding: string): string {
  assertWritable(value, 'a text value');
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(TEXT_SPECIAL_G, (ch) => {
    switch (ch) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '\r': return '&#xD;';
      default: return lineEnding;
    }
  });
}

const ATTR_SPECIAL = /[&<>"'\t\n\r]/;
const ATTR_SPECIAL_G = /[&<>"'\t\n\r]/g;

/** Escapes an attribute value as SSIS writes it: `&amp; &lt; &gt; &quot;` and `&#x9; &#xA; &#xD;` for tab, LF and CR. */
export function escapeAttribute(value: string, quote: '"' | "'" = '"'): string {
  assertWritable(value, 'an attribute value');
  if (!ATTR_SPECIAL.test(value)) return value;
  return value.replace(ATTR_SPECIAL_G, (ch) => {
    switch (ch) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return quote === '"' ? '&quot;' : ch;
      case "'": return quote === "'" ? '&apos;' : ch;
      case '\t': return '&#x9;';
      case '\n': return '&#xA;';
      default: return '&#xD;';
    }
  });
}
