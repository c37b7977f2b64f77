// Tests of the columnar form: typed arrays in and out, NULL flags, lineage and name resolution, per-row errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SsisError } from '../errors.ts';
import { createColumnVector, readCell, typeSpec, writeCell, type ColumnVector } from '../types/index.ts';
import { compileColumnar, compileExpression, variableTable, type ColumnInfo } from './index.ts';

const COLUMNS: ColumnInfo[] = [
  { name: 'id', type: typeSpec('DT_I4'), component: 'Source', lineage: ['12', 'Package\\DFT\\Source.Outputs[Output].Columns[id]'] },
  { name: 'name', type: typeSpec('DT_WSTR', { length: 50 }), component: 'Source' },
  { name: 'amount', type: typeSpec('DT_R8') },
  { name: 'country', type: typeSpec('DT_STR', { length: 2, codePage: 1252 }) },
  { name: 'active', type: typeSpec('DT_BOOL') },
];

function batch(rows: unknown[][]): { columns: ColumnVector[]; length: number } {
  const columns = COLUMNS.map((c) => createColumnVector(c.type, rows.length));
  rows.forEach((r, i) => r.forEach((v, j) => writeCell(columns[j], i, v)));
  return { columns, length: rows.length };
}

const ROWS = [
  [1, '  ann ', 100, 'US', true],
  [2, 'bob', 50, null, false],
  [null, 'cy', null, 'FR', null],
];

test('a Derived Column expression runs over a whole buffer', () => {
  const c = compileColumnar('UPPER(TRIM(name)) + "-" + (DT_WSTR,10)id', COLUMNS);
  assert.equal(c.resultType.type, 'DT_WSTR');
  const out = createColumnVector(c.resultType, 3);
  c.run(batch(ROWS), out);
  assert.deepEqual([0, 1, 2].map((i) => readCell(out, i)), ['ANN-1', 'BOB-2', null]);
});

test('a Boolean condition writes 1/0 into a Uint8Array with NULL flags', () => {
  const c = compileColumnar('amount * 1.2 > 100 && !ISNULL(country)', COLUMNS);
  const out = createColumnVector(c.resultType, 3);
  assert.ok(out.values instanceof Uint8Array);
  c.run(batch(ROWS), out);
  assert.deepEqual([0, 1, 2].map((i) => readCell(out, i)), [true, false, null]);
});

test('numeric results go into typed arrays', () => {
  const c = compileColumnar('id * 10 + LEN(name)', COLUMNS);
  const out = createColumnVector(c.resultType, 3);
  assert.ok(out.values instanceof Int32Array);
  c.run(batch(ROWS), out);
  assert.deepEqual([...(out.values as Int32Array)].slice(0, 2), [16, 23]);
  assert.deepEqual([...out.nulls], [0, 0, 1]);
});

test('columns resolve by lineage ID, refId, [Component].[Column] and case-insensitively', () => {
  for (const text of ['#12 + 1', '#{Package\\DFT\\Source.Outputs[Output].Columns[id]} + 1', '[Source].[id] + 1', 'Source.id + 1', 'ID + 1', '[id] + 1']) {
    const c = compileColumnar(text, COLUMNS);
    const out = createColumnVector(c.resultType, 3);
    c.run(batch(ROWS), out);
    assert.equal(readCell(out, 1), 3, text);
  }
  assert.throws(() => compileColumnar('nosuch + 1', COLUMNS), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALINPUTCOLUMNNAMENOTFOUND' && e.location?.offset === 0);
  assert.throws(() => compileColumnar('#99', COLUMNS), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALINPUTCOLUMNIDNOTFOUND');
  assert.throws(() => compileColumnar('[Other].[id]', COLUMNS), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDOTTEDINPUTCOLUMNNAMENOTFOUND');
});

test('ambiguous column names need the component', () => {
  const cols = [...COLUMNS, { name: 'id', type: typeSpec('DT_I4'), component: 'Lookup' }];
  assert.throws(() => compileColumnar('id', cols), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALAMBIGUOUSINPUTCOLUMNNAME');
  assert.equal(compileColumnar('[Lookup].[id]', cols).resultType.type, 'DT_I4');
});

test('a failing row is reported with its index and becomes NULL', () => {
  const c = compileColumnar('100 / (id - 2)', COLUMNS);
  const out = createColumnVector(c.resultType, 3);
  const errors: [number, string][] = [];
  c.run(batch(ROWS), out, { onError: (row, e) => errors.push([row, e.symbol]) });
  assert.deepEqual(errors, [[1, 'DTS_E_EXPREVALDIVBYZERO']]);
  assert.deepEqual([0, 1, 2].map((i) => readCell(out, i)), [-100, null, null]);
  assert.throws(() => c.run(batch(ROWS), out), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDIVBYZERO' && e.location?.offset === 4);
});

test('variables are read in columnar expressions', () => {
  const vars = variableTable([{ name: 'User::Rate', type: typeSpec('DT_R8'), value: 2 }]);
  const c = compileColumnar('amount * @[User::Rate]', COLUMNS, { resolveVariable: vars.resolveVariable });
  const out = createColumnVector(c.resultType, 3);
  c.run(batch(ROWS), out, { scope: vars.scope });
  assert.deepEqual([...(out.values as Float64Array)].slice(0, 2), [200, 100]);
});

test('a result written into a column of the wrong storage is refused', () => {
  const c = compileColumnar('name', COLUMNS);
  assert.throws(() => c.run(batch(ROWS), createColumnVector(typeSpec('DT_I4'), 3)), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALCANNOTCONVERTRESULT');
});

test('the row form reads columns from the scope', () => {
  const c = compileExpression('UPPER(name) + (DT_WSTR,5)id', { resolveColumn: (ref) => (ref.name === 'name' ? { index: 0, type: typeSpec('DT_WSTR') } : ref.name === 'id' ? { index: 1, type: typeSpec('DT_I4') } : undefined) });
  assert.equal(c.evaluate({ columns: ['ab', 7] }), 'AB7');
  assert.equal(c.evaluate({ columns: [null, 7] }), null);
});

test('constant sub-trees are folded, errors in them are left for run time', () => {
  const folded = compileExpression('1 + 2 * 3');
  assert.equal(folded.tree.k, 'const');
  const lazy = compileExpression('TRUE ? 1 : 1 / 0');
  assert.equal(lazy.evaluate(), 1);
  assert.throws(() => compileExpression('1 / 0').evaluate(), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDIVBYZERO');
});

test('a result type converts the result into the output column, truncation raising an error', () => {
  const c = compileColumnar('UPPER(name)', COLUMNS, {}, { resultType: typeSpec('DT_WSTR', { length: 3 }) });
  const out = createColumnVector(c.resultType, 3);
  const errors: [number, string][] = [];
  c.run(batch(ROWS), out, { onError: (row, e) => errors.push([row, e.symbol]) });
  assert.deepEqual(errors, [[0, 'DTS_E_EXPREVALTRUNCATIONASERROR']]);
  assert.deepEqual([0, 1, 2].map((i) => readCell(out, i)), [null, 'BOB', 'CY']);
  const wide = compileColumnar('id * 2', COLUMNS, {}, { resultType: typeSpec('DT_I8') });
  const out8 = createColumnVector(wide.resultType, 3);
  wide.run(batch(ROWS), out8);
  assert.equal(readCell(out8, 1), 4n);
  const asText = compileExpression('(DT_STR,10,1252)"ab" + "c"', {}, { resultType: typeSpec('DT_STR', { length: 2, codePage: 1252 }) });
  assert.throws(() => asText.evaluate(), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALTRUNCATIONASERROR');
  assert.throws(() => compileColumnar('active', COLUMNS, {}, { resultType: typeSpec('DT_DBDATE') }), /Cannot convert the expression result/);
  assert.throws(() => compileColumnar('id', COLUMNS).run(batch(ROWS), createColumnVector(typeSpec('DT_I8'), 3)), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALCANNOTCONVERTRESULT');
});

test('errors in multi-line expressions carry their line and column', () => {
  assert.throws(() => compileExpression('1 +\n  2 +\n   "x"'), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALBINARYTYPEMISMATCH' && e.location?.line === 2 && e.location?.column === 5 && e.location?.offset === 8);
  assert.throws(() => compileExpression('1 +\n  @[User::Nope]'), (e: SsisError) => e.location?.line === 2 && e.location?.column === 3);
  assert.throws(() => compileExpression('TRUE ?\n 1 / (1 - 1) : 0').evaluate(), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDIVBYZERO' && e.location?.line === 2);
});
