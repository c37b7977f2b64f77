/** @module The SSIS expression parser: precedence climbing over the lexer's tokens, with SSIS's precedence and associativity (§1.3). */
import { typeSpec } from '../types/index.ts';
import type { BinaryOp, Node, VariableNode } from './ast.ts';
import { exprError } from './error-codes.ts';
import { invalidToken, tokenize, type Token } from './lexer.ts';
import { numberLiteral } from './literals.ts';
import { buildTypeSpec, isTypeName } from './type-spec-syntax.ts';

/** Binary operators by precedence level, lowest first (all left-associative). */
const LEVELS: readonly (readonly BinaryOp[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

/** Options of the parser. */
export interface ParseOptions {
  /** Accept `@Var = expression` at the top (For Loop init/assign, Expression task). */
  readonly allowAssignment?: boolean;
}

/** Parses an expression into its syntax tree; throws SsisError with the offset of the problem. */
export function parseExpression(text: string, opts: ParseOptions = {}): Node {
  if (text.trim() === '') throw exprError('DTS_E_EXPREVALEXPRESSIONEMPTY', 'There was no expression to compute: the expression is empty.', 0);
  const tokens = tokenize(text);
  let k = 0;
  const peek = (o = 0): Token => tokens[Math.min(k + o, tokens.length - 1)];
  const next = (): Token => tokens[k++];
  const isOp = (t: Token, op: string) => t.kind === 'op' && t.text === op;
  const fail = (t: Token): never => {
    if (isOp(t, '=')) {
      throw exprError('DTS_E_EXPREVALINVALIDTOKENSINGLEEQUAL', `The equal sign (=) at line number "1", character number "${t.pos + 1}", was not expected. A double equals sign (==) may be required.`, t.pos);
    }
    throw invalidToken(text, t.pos, t.end);
  };
  const expect = (op: string): Token => (isOp(peek(), op) ? next() : fail(peek()));

  function conditional(): Node {
    const cond = binary(0);
    if (!isOp(peek(), '?')) return cond;
    next();
    const then = conditional();
    expect(':');
    const otherwise = conditional();
    return { kind: 'conditional', cond, then, otherwise, pos: cond.pos, end: otherwise.end };
  }

  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.kind !== 'op' || !LEVELS[level].includes(t.text as BinaryOp)) return left;
      next();
      const right = binary(level + 1);
      left = { kind: 'binary', op: t.text as BinaryOp, opPos: t.pos, left, right, pos: left.pos, end: right.end };
    }
  }

  function unary(): Node {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '!' || t.text === '~')) {
      next();
      const operand = unary();
      return { kind: 'unary', op: t.text, operand, pos: t.pos, end: operand.end };
    }
    if (isOp(t, '(') && (peek(1).kind === 'ident' || peek(1).kind === 'bracket') && isTypeName(peek(1).text) && (isOp(peek(2), ',') || isOp(peek(2), ')'))) {
      next();
      const nameTok = next();
      const params = typeParams('cast');
      const close = expect(')');
      const operand = unary();
      return { kind: 'cast', target: buildTypeSpec(nameTok.text, params, 'cast', nameTok.pos), operand, pos: t.pos, end: Math.max(close.end, operand.end) };
    }
    return primary();
  }

  /** `, 10, 1252` after a type name: static integer literals only. */
  function typeParams(use: 'cast' | 'null'): number[] {
    const params: number[] = [];
    while (isOp(peek(), ',')) {
      next();
      const start = peek();
      let sign = 1;
      if (isOp(start, '-')) { next(); sign = -1; }
      const t = peek();
      if (t.kind !== 'number') {
        throw exprError(use === 'cast' ? 'DTS_E_EXPREVALINVALIDCASTPARAM' : 'DTS_E_EXPREVALINVALIDNULLPARAM',
          `Parameter number ${params.length + 1} of the ${use === 'cast' ? 'cast' : 'NULL function'} at character ${t.pos + 1} is not valid. The parameters must be static integer literals.`, t.pos);
      }
      next();
      if (!/^\d+$/.test(t.text)) {
        throw exprError(use === 'cast' ? 'DTS_E_EXPREVALINVALIDCASTPARAMTYPE' : 'DTS_E_EXPREVALINVALIDNULLPARAMTYPE',
          `Parameter number ${params.length + 1} ("${t.text}") at character ${t.pos + 1} is not an integer.`, t.pos);
      }
      params.push(sign * Number(t.text));
    }
    return params;
  }

  function primary(): Node {
    const t = next();
    switch (t.kind) {
      case 'number': return numberLiteral(t.text, t.pos, t.end);
      case 'string':
        return { kind: 'literal', type: typeSpec('DT_WSTR', { length: Math.max(t.text.length, 1) }), value: t.text, text: t.raw, pos: t.pos, end: t.end };
      case 'variable': return { kind: 'variable', name: t.text, pos: t.pos, end: t.end };
      case 'lineage': return { kind: 'lineage', ref: t.text, pos: t.pos, end: t.end };
      case 'op':
        if (t.text === '(') {
          const inner = conditional();
          const close = expect(')');
          return { ...inner, pos: t.pos, end: close.end } as Node;
        }
        return fail(t);
      case 'ident': case 'bracket': {
        if (isOp(peek(), '(')) return call(t);
        if (t.kind === 'ident' && /^(true|false)$/i.test(t.text)) {
          return { kind: 'literal', type: typeSpec('DT_BOOL'), value: t.text.toLowerCase() === 'true', text: t.text, pos: t.pos, end: t.end };
        }
        if (isOp(peek(), '.') && (peek(1).kind === 'ident' || peek(1).kind === 'bracket')) {
          next();
          const col = next();
          return { kind: 'column', component: t.text, name: col.text, pos: t.pos, end: col.end };
        }
        return { kind: 'column', name: t.text, pos: t.pos, end: t.end };
      }
      default: return fail(t);
    }
  }

  function call(nameTok: Token): Node {
    const name = nameTok.text.toUpperCase();
    next();
    if (name === 'NULL') {
      const typeTok = next();
      if ((typeTok.kind !== 'ident' && typeTok.kind !== 'bracket') || !isTypeName(typeTok.text)) {
        throw exprError('DTS_E_EXPREVALINVALIDNULLPARAM', `The NULL function at character ${nameTok.pos + 1} needs a data type, e.g. NULL(DT_WSTR, 10).`, typeTok.pos);
      }
      const params = typeParams('null');
      const close = expect(')');
      return { kind: 'null', target: buildTypeSpec(typeTok.text, params, 'null', typeTok.pos), pos: nameTok.pos, end: close.end };
    }
    const args: Node[] = [];
    if (!isOp(peek(), ')')) {
      args.push(conditional());
      while (isOp(peek(), ',')) {
        next();
        args.push(conditional());
      }
    }
    const close = expect(')');
    return { kind: 'call', name, args, pos: nameTok.pos, end: close.end };
  }

  let root: Node;
  if (opts.allowAssignment && peek().kind === 'variable' && isOp(peek(1), '=')) {
    const v = next();
    next();
    const value = conditional();
    const variable: VariableNode = { kind: 'variable', name: v.text, pos: v.pos, end: v.end };
    root = { kind: 'assign', variable, value, pos: v.pos, end: value.end };
  } else root = conditional();
  if (peek().kind !== 'eof') fail(peek());
  return root;
}
