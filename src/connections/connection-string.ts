/** @module Connection strings of OLE DB, ADO.NET and ODBC connection managers: parsing with their quoting rules, synonyms and formatting. */
import { invalidConnectionError } from './errors.ts';

/** One `key=value` pair as written (key trimmed, value unquoted). */
export interface ConnectionStringEntry {
  readonly key: string;
  readonly value: string;
}

/** A parsed connection string: the pairs in order and a case-insensitive, synonym-aware look-up. */
export interface ParsedConnectionString {
  /** Every pair as written, in order (duplicates kept). */
  readonly entries: readonly ConnectionStringEntry[];
  /** Values by canonical key (see {@link canonicalKey}); a later duplicate wins, as in ADO.NET. */
  readonly values: ReadonlyMap<string, string>;
}

/** Synonym spellings → the canonical key every look-up uses (all lower case, single spaces). */
const SYNONYMS: Readonly<Record<string, string>> = {
  'server': 'data source',
  'address': 'data source',
  'addr': 'data source',
  'network address': 'data source',
  'host': 'data source',
  'database': 'initial catalog',
  'uid': 'user id',
  'user': 'user id',
  'username': 'user id',
  'user name': 'user id',
  'pwd': 'password',
  'connection timeout': 'connect timeout',
  'timeout': 'connect timeout',
  'trusted_connection': 'integrated security',
  'app': 'application name',
  'application name': 'application name',
};

/** The canonical form of a key: lower case, inner white space collapsed, synonyms folded (`Server` → `data source`). */
export function canonicalKey(key: string): string {
  const k = key.trim().replace(/\s+/g, ' ').toLowerCase();
  return SYNONYMS[k] ?? k;
}

/**
 * Parses a connection string with the rules OLE DB, ADO.NET (DbConnectionStringBuilder) and ODBC share:
 * pairs separated by `;`, keys case-insensitive with `==` as a literal `=`, values optionally quoted with
 * `"…"` or `'…'` (a doubled quote is a literal quote) or, ODBC style, braced `{…}` (`}}` is a literal `}`).
 * White space around keys and unquoted values is dropped. Throws SsisError on an unterminated quote or a
 * pair without `=`.
 */
export function parseConnectionString(text: string): ParsedConnectionString {
  const entries: ConnectionStringEntry[] = [];
  const values = new Map<string, string>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ';' || isSpace(text[i]!))) i++;
    if (i >= n) break;
    let key = '';
    while (i < n) {
      const c = text[i]!;
      if (c === '=') {
        if (text[i + 1] === '=') { key += '='; i += 2; continue; }
        break;
      }
      if (c === ';') break;
      key += c;
      i++;
    }
    if (i >= n || text[i] !== '=') {
      throw invalidConnectionError(`The connection string has a part without '=': "${key.trim()}" in "${text}".`);
    }
    i++;
    while (i < n && isSpace(text[i]!)) i++;
    let value = '';
    const open = text[i];
    if (open === '"' || open === "'" || open === '{') {
      const close = open === '{' ? '}' : open;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === close) {
          if (text[i + 1] === close) { value += close; i += 2; continue; }
          i++;
          closed = true;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) throw invalidConnectionError(`The value of "${key.trim()}" has no closing ${close} in the connection string "${text}".`);
      while (i < n && text[i] !== ';') {
        if (!isSpace(text[i]!)) throw invalidConnectionError(`Unexpected text after the quoted value of "${key.trim()}" in the connection string "${text}".`);
        i++;
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ';') i++;
      value = text.slice(start, i).trim();
    }
    const entry = { key: key.trim(), value };
    entries.push(entry);
    values.set(canonicalKey(entry.key), value);
  }
  return { entries, values };
}

/** The value of a key (any synonym, any case), or undefined. */
export function connectionStringValue(parsed: ParsedConnectionString, key: string): string | undefined {
  return parsed.values.get(canonicalKey(key));
}

/** Formats pairs back into a connection string, quoting values that need it (`;`, quotes, leading/trailing spaces). */
export function formatConnectionString(entries: Iterable<ConnectionStringEntry>): string {
  let out = '';
  for (const { key, value } of entries) {
    out += `${key.replace(/=/g, '==')}=${quoteValue(value)};`;
  }
  return out;
}

function quoteValue(value: string): string {
  const needs = /[;'"]/.test(value) || value !== value.trim() || value.startsWith('{');
  if (!needs) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, '""')}"`;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Reads an SSIS/OLE DB boolean setting: True/False, Yes/No, SSPI (= true), 1/0, -1. */
export function connectionBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === 'sspi' || v === '1' || v === '-1') return true;
  if (v === 'false' || v === 'no' || v === '0' || v === '') return false;
  return undefined;
}
