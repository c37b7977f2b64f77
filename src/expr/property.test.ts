// Property-based test: on random well-typed expressions over random rows (with NULLs), the compiled row form, the
// compiled columnar form and the tree-walking reference evaluator give the same value or the same error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SsisError } from '../errors.ts';
import { createColumnVector, SsisDateTime, SsisDecimal, TICKS_PER_SECOND, typeSpec, writeCell, type TypeSpec } from '../types/index.ts';
import { checkText, columnResolver, compileColumnar, compileExpression, displayValue, evaluateTree, variableTable, type ColumnInfo } from './index.ts';

const CLOCK = { now: () => new Date(2026, 0, 15, 10, 20, 30, 123) };

const COLUMNS: ColumnInfo[] = [
  { name: 'i', type: typeSpec('DT_I4') },
  { name: 'j', type: typeSpec('DT_I4') },
  { name: 'r', type: typeSpec('DT_R8') },
  { name: 's', type: typeSpec('DT_WSTR', { length: 20 }) },
  { name: 't', type: typeSpec('DT_WSTR', { length: 20 }) },
  { name: 'b', type: typeSpec('DT_BOOL') },
  { name: 'd', type: typeSpec('DT_DBTIMESTAMP') },
  { name: 'n', type: typeSpec('DT_NUMERIC', { precision: 10, scale: 2 }) },
  { name: 'l', type: typeSpec('DT_I8') },
  { name: 'c', type: typeSpec('DT_STR', { length: 5, codePage: 1252 }) },
  { name: 'f', type: typeSpec('DT_R4') },
];

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 6 });
const row = fc.tuple(
  nullable(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer())),
  nullable(fc.integer({ min: -5, max: 5 })),
  nullable(fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  nullable(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'A', 'x', '-'), maxLength: 6 })),
  nullable(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'z'), maxLength: 4 })),
  nullable(fc.boolean()),
  nullable(fc.tuple(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 86399 })).map(([d, s]) => new SsisDateTime(SsisDateTime.of(1990, 1, 1).day + d, s * TICKS_PER_SECOND))),
  nullable(fc.integer({ min: -99999, max: 99999 }).map((u) => new SsisDecimal(BigInt(u), 2))),
  nullable(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n })),
  nullable(fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'é'), maxLength: 5 })),
  nullable(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.integer(), fc.float({ noNaN: true, noDefaultInfinity: true })).map(Math.fround)),
);

/** Random expressions by result type. */
const { int, real, num, str, bool, date, big } = fc.letrec<{ int: string; real: string; num: string; str: string; bool: string; date: string; big: string }>((tie) => {
  const I = tie('int'), R = tie('real'), N = tie('num'), S = tie('str'), B = tie('bool'), D = tie('date'), L = tie('big');
  const f = (template: (...xs: string[]) => string, ...arbs: fc.Arbitrary<string>[]) => fc.tuple(...arbs).map((xs) => template(...xs));
  const opts = { depthSize: 'small' as const, withCrossShrink: true };
  return {
    int: fc.oneof(opts,
      fc.constantFrom('i', 'j', 'NULL(DT_I4)', 'LEN(s)', 'DATEPART("dd", d)', 'TOKENCOUNT(s, " ")', '2147483647', '46341', '65536', '(-2147483647 - 1)'),
      fc.integer({ min: -20, max: 20 }).map((v) => (v < 0 ? `(${v})` : String(v))),
      f((a, b) => `(${a} + ${b})`, I, I), f((a, b) => `(${a} - ${b})`, I, I), f((a, b) => `(${a} * ${b})`, I, I),
      f((a, b) => `(${a} / ${b})`, I, I), f((a, b) => `(${a} % ${b})`, I, I), f((a) => `(-${a})`, I), f((a) => `ABS(${a})`, I),
      f((a, b) => `(${a} & ${b})`, I, I), f((a, b) => `(${a} | ${b})`, I, I), f((a) => `(~${a})`, I),
      f((c, a, b) => `(${c} ? ${a} : ${b})`, B, I, I), f((x) => `(DT_I4)${x}`, R), f((a, b) => `REPLACENULL(${a}, ${b})`, I, I),
      f((x) => `FINDSTRING(${x}, "a", 1)`, S), f((a) => `SIGN(${a})`, I), f((x) => `(DT_I4)${x}`, N)),
    real: fc.oneof(opts,
      fc.constantFrom('r', 'f', '1.5L', '0.1L', '0.1F', 'NULL(DT_R8)'),
      f((a) => `(DT_R4)${a}`, I), f((x, a) => `(${x} * ${a})`, R, I), f((a, x) => `(${a} == ${x})`, I, R).map((b) => `(${b} ? 1.0L : 0.0L)`),
      f((a) => `(DT_R8)${a}`, I), f((x, y) => `(${x} + ${y})`, R, R), f((x, y) => `(${x} * ${y})`, R, R), f((x, y) => `(${x} / ${y})`, R, R),
      f((x) => `ROUND(${x}, 2)`, R), f((x) => `FLOOR(${x})`, R), f((x) => `SQRT(ABS(${x}))`, R), f((a, x) => `(${a} - ${x})`, I, R),
      f((x) => `POWER(${x}, 2)`, R), f((x) => `(-${x})`, R), f((x) => `(DT_R8)${x}`, N)),
    num: fc.oneof(opts,
      fc.constantFrom('n', '1.25', '0.5', 'NULL(DT_NUMERIC,10,2)'),
      f((x, y) => `(${x} + ${y})`, N, N), f((x, a) => `(${x} * ${a})`, N, I), f((x, y) => `(${x} - ${y})`, N, N),
      f((x) => `ROUND(${x}, 1)`, N), f((a) => `(DT_NUMERIC,10,2)${a}`, I), f((x) => `ABS(${x})`, N), f((x) => `CEILING(${x})`, N)),
    str: fc.oneof(opts,
      fc.constantFrom('s', 't', 'c', '"ab"', '" x "', '""', 'NULL(DT_WSTR,5)'),
      f((x) => `(DT_STR,3,1252)${x}`, S), f((x) => `(DT_WSTR,2)${x}`, S),
      f((x) => `UPPER(${x})`, S), f((x) => `LOWER(${x})`, S), f((x) => `TRIM(${x})`, S), f((x) => `LTRIM(${x})`, S),
      f((x, a) => `SUBSTRING(${x}, 1, ${a})`, S, I), f((x, y) => `(${x} + ${y})`, S, S), f((a) => `(DT_WSTR,12)${a}`, I),
      f((x) => `REPLACE(${x}, "a", "bb")`, S), f((x, a) => `RIGHT(${x}, ${a})`, S, I), f((x) => `LEFT(${x}, 2)`, S),
      f((x) => `REVERSE(${x})`, S), f((c, x, y) => `(${c} ? ${x} : ${y})`, B, S, S), f((x) => `REPLACENULL(${x}, "z")`, S),
      f((x) => `TOKEN(${x}, " ", 1)`, S), f((x) => `(DT_WSTR,30)${x}`, D), f((x) => `(DT_WSTR,20)${x}`, N), f((x) => `(DT_WSTR,25)${x}`, R),
      f((x) => `(DT_WSTR,25)${x}`, L), f((x) => `HEX(${x})`, I), f((x, a) => `REPLICATE(${x}, ${a})`, S, I)),
    bool: fc.oneof(opts,
      fc.constantFrom('b', 'TRUE', 'FALSE', 'NULL(DT_BOOL)'),
      f((a, b) => `(${a} < ${b})`, I, I), f((a, b) => `(${a} == ${b})`, I, I), f((x, y) => `(${x} == ${y})`, S, S),
      f((x, y) => `(${x} < ${y})`, S, S), f((x, y) => `(${x} > ${y})`, R, R), f((x, y) => `(${x} >= ${y})`, N, N),
      f((x) => `(!${x})`, B), f((x, y) => `(${x} && ${y})`, B, B), f((x, y) => `(${x} || ${y})`, B, B),
      f((a) => `ISNULL(${a})`, I), f((x) => `ISNULL(${x})`, S), f((x, y) => `(${x} < ${y})`, D, D), f((x, y) => `(${x} != ${y})`, L, L),
      f((x, a) => `(${x} == ${a})`, N, I)),
    date: fc.oneof(opts,
      fc.constantFrom('d', '(DT_DBTIMESTAMP)"2020-02-29 10:00:00"', 'NULL(DT_DBTIMESTAMP)'),
      f((a, x) => `DATEADD("dd", ${a}, ${x})`, I, D), f((a, x) => `DATEADD("mm", ${a}, ${x})`, I, D), f((a, x) => `DATEADD("hh", ${a}, ${x})`, I, D),
      f((c, x, y) => `(${c} ? ${x} : ${y})`, B, D, D)),
    big: fc.oneof(opts,
      fc.constantFrom('l', '5L', 'NULL(DT_I8)'),
      f((x, y) => `(${x} + ${y})`, L, L), f((x, a) => `(${x} * ${a})`, L, I), f((a) => `(DT_I8)${a}`, I), f((x, y) => `(${x} / ${y})`, L, L),
      f((x) => `(-${x})`, L), f((x, y) => `(${x} & ${y})`, L, L)),
  };
});

/** A result as text, or the error symbol. */
function outcome(f: () => { value: unknown; t: TypeSpec }): string {
  try {
    const r = f();
    return `${displayValue(r.value, r.t)} :: ${r.t.type}`;
  } catch (e) {
    if (e instanceof SsisError) return `!${e.symbol}`;
    throw e;
  }
}

test('compiled row form, columnar form and reference evaluator agree on random expressions', () => {
  const expr = fc.oneof(int, real, num, str, bool, date, big);
  fc.assert(
    fc.property(expr, fc.array(row, { minLength: 1, maxLength: 6 }), (text, rows) => {
      const resolveColumn = columnResolver(COLUMNS);
      let columnar;
      try {
        columnar = compileColumnar(text, COLUMNS, {}, { env: CLOCK });
      } catch (e) {
        // A compile-time error (e.g. a literal that overflows) must be the same for the row form.
        assert.ok(e instanceof SsisError, String(e));
        assert.throws(() => compileExpression(text, { resolveColumn }, { env: CLOCK }), (x: SsisError) => x.symbol === e.symbol);
        return;
      }
      const compiled = compileExpression(text, { resolveColumn }, { env: CLOCK });
      const tree = checkText(text, { resolveColumn });
      const vectors = COLUMNS.map((c) => createColumnVector(c.type, rows.length));
      rows.forEach((r, i) => r.forEach((v, j) => writeCell(vectors[j], i, v)));
      const out = createColumnVector(columnar.resultType, rows.length);
      const errors = new Map<number, string>();
      columnar.run({ columns: vectors, length: rows.length }, out, { onError: (i, e) => errors.set(i, e.symbol) });
      rows.forEach((r, i) => {
        const columns = [...r];
        const reference = outcome(() => ({ value: evaluateTree(tree, { columns }, { env: CLOCK, stringLimit: false }), t: tree.t }));
        const rowForm = outcome(() => ({ value: compiled.evaluate({ columns }), t: compiled.resultType }));
        const col = errors.has(i)
          ? `!${errors.get(i)}`
          : outcome(() => ({ value: out.nulls[i] ? null : out.type.type === 'DT_BOOL' ? (out.values as Uint8Array)[i] === 1 : (out.values as ArrayLike<unknown>)[i], t: columnar.resultType }));
        assert.equal(rowForm, reference, `row form vs reference for ${text} on row ${i}`);
        assert.equal(col, reference, `columnar vs reference for ${text} on row ${i}`);
      });
    }),
    { seed: 20140101, numRuns: 400 },
  );
});

test('any text either compiles or fails with an SsisError, and evaluation never throws anything else', () => {
  const tokens = fc.constantFrom('1', '2L', '0x1F', '1.5', '1E3', '"a"', '"\\x0041"', '"\\q"', 'TRUE', 'NULL(DT_I4)', '@[User::V]', '@V', '@[$Package::P]',
    'i', 's', '[s]', '#12', '#{x}', '(', ')', ',', '+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '!', '~', '&', '|', '^', '?', ':', '=',
    '(DT_I4)', '(DT_WSTR,5)', '(DT_NUMERIC,5,2)', '(DT_DBTIMESTAMP)', 'UPPER', 'SUBSTRING', 'DATEADD', '"dd"', 'LEN', 'ISNULL', 'REPLACENULL', 'TOKEN', ' ', "'", '[', '@', '#', '.');
  const vars = variableTable([{ name: 'User::V', type: typeSpec('DT_I4'), value: 3 }, { name: '$Package::P', type: typeSpec('DT_WSTR'), value: 'p' }]);
  const resolveColumn = columnResolver(COLUMNS);
  fc.assert(
    fc.property(fc.array(tokens, { maxLength: 12 }).map((t) => t.join('')), fc.constantFrom(2008, 2012, 2014), (text, version) => {
      let compiled;
      try {
        compiled = compileExpression(text, { version: version as 2008 | 2012 | 2014, resolveVariable: vars.resolveVariable, resolveColumn, allowAssignment: true }, { env: CLOCK });
      } catch (e) {
        assert.ok(e instanceof SsisError, `${text}: ${String(e)}`);
        return;
      }
      try {
        compiled.evaluate({ ...vars.scope, columns: [1, 2, 1.5, 'a b', 'z', true, SsisDateTime.of(2000, 1, 1), new SsisDecimal(125n, 2), 5n] });
      } catch (e) {
        assert.ok(e instanceof SsisError, `${text}: ${String(e)}`);
      }
    }),
    { seed: 7, numRuns: 3000 },
  );
});
