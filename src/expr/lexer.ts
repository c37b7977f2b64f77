/** @module The SSIS expression lexer: identifiers, bracketed names, variables, lineage references, literals and operators. */
import { exprError } from './error-codes.ts';

/** Token kinds. */
export type TokenKind = 'number' | 'string' | 'ident' | 'bracket' | 'variable' | 'lineage' | 'op' | 'eof';

/** One token: `text` is the decoded content (string value, name inside brackets) and `raw` the source text. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly raw: string;
  readonly pos: number;
  readonly end: number;
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '(', ')', ',', '?', ':', '+', '-', '*', '/', '%', '<', '>', '!', '~', '&', '^', '|', '=', '.'];
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{Nd}_@$#]/u;
const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** Splits an expression into tokens; throws SsisError with the offset of the first bad character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number) => tokens.push({ kind, text: value, raw: text.slice(start, i), pos: start, end: i });
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { i++; continue; }
    const start = i;
    if (c >= '0' && c <= '9' || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+[uUlL]*|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFlLuU]*)/.exec(text.slice(i))!;
      i += m[0].length;
      if (i < text.length && IDENT_PART.test(text[i])) throw invalidToken(text, start, i + 1);
      push('number', m[0], start);
    } else if (c === '"') {
      i++;
      let value = '';
      for (;;) {
        if (i >= text.length) throw exprError('DTS_E_EXPREVALINVALIDTOKENSTATE', `The string literal starting at character ${start + 1} is not closed with a double quotation mark.`, start);
        const ch = text[i];
        if (ch === '"') { i++; break; }
        if (ch === '\\') {
          const e = text[i + 1] ?? '';
          if (e === 'x' || e === 'X') {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              throw exprError('DTS_E_EXPREVALILLEGALHEXESCAPEINSTRINGLITERAL', `The string literal contains an illegal hexadecimal escape sequence "\\x${hex}" at character ${i + 1}. Hexadecimal escapes must have the form \\xhhhh.`, i);
            }
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          if (!(e in ESCAPES)) {
            throw exprError('DTS_E_EXPREVALILLEGALESCAPEINSTRINGLITERAL', `The string literal contains an illegal escape sequence "\\${e}" at character ${i + 1}. Use "\\\\" for a backslash.`, i);
          }
          value += ESCAPES[e];
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      push('string', value, start);
    } else if (c === "'") {
      throw exprError('DTS_E_EXPREVALINVALIDTOKENSINGLEQUOTE', `The single quotation mark at character ${i + 1} was not expected. String literals use double quotation marks.`, i);
    } else if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) throw exprError('DTS_E_EXPREVALINVALIDTOKENSTATE', `The bracket "[" at character ${i + 1} is not closed.`, i);
      i = close + 1;
      push('bracket', text.slice(start + 1, close), start);
    } else if (c === '@') {
      i++;
      if (text[i] === '[') {
        const close = text.indexOf(']', i + 1);
        if (close < 0) throw exprError('DTS_E_EXPREVALINVALIDTOKENSTATE', `The bracket "[" at character ${i + 1} is not closed.`, i);
        const name = text.slice(i + 1, close);
        i = close + 1;
        push('variable', name, start);
      } else if (i < text.length && IDENT_START.test(text[i])) {
        while (i < text.length && IDENT_PART.test(text[i])) i++;
        if (text.startsWith('::', i)) throw exprError('DTS_E_EXPREVALINVALIDTOKEN', `A namespace-qualified variable must be written in brackets, e.g. @[User::Name] (character ${start + 1}).`, start);
        push('variable', text.slice(start + 1, i), start);
      } else throw invalidToken(text, start, i + 1);
    } else if (c === '#') {
      i++;
      if (text[i] === '{') {
        const close = text.indexOf('}', i + 1);
        if (close < 0) throw exprError('DTS_E_EXPREVALINVALIDTOKENSTATE', `The lineage reference "#{" at character ${start + 1} is not closed.`, start);
        i = close + 1;
        push('lineage', text.slice(start + 2, close), start);
      } else if (/[0-9]/.test(text[i] ?? '')) {
        while (i < text.length && /[0-9]/.test(text[i])) i++;
        push('lineage', text.slice(start + 1, i), start);
      } else throw invalidToken(text, start, i + 1);
    } else if (IDENT_START.test(c)) {
      while (i < text.length && IDENT_PART.test(text[i])) i++;
      push('ident', text.slice(start, i), start);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw invalidToken(text, i, i + 1);
      i += op.length;
      push('op', op, start);
    }
  }
  tokens.push({ kind: 'eof', text: '', raw: '', pos: text.length, end: text.length });
  return tokens;
}

/** The "token not recognized" error at a position. */
export function invalidToken(text: string, pos: number, end: number) {
  const token = text.slice(pos, end) || '<end of expression>';
  return exprError('DTS_E_EXPREVALINVALIDTOKEN', `Attempt to parse the expression failed. The token "${token}" at line number "1", character number "${pos + 1}" was not recognized.`, pos);
}
