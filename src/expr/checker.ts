/** @module The type checker: gives every node its SSIS type, inserts implicit conversions, resolves names, and rejects what SSIS rejects with SSIS's error codes. */
import {
  dataType, isDateTime, isNumeric, isString, sameTypeSpec, typeSpec, decimalShape, type DataTypeName, type TypeSpec,
} from '../types/index.ts';
import { SsisError } from '../errors.ts';
import type { VersionFeatures } from '../versions/index.ts';
import type { BinaryNode, Node } from './ast.ts';
import type { ExpressionContext } from './context.ts';
import { exprError } from './error-codes.ts';
import { datePartOf, findFunction, type ArgChecker } from './functions/index.ts';
import { castAllowed, commonDateType, numericResultShape, promote } from './type-rules.ts';
import type { TNode } from './typed-ast.ts';

const BOOL = typeSpec('DT_BOOL');
/** A string length where 0/undefined means "not limited" (variables): the combination is unlimited when either is. */
const combineLength = (a: TypeSpec, b: TypeSpec, f: (x: number, y: number) => number): number | undefined =>
  a.length && b.length ? f(a.length, b.length) : undefined;
const STRING_LIMIT = 4000;

/** Checks a parsed expression; throws SsisError at the first problem. */
export function checkExpression(root: Node, ctx: ExpressionContext, features: VersionFeatures): TNode {
  const conv = (n: TNode, t: TypeSpec, explicit = false): TNode =>
    !explicit && sameTypeSpec(n.t, t) ? n : { k: 'convert', t, a: n, explicit, pos: n.pos };
  /** DT_STR becomes DT_WSTR wherever it is not the root (§1.4). */
  const operand = (n: TNode): TNode =>
    n.t.type === 'DT_STR' ? conv(n, typeSpec('DT_WSTR', { length: n.t.length })) : n;
  const typeName = (t: TypeSpec) => t.type;

  function check(n: Node): TNode {
    switch (n.kind) {
      case 'literal':
        if (n.type.type === 'DT_WSTR' && features.expressionStringLimit4000 && (n.value as string).length > STRING_LIMIT) {
          throw exprError('DTS_E_EXPREVALSTRINGLITERALTOOLONG', `A string literal in the expression (character ${n.pos + 1}) exceeds the maximum allowed length of ${STRING_LIMIT} characters.`, n.pos);
        }
        return { k: 'const', t: n.type, value: n.value, pos: n.pos };
      case 'variable': return variable(n.name, n.pos);
      case 'column': case 'lineage': return column(n);
      case 'unary': return unary(n.op, operand(check(n.operand)), n.pos);
      case 'binary': return binary(n);
      case 'conditional': return conditional(n.cond, n.then, n.otherwise, n.pos);
      case 'cast': {
        const a = check(n.operand);
        if (!castAllowed(a.t.type, n.target.type)) {
          throw exprError('DTS_E_EXPREVALINVALIDCAST', `Cannot cast expression at character ${n.pos + 1} from data type "${typeName(a.t)}" to data type "${n.target.type}". The requested cast is not supported.`, n.pos);
        }
        if (a.t.type === 'DT_STR' && n.target.type === 'DT_STR' && a.t.codePage !== n.target.codePage) {
          throw exprError('DTS_E_EXPREVALCASTCODEPAGEMISMATCH', `Unable to cast expression at character ${n.pos + 1} from code page ${a.t.codePage} to code page ${n.target.codePage}.`, n.pos);
        }
        return conv(a, n.target, true);
      }
      case 'null': return { k: 'const', t: n.target, value: null, pos: n.pos };
      case 'call': return call(n.name, n.args, n.pos);
      case 'assign': {
        const v = variable(n.variable.name, n.variable.pos);
        const resolved = ctx.resolveVariable?.(n.variable.name);
        if (resolved?.readOnly) {
          throw exprError('DTS_E_EXPREVALASSIGNMENTTOREADONLYVARIABLE', `The variable "${resolved.name}" is read-only and cannot be assigned (character ${n.pos + 1}).`, n.pos);
        }
        const value = operand(check(n.value));
        if (!castAllowed(value.t.type, v.t.type)) throw mismatch('=', value.t, v.t, n.pos);
        return { k: 'assign', t: v.t, name: (v as { name: string }).name, a: conv(value, v.t), pos: n.pos };
      }
    }
  }

  function variable(name: string, pos: number): TNode {
    const v = name.startsWith('$') && !features.parameters ? undefined : at(pos, () => ctx.resolveVariable?.(name));
    if (!v) throw exprError('DTS_E_EXPREVALVARIABLENOTFOUND', `The variable "${name}" was not found in the Variables collection. The variable might not exist in the correct scope.`, pos);
    const info = dataType(v.type.type);
    if (info.js === 'none') throw exprError('DTS_E_EXPREVALVARIABLETYPENOTSUPPORTED', `The data type of variable "${v.name}" is not supported in an expression.`, pos);
    return { k: 'var', t: v.type, name: v.name, pos };
  }

  function column(n: Extract<Node, { kind: 'column' | 'lineage' }>): TNode {
    const ref = n.kind === 'lineage' ? { lineage: n.ref } : { name: n.name, component: n.component };
    const label = n.kind === 'lineage' ? `#${n.ref}` : n.component ? `[${n.component}].[${n.name}]` : n.name;
    if (!ctx.resolveColumn) {
      if (n.kind === 'lineage') throw exprError('DTS_E_EXPREVALNOINPUTCOLUMNCOLLECTIONFORCOLUMNID', `The expression contains unrecognized token "${label}" (character ${n.pos + 1}).`, n.pos);
      throw exprError('DTS_E_EXPREVALNOINPUTCOLUMNCOLLECTIONFORCOLUMNNAME', `The expression contains unrecognized token "${label}" (character ${n.pos + 1}). If "${label}" is a variable, it should be expressed as "@${label}".`, n.pos);
    }
    const c = at(n.pos, () => ctx.resolveColumn!(ref));
    if (!c) {
      if (n.kind === 'lineage') throw exprError('DTS_E_EXPREVALINPUTCOLUMNIDNOTFOUND', `Attempt to find the input column with lineage "${n.ref}" failed (character ${n.pos + 1}).`, n.pos);
      if (n.component) throw exprError('DTS_E_EXPREVALDOTTEDINPUTCOLUMNNAMENOTFOUND', `Locating the input column named "${label}" failed (character ${n.pos + 1}).`, n.pos);
      throw exprError('DTS_E_EXPREVALINPUTCOLUMNNAMENOTFOUND', `Attempt to find the input column named "${label}" failed (character ${n.pos + 1}). The input column was not found in the input column collection.`, n.pos);
    }
    return { k: 'col', t: c.type, index: c.index, pos: n.pos };
  }

  function unary(op: '-' | '!' | '~', a: TNode, pos: number): TNode {
    const info = dataType(a.t.type);
    const ok = op === '!' ? a.t.type === 'DT_BOOL' : op === '~' ? info.family === 'integer' : isNumeric(a.t.type) && !(info.family === 'integer' && !info.signed);
    if (!ok) throw exprError('DTS_E_EXPREVALUNSUPPORTEDUNNARYTYPE', `The data type "${a.t.type}" cannot be used with unary operator "${op}" (character ${pos + 1}).`, pos);
    return { k: 'unary', op, t: a.t, a, pos };
  }

  function mismatch(op: string, a: TypeSpec, b: TypeSpec, pos: number) {
    return exprError('DTS_E_EXPREVALBINARYTYPEMISMATCH', `The data types "${a.type}" and "${b.type}" are incompatible for binary operator "${op}" (character ${pos + 1}). One or both operands need to be explicitly cast with a cast operator.`, pos);
  }
  function unsupported(op: string, t: TypeSpec, pos: number) {
    return exprError('DTS_E_EXPREVALUNSUPPORTEDBINARYTYPE', `The data type "${t.type}" cannot be used with binary operator "${op}" (character ${pos + 1}).`, pos);
  }
  function noStrNull(n: TNode, symbol: 'DTS_E_EXPREVALBINARYOPDTSTRNOTSUPPORTED' | 'DTS_E_EXPREVALCONDITIONALOPDTSTRNOTSUPPORTED') {
    if (n.k === 'const' && n.value === null && n.t.type === 'DT_STR') {
      throw exprError(symbol, `NULL(DT_STR,…) at character ${n.pos + 1} can only be used at the root of an expression; use NULL(DT_WSTR,…) instead.`, n.pos);
    }
  }

  /** Converts both numeric operands to their promoted type (NUMERIC: each to its own NUMERIC shape). */
  function numericOperands(op: string, a: TNode, b: TNode, pos: number): { t: TypeSpec; a: TNode; b: TNode } {
    const r = promote(a.t.type, b.t.type);
    if (!r) throw mismatch(op, a.t, b.t, pos);
    if (r === 'DT_NUMERIC') {
      const toNum = (n: TNode) => (n.t.type === 'DT_NUMERIC' ? n : conv(n, typeSpec('DT_NUMERIC', decimalShape(n.t))));
      const shape = numericResultShape(op, a.t, b.t);
      if (!shape) {
        throw exprError('DTS_E_EXPREVALBINARYOPNUMERICOVERFLOW', `The result of the binary operation "${op}" (character ${pos + 1}) on data types ${a.t.type} and ${b.t.type} exceeds the maximum size for numeric types.`, pos);
      }
      return { t: typeSpec('DT_NUMERIC', shape), a: toNum(a), b: toNum(b) };
    }
    const t = typeSpec(r);
    return { t, a: conv(a, t), b: conv(b, t) };
  }

  function binary(n: BinaryNode): TNode {
    const a0 = check(n.left);
    const b0 = check(n.right);
    noStrNull(a0, 'DTS_E_EXPREVALBINARYOPDTSTRNOTSUPPORTED');
    noStrNull(b0, 'DTS_E_EXPREVALBINARYOPDTSTRNOTSUPPORTED');
    const a = operand(a0);
    const b = operand(b0);
    const pos = n.opPos;
    const op = n.op;
    const ta = a.t.type;
    const tb = b.t.type;
    const stringish = (t: DataTypeName) => t === 'DT_WSTR' || t === 'DT_NTEXT' || t === 'DT_TEXT';
    switch (op) {
      case '+': case '-': case '*': case '/': case '%': {
        if (op === '+' && (stringish(ta) || stringish(tb))) {
          if (!stringish(ta) || !stringish(tb)) throw mismatch(op, a.t, b.t, pos);
          if (ta !== 'DT_WSTR' && tb !== 'DT_WSTR') throw unsupported(op, a.t, pos);
          const blob = ta !== 'DT_WSTR' || tb !== 'DT_WSTR';
          const t = blob ? typeSpec('DT_NTEXT') : typeSpec('DT_WSTR', { length: combineLength(a.t, b.t, (x, y) => x + y) });
          return { k: 'concat', t, a: blob ? conv(a, t) : a, b: blob ? conv(b, t) : b, pos };
        }
        if (!isNumeric(ta) || !isNumeric(tb)) throw ta === tb ? unsupported(op, a.t, pos) : mismatch(op, a.t, b.t, pos);
        if (op === '%' && (dataType(ta).family !== 'integer' || dataType(tb).family !== 'integer')) {
          throw unsupported(op, dataType(ta).family !== 'integer' ? a.t : b.t, pos);
        }
        const r = numericOperands(op, a, b, pos);
        return { k: 'arith', op, t: r.t, a: r.a, b: r.b, pos };
      }
      case '&&': case '||':
        if (ta !== 'DT_BOOL') throw unsupported(op, a.t, pos);
        if (tb !== 'DT_BOOL') throw unsupported(op, b.t, pos);
        return { k: 'logic', op, t: BOOL, a, b, pos };
      case '&': case '|': case '^': {
        const ia = dataType(ta);
        const ib = dataType(tb);
        if (ia.family !== 'integer') throw unsupported(op, a.t, pos);
        if (ib.family !== 'integer') throw unsupported(op, b.t, pos);
        if (ia.signed !== ib.signed) {
          throw exprError('DTS_E_EXPREVALBINARYSIGNMISMATCH', `There is a sign mismatch for the bitwise binary operator "${op}" (character ${pos + 1}): ${ta} and ${tb}. Both operands must be signed or both unsigned.`, pos);
        }
        const r = numericOperands(op, a, b, pos);
        return { k: 'bitwise', op, t: r.t, a: r.a, b: r.b, pos };
      }
      default: {
        const cmp = op as '<' | '>' | '<=' | '>=' | '==' | '!=';
        const equality = cmp === '==' || cmp === '!=';
        let t: TypeSpec | undefined;
        if (isNumeric(ta) && isNumeric(tb)) {
          const r = promote(ta, tb);
          if (r === 'DT_NUMERIC') {
            // Exact decimals compare across scales; other operands become NUMERIC of their own shape.
            const dec = (x: TNode) => (dataType(x.t.type).js === 'decimal' ? x : conv(x, typeSpec('DT_NUMERIC', decimalShape(x.t))));
            return { k: 'compare', op: cmp, t: BOOL, operand: typeSpec('DT_NUMERIC'), a: dec(a), b: dec(b), pos };
          }
          if (r) t = typeSpec(r);
        } else if (isString(ta) && isString(tb)) t = typeSpec('DT_WSTR');
        else if (isDateTime(ta) && isDateTime(tb)) t = commonDateType(a.t, b.t);
        // A string compared with a date is converted to the date's type (documented example: "7/4/2003" < GETDATE()).
        else if (isString(ta) && isDateTime(tb)) t = b.t;
        else if (isDateTime(ta) && isString(tb)) t = a.t;
        else if (ta === tb && (ta === 'DT_BOOL' || ta === 'DT_GUID' || dataType(ta).family === 'blob')) {
          if (!equality) throw unsupported(op, a.t, pos);
          t = a.t;
        } else if (ta === 'DT_BYTES' && tb === 'DT_BYTES') t = typeSpec('DT_BYTES');
        if (!t) throw mismatch(op, a.t, b.t, pos);
        const same = (n: TNode) => (n.t.type === t!.type ? n : conv(n, t!));
        return { k: 'compare', op: cmp, t: BOOL, operand: t, a: same(a), b: same(b), pos };
      }
    }
  }

  function conditional(c0: Node, a0: Node, b0: Node, pos: number): TNode {
    const c = check(c0);
    if (c.t.type !== 'DT_BOOL') {
      throw exprError('DTS_E_EXPREVALCONDITIONALOPINVALIDCONDITIONTYPE', `The conditional expression of the conditional operator (character ${c.pos + 1}) has an invalid data type of "${c.t.type}". It must return DT_BOOL.`, c.pos);
    }
    const ra = check(a0);
    const rb = check(b0);
    noStrNull(ra, 'DTS_E_EXPREVALCONDITIONALOPDTSTRNOTSUPPORTED');
    noStrNull(rb, 'DTS_E_EXPREVALCONDITIONALOPDTSTRNOTSUPPORTED');
    const a = operand(ra);
    const b = operand(rb);
    const ta = a.t.type;
    const tb = b.t.type;
    const fail = () => exprError('DTS_E_EXPREVALCONDITIONALOPTYPEMISMATCH', `The data types "${ta}" and "${tb}" are incompatible for the conditional operator (character ${pos + 1}).`, pos);
    let t: TypeSpec | undefined;
    if (isNumeric(ta) && isNumeric(tb)) {
      const r = promote(ta, tb);
      if (!r) throw fail();
      if (r === 'DT_NUMERIC') {
        const x = decimalShape(a.t);
        const y = decimalShape(b.t);
        const scale = Math.max(x.scale, y.scale);
        t = typeSpec('DT_NUMERIC', { precision: Math.min(38, Math.max(x.precision - x.scale, y.precision - y.scale) + scale), scale });
      } else t = typeSpec(r);
    } else if (ta === 'DT_WSTR' && tb === 'DT_WSTR') t = typeSpec('DT_WSTR', { length: combineLength(a.t, b.t, Math.max) });
    else if (isDateTime(ta) && isDateTime(tb)) t = commonDateType(a.t, b.t);
    else if (ta === 'DT_BYTES' && tb === 'DT_BYTES') t = typeSpec('DT_BYTES', { length: Math.max(a.t.length ?? 0, b.t.length ?? 0) });
    else if (ta === tb) {
      if (ta === 'DT_TEXT' && a.t.codePage !== b.t.codePage) {
        throw exprError('DTS_E_EXPREVALCONDITIONALOPCODEPAGEMISMATCH', `The code pages must match for operands of the conditional operation (character ${pos + 1}) for type DT_TEXT.`, pos);
      }
      t = a.t;
    }
    if (!t) throw fail();
    return { k: 'cond', t, c, a: conv(a, t), b: conv(b, t), pos };
  }

  function call(name: string, args0: readonly Node[], pos: number): TNode {
    const builtIn = name === 'ISNULL' || name === 'REPLACENULL';
    const spec = findFunction(name);
    const since2012 = name === 'REPLACENULL' || spec?.since2012;
    if ((!builtIn && !spec) || (since2012 && !features.expressionFunctions2012)) {
      throw exprError('DTS_E_EXPREVALINVALIDFUNCTION', `The function "${name}" (character ${pos + 1}) was not recognized. Either the function name is incorrect or does not exist${since2012 ? ' in this version (it is new in SQL Server 2012)' : ''}.`, pos);
    }
    const arity = name === 'ISNULL' ? [1, 1] : name === 'REPLACENULL' ? [2, 2] : spec!.arity;
    if (args0.length < arity[0] || args0.length > arity[1]) {
      throw exprError('DTS_E_EXPREVALINVALIDNUMBEROFPARAMSPLURALPLURAL', `The function "${name}" (character ${pos + 1}) requires ${arity[0]} parameter(s), not ${args0.length}.`, pos);
    }
    const raw = args0.map(check);
    if (name === 'ISNULL') return { k: 'isnull', t: BOOL, a: raw[0], pos };
    if (name === 'REPLACENULL') {
      const a = operand(raw[0]);
      const b = operand(raw[1]);
      for (const [i, x] of [a, b].entries()) if (dataType(x.t.type).family === 'blob') throw paramMismatch(name, x.t, i, pos);
      const t = a.t.type === 'DT_WSTR' && b.t.type === 'DT_WSTR' ? typeSpec('DT_WSTR', { length: combineLength(a.t, b.t, Math.max) }) : a.t;
      if (!castAllowed(b.t.type, t.type)) throw paramMismatch(name, b.t, 1, pos);
      return { k: 'replacenull', t, a: conv(a, t), b: conv(b, t), pos };
    }
    const checker: ArgChecker = {
      fn: name, args: raw, pos,
      mismatch: (i) => { throw paramMismatch(name, raw[i].t, i, pos); },
      wstr: (i) => {
        const a = operand(raw[i]);
        if (a.t.type !== 'DT_WSTR') checker.mismatch(i);
        return a;
      },
      int: (i) => {
        if (dataType(raw[i].t.type).family !== 'integer') checker.mismatch(i);
        return conv(raw[i], typeSpec('DT_I4'));
      },
      r8: (i) => {
        if (!isNumeric(raw[i].t.type)) checker.mismatch(i);
        return conv(raw[i], typeSpec('DT_R8'));
      },
      numeric: (i) => {
        if (!isNumeric(raw[i].t.type)) checker.mismatch(i);
        return raw[i];
      },
      date: (i) => {
        const a = operand(raw[i]);
        if (a.t.type === 'DT_WSTR') return conv(a, typeSpec('DT_DBTIMESTAMP'));
        if (!isDateTime(a.t.type)) checker.mismatch(i);
        return a;
      },
      datePart: (i) => {
        const a = raw[i];
        if (a.k !== 'const' || typeof a.value !== 'string') {
          throw exprError('DTS_E_EXPREVALINVALIDDATEPARTNODE', `The date part parameter specified for function "${name}" (character ${pos + 1}) is not valid. It must be a static string.`, a.pos);
        }
        const part = datePartOf(a.value);
        if (!part) throw exprError('DTS_E_EXPREVALINVALIDDATEPART', `"${a.value}" is not a valid date part for function "${name}" (character ${a.pos + 1}).`, a.pos);
        return part;
      },
    };
    const r = spec!.check(checker);
    return { k: 'call', fn: name, t: r.t, args: r.args, meta: r.meta, pos };
  }

  /** Runs a caller's resolver; an SsisError it raises gets the position of the reference. */
  function at<T>(pos: number, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof SsisError && e.location === undefined) {
        throw new SsisError(e.code, e.symbol, e.message, { location: { offset: pos, line: 1, column: pos + 1 } });
      }
      throw e;
    }
  }

  function paramMismatch(fn: string, t: TypeSpec, i: number, pos: number) {
    return exprError('DTS_E_EXPREVALPARAMTYPEMISMATCH', `The function "${fn}" (character ${pos + 1}) does not support the data type "${t.type}" for parameter number ${i + 1}. The parameter needs to be explicitly cast with a cast operator.`, pos);
  }

  return check(root);
}
