/** @module The string functions: CODEPOINT, FINDSTRING, HEX, LEFT, LEN, LOWER, LTRIM, REPLACE, REPLICATE, REVERSE, RIGHT, RTRIM, SUBSTRING, TOKEN, TOKENCOUNT, TRIM, UPPER. */
import { dataType, typeSpec, type TypeSpec } from '../../types/index.ts';
import { exprError } from '../error-codes.ts';
import type { CallContext, CheckedCall, ArgChecker, FunctionSpec } from './function-spec.ts';

const I4 = typeSpec('DT_I4');
/**
 * The longest string REPLICATE and REPLACE build (32 Mi characters): far beyond any column (DT_WSTR holds 4000), and
 * small enough that a runaway expression fails with an SSIS error instead of exhausting memory [our limit].
 */
const MAX_STRING = 2 ** 25;
/** DT_WSTR of a length; 0 or undefined means unknown (e.g. a variable's string), and stays unknown. */
const wstr = (length: number | undefined): TypeSpec => typeSpec('DT_WSTR', { length: length || undefined });

function negativeLength(ctx: CallContext, n: number): Error {
  return exprError('DTS_E_EXPREVALFNRIGHTINVALIDLENGTH', `The length ${n} specified for function "${ctx.fn}" (character ${ctx.pos + 1}) is negative, and is not valid. The length parameter must be positive.`, ctx.pos);
}

function badOccurrence(ctx: CallContext, n: number): Error {
  return exprError('DTS_E_EXPREVALFNFINDSTRINGINVALIDOCCURRENCECOUNT', `The occurrence count ${n} is not valid for function "${ctx.fn}" (character ${ctx.pos + 1}). This parameter must be greater than zero.`, ctx.pos);
}

/** A function of one string returning a string of the same length. */
function mapString(name: string, f: (s: string) => string): FunctionSpec {
  return {
    name, arity: [1, 1],
    check: (c) => {
      const a = c.wstr(0);
      return { t: wstr(a.t.length), args: [a] };
    },
    impl: (_ctx: CallContext, s: string) => f(s),
  };
}

/**
 * Case mapping is one character to one character, as Windows' LCMapString does (UPPER("ß") stays "ß"): when
 * JavaScript's mapping changes the length, characters whose mapping is longer are kept as they are.
 */
function oneToOne(s: string, mapped: string, map: (c: string) => string): string {
  if (mapped.length === s.length) return mapped;
  let out = '';
  for (const c of s) {
    const m = map(c);
    out += m.length === c.length ? m : c;
  }
  return out;
}

/** Removes only U+0020 spaces (not tabs or other white space), as SSIS does. */
function trimStart(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i === 0 ? s : s.slice(i);
}
function trimEnd(s: string): string {
  let j = s.length;
  while (j > 0 && s.charCodeAt(j - 1) === 32) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** The tokens of a string split at any of the delimiter characters; empty tokens are skipped [unverified for consecutive delimiters]. */
function tokens(s: string, delims: string): string[] {
  if (delims === '') return s === '' ? [] : [s];
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (delims.includes(ch)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

const stringAndCount = (c: ArgChecker, length: (a: TypeSpec) => number | undefined): CheckedCall => {
  const a = c.wstr(0);
  return { t: wstr(length(a.t)), args: [a, c.int(1)] };
};

/** The string functions. */
export const STRING_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'CODEPOINT', arity: [1, 1], mayReturnNull: true,
    check: (c) => ({ t: typeSpec('DT_UI2'), args: [c.wstr(0)] }),
    impl: (_ctx: CallContext, s: string) => (s.length === 0 ? null : s.charCodeAt(0)),
  },
  {
    name: 'FINDSTRING', arity: [3, 3],
    check: (c) => ({ t: I4, args: [c.wstr(0), c.wstr(1), c.int(2)] }),
    impl: (ctx: CallContext, s: string, search: string, occurrence: number) => {
      if (occurrence <= 0) throw badOccurrence(ctx, occurrence);
      if (search === '') return 0;
      let at = -1;
      for (let n = 0; n < occurrence; n++) {
        at = s.indexOf(search, at + 1);
        if (at < 0) return 0;
      }
      return at + 1;
    },
  },
  {
    name: 'HEX', arity: [1, 1],
    check: (c) => {
      const a = c.args[0];
      const info = dataType(a.t.type);
      if (info.family !== 'integer') c.mismatch(0);
      return { t: wstr(info.byteSize! * 2), args: [a], meta: a.t.type };
    },
    impl: (ctx: CallContext, v: number | bigint) => {
      const bits = BigInt(dataType(ctx.meta as TypeSpec['type']).byteSize! * 8);
      return BigInt.asUintN(Number(bits), BigInt(v)).toString(16).toUpperCase();
    },
  },
  {
    name: 'LEFT', arity: [2, 2], since2012: true,
    check: (c) => stringAndCount(c, (a) => a.length),
    impl: (ctx: CallContext, s: string, n: number) => {
      if (n < 0) throw negativeLength(ctx, n);
      return s.slice(0, n);
    },
  },
  {
    name: 'RIGHT', arity: [2, 2],
    check: (c) => stringAndCount(c, (a) => a.length),
    impl: (ctx: CallContext, s: string, n: number) => {
      if (n < 0) throw negativeLength(ctx, n);
      return n === 0 ? '' : s.slice(-n);
    },
  },
  {
    name: 'LEN', arity: [1, 1],
    check: (c) => {
      const a = c.args[0];
      if (a.t.type === 'DT_NTEXT' || a.t.type === 'DT_TEXT' || a.t.type === 'DT_IMAGE') return { t: I4, args: [a], meta: a.t.type };
      return { t: I4, args: [c.wstr(0)], meta: 'DT_WSTR' };
    },
    // BLOB arguments count bytes: DT_NTEXT two per character, DT_TEXT one [inferred from "byte count"].
    impl: (ctx: CallContext, s: string | Uint8Array) => (ctx.meta === 'DT_NTEXT' ? (s as string).length * 2 : s.length),
  },
  mapString('LOWER', (s) => oneToOne(s, s.toLowerCase(), (c) => c.toLowerCase())),
  mapString('UPPER', (s) => oneToOne(s, s.toUpperCase(), (c) => c.toUpperCase())),
  mapString('LTRIM', trimStart),
  mapString('RTRIM', trimEnd),
  mapString('TRIM', (s) => trimEnd(trimStart(s))),
  mapString('REVERSE', (s) => [...s].reverse().join('')),
  {
    name: 'REPLACE', arity: [3, 3],
    check: (c) => ({ t: wstr(undefined), args: [c.wstr(0), c.wstr(1), c.wstr(2)] }),
    impl: (ctx: CallContext, s: string, search: string, repl: string) => {
      if (search === '') {
        throw exprError('DTS_E_EXPREVALFUNCTIONCOMPUTEFAILED', `Evaluating function "REPLACE" (character ${ctx.pos + 1}) failed: the search string must not be empty.`, ctx.pos);
      }
      const parts = s.split(search);
      const length = s.length + (parts.length - 1) * (repl.length - search.length);
      if (length > MAX_STRING) {
        throw exprError('DTS_E_EXPREVALFUNCTIONCOMPUTEFAILED', `Evaluating function "REPLACE" (character ${ctx.pos + 1}) failed: the result would have ${length} characters.`, ctx.pos);
      }
      return parts.join(repl);
    },
  },
  {
    name: 'REPLICATE', arity: [2, 2],
    check: (c) => stringAndCount(c, () => undefined),
    impl: (ctx: CallContext, s: string, n: number) => {
      if (n < 0) {
        throw exprError('DTS_E_EXPREVALFNREPLICATEINVALIDREPEATCOUNT', `The repeat count ${n} is negative and is not valid for function "REPLICATE" (character ${ctx.pos + 1}).`, ctx.pos);
      }
      if (s.length * n > MAX_STRING) {
        throw exprError('DTS_E_EXPREVALFUNCTIONCOMPUTEFAILED', `Evaluating function "REPLICATE" (character ${ctx.pos + 1}) failed: the result would have ${s.length * n} characters.`, ctx.pos);
      }
      return s.repeat(n);
    },
  },
  {
    name: 'SUBSTRING', arity: [3, 3],
    check: (c) => {
      const a = c.wstr(0);
      return { t: wstr(a.t.length), args: [a, c.int(1), c.int(2)] };
    },
    impl: (ctx: CallContext, s: string, start: number, length: number) => {
      if (start < 1) {
        throw exprError('DTS_E_EXPREVALFNSUBSTRINGINVALIDSTARTINDEX', `The start index ${start} is not valid for function "SUBSTRING" (character ${ctx.pos + 1}). The start index value must be an integer greater than 0.`, ctx.pos);
      }
      if (length < 0) {
        throw exprError('DTS_E_EXPREVALFNSUBSTRINGINVALIDLENGTH', `The length ${length} is not valid for function "SUBSTRING" (character ${ctx.pos + 1}). The length parameter cannot be negative.`, ctx.pos);
      }
      return s.substr(start - 1, length);
    },
  },
  {
    name: 'TOKEN', arity: [3, 3], since2012: true,
    check: (c) => {
      const a = c.wstr(0);
      return { t: wstr(a.t.length), args: [a, c.wstr(1), c.int(2)] };
    },
    // An occurrence past the last token gives "" (the documentation's example; its remarks say NULL) [unverified].
    impl: (ctx: CallContext, s: string, delims: string, occurrence: number) => {
      if (occurrence < 1) throw badOccurrence(ctx, occurrence);
      return tokens(s, delims)[occurrence - 1] ?? '';
    },
  },
  {
    name: 'TOKENCOUNT', arity: [2, 2], since2012: true, receivesNulls: true, mayReturnNull: true,
    check: (c) => ({ t: I4, args: [c.wstr(0), c.wstr(1)] }),
    impl: (_ctx: CallContext, s: string | null, delims: string | null) => (s === null ? 0 : delims === null ? null : tokens(s, delims).length),
  },
];
