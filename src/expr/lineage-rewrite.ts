/** @module Rewriting the column lineage references of an expression (`#123` ↔ `#{refId}`) without touching anything else, string literals included. */
import { tokenize } from './lexer.ts';

/**
 * Replaces every lineage reference of an expression by what `map` returns for it (`"123"` for `#123`, the refId for
 * `#{refId}`); `map` returns the new reference *text* (`#{Package\…}` or `#123`) or undefined to keep it. Text inside
 * string literals (`"Order #12"`) and everything else stays byte for byte. An expression that does not tokenize is
 * returned unchanged.
 */
export function mapLineageReferences(text: string, map: (ref: string) => string | undefined): string {
  let tokens;
  try {
    tokens = tokenize(text);
  } catch {
    return text;
  }
  let out = '';
  let at = 0;
  for (const t of tokens) {
    if (t.kind !== 'lineage') continue;
    const replacement = map(t.text);
    if (replacement === undefined) continue;
    out += text.slice(at, t.pos) + replacement;
    at = t.end;
  }
  return out + text.slice(at);
}

/** The lineage references an expression uses, in order (`"123"`, or the refId of `#{refId}`). */
export function lineageReferences(text: string): string[] {
  try {
    return tokenize(text).filter((t) => t.kind === 'lineage').map((t) => t.text);
  } catch {
    return [];
  }
}
