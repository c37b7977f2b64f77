// Percentage and Row Sampling: the same seed gives the same sample; Row Sampling gives the exact count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages, runThrough } from '../shared/test-kit.ts';

const INPUT = Array.from({ length: 200 }, (_, i) => `${i}`).join('\r\n') + '\r\n';

async function sample(classId: string, value: string, output: string) {
  const r = await runThrough({
    input: INPUT,
    inColumns: [{ name: 'n', dataType: 'i4' }],
    outColumns: ['n'],
    build: (f) => (
      f
        .add({
          name: 'S',
          classId,
          properties: { SamplingValue: value, SamplingSeed: '7' },
          inputs: [{ name: 'In', columns: '*' }],
          outputs: classId === 'Microsoft.RowSampling'
            ? [{ name: 'Sampling Selected Output', properties: { Selected: 'true' }, columns: [{ name: 'n', dataType: 'i4', properties: { InputColumnLineageId: '#{Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns[n]}' } }] },
               { name: 'Sampling Unselected Output', columns: [{ name: 'n', dataType: 'i4', properties: { InputColumnLineageId: '#{Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns[n]}' } }] }]
            : [{ name: 'Sampling Selected Output', syncInput: 0, exclusionGroup: 1, properties: { Selected: 'true' } }, { name: 'Sampling Unselected Output', syncInput: 0, exclusionGroup: 1 }],
        })
        .connect('Src', 'S'),
      { last: 'S', output }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  return r.out!.trim().split('\r\n');
}

test('Row Sampling selects exactly SamplingValue rows, the same ones for the same seed; the rest go to the unselected output', async () => {
  const a = await sample('Microsoft.RowSampling', '15', 'Sampling Selected Output');
  assert.equal(a.length, 15);
  assert.deepEqual(await sample('Microsoft.RowSampling', '15', 'Sampling Selected Output'), a);
  const rest = await sample('Microsoft.RowSampling', '15', 'Sampling Unselected Output');
  assert.equal(rest.length, 185);
  assert.equal(new Set([...a, ...rest]).size, 200);
});

test('Percentage Sampling selects about the percentage, repeatably for a seed', async () => {
  const a = await sample('Microsoft.PctSampling', '25', 'Sampling Selected Output');
  assert.ok(a.length > 20 && a.length < 80, `${a.length} rows`);
  assert.deepEqual(await sample('Microsoft.PctSampling', '25', 'Sampling Selected Output'), a);
});
