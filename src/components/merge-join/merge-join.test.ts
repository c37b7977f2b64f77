// Merge Join (inner, left, full) and Merge over two sorted flat files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { FlowBuilder } from '../../dataflow/flow-builder.ts';
import { flatFileConnection, memoryContext } from '../../dataflow/memory-context.ts';
import { runDataFlow } from '../../dataflow/run.ts';
import { flatDestination, flatSource, messages, tempFolder } from '../shared/test-kit.ts';

const L = 'Package\\Data Flow Task\\Left.Outputs[Flat File Source Output].Columns';
const R = 'Package\\Data Flow Task\\Right.Outputs[Flat File Source Output].Columns';

async function twoInputs(component: object, outColumns: string[]) {
  const t = tempFolder();
  try {
    writeFileSync(t.file('l.csv'), '1,a\r\n2,b\r\n2,c\r\n4,d\r\n');
    writeFileSync(t.file('r.csv'), '2,X\r\n3,Y\r\n4,Z\r\n4,W\r\n');
    const cols = [{ name: 'k', dataType: 'i4', sortKeyPosition: 1 }, { name: 'v', dataType: 'wstr', length: 5 }];
    const conns = [
      flatFileConnection('L', t.file('l.csv'), [{ name: 'k', dataType: 'i4' }, { name: 'v' }]),
      flatFileConnection('R', t.file('r.csv'), [{ name: 'k', dataType: 'i4' }, { name: 'v' }]),
      flatFileConnection('Out', t.file('out.csv'), outColumns.map((name) => ({ name })), { textQualifier: '<none>' }),
    ];
    const f = new FlowBuilder()
      .add(flatSource('Left', 'L', cols))
      .add(flatSource('Right', 'R', cols))
      .add(component as never)
      .add(flatDestination('Dst', 'Out', outColumns))
      .connect('Left', 'J', 0, 0)
      .connect('Right', 'J', 0, 1)
      .connect('J', 'Dst');
    const result = await runDataFlow(f.build(), memoryContext({ connections: conns }));
    assert.equal(result.success, true, messages(result));
    return readFileSync(t.file('out.csv'), 'utf8').trim().split('\r\n');
  } finally {
    t.remove();
  }
}

const joinSpec = (type: number) => ({
  name: 'J',
  classId: 'Microsoft.MergeJoin',
  properties: { JoinType: String(type), NumKeyColumns: '1' },
  inputs: [
    { name: 'Merge Join Left Input', columns: [{ name: 'k', lineage: `${L}[k]` }, { name: 'v', lineage: `${L}[v]` }] },
    { name: 'Merge Join Right Input', columns: [{ name: 'k', lineage: `${R}[k]` }, { name: 'v', lineage: `${R}[v]` }] },
  ],
  outputs: [{ name: 'Merge Join Output', columns: [
    { name: 'lk', dataType: 'i4', properties: { InputColumnID: '#{Package\\Data Flow Task\\J.Inputs[Merge Join Left Input].Columns[k]}' } },
    { name: 'lv', dataType: 'wstr', length: 5, properties: { InputColumnID: '#{Package\\Data Flow Task\\J.Inputs[Merge Join Left Input].Columns[v]}' } },
    { name: 'rv', dataType: 'wstr', length: 5, properties: { InputColumnID: '#{Package\\Data Flow Task\\J.Inputs[Merge Join Right Input].Columns[v]}' } },
  ] }],
});

test('inner, left outer and full outer joins', async () => {
  assert.deepEqual(await twoInputs(joinSpec(2), ['lk', 'lv', 'rv']), ['2,b,X', '2,c,X', '4,d,Z', '4,d,W']);
  assert.deepEqual(await twoInputs(joinSpec(1), ['lk', 'lv', 'rv']), ['1,a,', '2,b,X', '2,c,X', '4,d,Z', '4,d,W']);
  assert.deepEqual(await twoInputs(joinSpec(0), ['lk', 'lv', 'rv']), ['1,a,', '2,b,X', '2,c,X', ',,Y', '4,d,Z', '4,d,W']);
});

test('Merge interleaves two sorted inputs', async () => {
  const out = 'Package\\Data Flow Task\\J.Outputs[Merge Output].Columns';
  const spec = {
    name: 'J',
    classId: 'Microsoft.Merge',
    inputs: [
      { name: 'Merge Input 1', columns: [{ name: 'k', lineage: `${L}[k]`, properties: { OutputColumnLineageID: `#{${out}[k]}` } }, { name: 'v', lineage: `${L}[v]`, properties: { OutputColumnLineageID: `#{${out}[v]}` } }] },
      { name: 'Merge Input 2', columns: [{ name: 'k', lineage: `${R}[k]`, properties: { OutputColumnLineageID: `#{${out}[k]}` } }, { name: 'v', lineage: `${R}[v]`, properties: { OutputColumnLineageID: `#{${out}[v]}` } }] },
    ],
    outputs: [{ name: 'Merge Output', isSorted: true, columns: [{ name: 'k', dataType: 'i4', sortKeyPosition: 1 }, { name: 'v', dataType: 'wstr', length: 5 }] }],
  };
  assert.deepEqual(await twoInputs(spec, ['k', 'v']), ['1,a', '2,b', '2,c', '2,X', '3,Y', '4,d', '4,Z', '4,W']);
});
