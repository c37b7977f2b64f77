// Derived Column and Conditional Split: new and replaced columns, original values seen by every expression, routing, error outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { errorOutputSpec, FlowBuilder } from '../../dataflow/flow-builder.ts';
import { flatFileConnection, memoryContext } from '../../dataflow/memory-context.ts';
import { runDataFlow } from '../../dataflow/index.ts';
import type { RowDisposition } from '../../dataflow/model.ts';
import { flatDestination, flatSource, tempFolder } from '../shared/test-kit.ts';

const IN = [{ name: 'id', dataType: 'i4' }, { name: 'customer', dataType: 'str', length: 20 }, { name: 'amount', dataType: 'r8' }];

async function run(input: string, derived: { name: string; expression: string; dataType?: string; length?: number; replace?: boolean; disp?: RowDisposition }[], outCols: string[], split?: string) {
  const t = tempFolder();
  try {
    writeFileSync(t.file('in.csv'), input);
    const conns = [
      flatFileConnection('In', t.file('in.csv'), IN.map((c) => ({ name: c.name, dataType: c.dataType }))),
      flatFileConnection('Out', t.file('out.csv'), outCols.map((name) => ({ name }))),
      flatFileConnection('Big', t.file('big.csv'), outCols.map((name) => ({ name }))),
      flatFileConnection('Err', t.file('err.csv'), [...IN.map((c) => ({ name: c.name })), { name: 'ErrorCode' }, { name: 'ErrorColumn' }]),
    ];
    const f = new FlowBuilder()
      .add(flatSource('Src', 'In', IN))
      .add({
        name: 'DC',
        classId: 'Microsoft.DerivedColumn',
        inputs: [{ name: 'Derived Column Input', columns: derived.filter((d) => d.replace).map((d) => ({ name: d.name, usageType: 'readWrite' as const, properties: { Expression: d.expression }, errorRowDisposition: d.disp, truncationRowDisposition: d.disp })) }],
        outputs: [
          { name: 'Derived Column Output', syncInput: 0, exclusionGroup: 1, columns: derived.filter((d) => !d.replace).map((d) => ({ name: d.name, dataType: d.dataType, length: d.length, properties: { Expression: d.expression }, errorRowDisposition: d.disp, truncationRowDisposition: d.disp })) },
          { ...errorOutputSpec('Derived Column Error Output'), exclusionGroup: 1 },
        ],
      })
      .connect('Src', 'DC')
      .add(flatDestination('Errors', 'Err', [...IN.map((c) => c.name), 'ErrorCode', 'ErrorColumn']))
      .connect('DC', 'Errors', 'Derived Column Error Output');
    if (split) {
      f.add({
        name: 'Split',
        classId: 'Microsoft.ConditionalSplit',
        inputs: [{ name: 'Conditional Split Input' }],
        outputs: [
          { name: 'Big', syncInput: 0, exclusionGroup: 1, properties: { Expression: split, EvaluationOrder: '0' } },
          { name: 'Default', syncInput: 0, exclusionGroup: 1, properties: { IsDefaultOut: 'true' } },
          { ...errorOutputSpec('Conditional Split Error Output'), exclusionGroup: 1 },
        ],
      })
        .connect('DC', 'Split')
        .add(flatDestination('DstBig', 'Big', outCols))
        .add(flatDestination('Dst', 'Out', outCols))
        .connect('Split', 'DstBig', 'Big')
        .connect('Split', 'Dst', 'Default');
    } else {
      f.add(flatDestination('Dst', 'Out', outCols)).connect('DC', 'Dst');
    }
    const ctx = memoryContext({ connections: conns });
    const result = await runDataFlow(f.build(), ctx);
    const read = (n: string) => (existsSync(t.file(n)) ? readFileSync(t.file(n), 'utf8') : undefined);
    return { result, out: read('out.csv'), big: read('big.csv'), err: read('err.csv') };
  } finally {
    t.remove();
  }
}

test('new columns are computed with the expression language and converted to the column type', async () => {
  const r = await run('1,  ann ,10\r\n2,bob,200\r\n', [
    { name: 'gross', expression: 'amount * 1.2', dataType: 'r8' },
    { name: 'who', expression: 'UPPER(TRIM(customer))', dataType: 'wstr', length: 20 },
    { name: 'label', expression: '(DT_WSTR,10)id + "-" + customer', dataType: 'wstr', length: 30 },
  ], ['id', 'gross', 'who', 'label']);
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '1,12,ANN,1-  ann \r\n2,240,BOB,2-bob\r\n');
});

test('a replaced column is seen with its original value by the other expressions', async () => {
  const r = await run('5,x,1\r\n', [
    { name: 'id', expression: 'id * 10', replace: true },
    { name: 'orig', expression: 'id + 1', dataType: 'i4' },
  ], ['id', 'orig']);
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '50,6\r\n');
});

test('a failing expression fails the component by default and leaves no file', async () => {
  const r = await run('1,x,0\r\n', [{ name: 'q', expression: '10 / (DT_I4)amount', dataType: 'i4' }], ['id', 'q']);
  assert.equal(r.result.success, false);
  assert.ok(r.result.errors.some((e) => e.symbol === 'DTS_E_INDUCEDTRANSFORMFAILUREONERROR'), r.result.errors.map((e) => e.symbol).join());
  assert.equal(r.out, undefined);
});

test('RedirectRow sends a failing row to the error output; IgnoreFailure gives NULL', async () => {
  const red = await run('1,x,0\r\n2,y,5\r\n', [{ name: 'q', expression: '10 / (DT_I4)amount', dataType: 'i4', disp: 'RedirectRow' }], ['id', 'q']);
  assert.equal(red.result.success, true, red.result.errors.map((e) => e.message).join('\n'));
  assert.equal(red.out, '2,2\r\n');
  assert.match(red.err!, /^1,x,0,-?\d+,\d+\r\n$/);
  const ign = await run('1,x,0\r\n', [{ name: 'q', expression: '10 / (DT_I4)amount', dataType: 'i4', disp: 'IgnoreFailure' }], ['id', 'q']);
  assert.equal(ign.out, '1,\r\n');
});

test('a truncation follows the truncation disposition', async () => {
  const r = await run('1,abcdef,0\r\n', [{ name: 's', expression: 'customer', dataType: 'wstr', length: 3, disp: 'IgnoreFailure' }], ['id', 's']);
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '1,abc\r\n');
});

test('Conditional Split sends each row to the first true condition, else the default output', async () => {
  const r = await run('1,a,50\r\n2,b,150\r\n3,c,101\r\n', [{ name: 'gross', expression: 'amount', dataType: 'r8' }], ['id', 'gross'], 'amount > 100');
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.big, '2,150\r\n3,101\r\n');
  assert.equal(r.out, '1,50\r\n');
  const counts = Object.fromEntries(r.result.paths.map((p) => [p.to, p.rows]));
  assert.deepEqual([counts['DstBig'], counts['Dst']], [2, 1]);
});
