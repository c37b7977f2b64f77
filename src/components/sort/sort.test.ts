// Sort: keys, directions, comparison flags, duplicate removal, spilling to disk; Aggregate: every aggregation type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages, runThrough } from '../shared/test-kit.ts';

const IN = [{ name: 'k', dataType: 'str', length: 10 }, { name: 'n', dataType: 'i4' }, { name: 'x', dataType: 'r8' }];
const DATA = 'b,2,1.5\r\nA,1,2\r\na,3,\r\nb,1,4\r\nc,5,5\r\n';

function sortSpec(keys: Record<string, number>, props: Record<string, string> = {}, flags: Record<string, number> = {}) {
  return {
    name: 'Sort',
    classId: 'Microsoft.Sort',
    properties: props,
    inputs: [{ name: 'Sort Input', columns: IN.map((c) => ({ name: c.name, properties: { NewSortKeyPosition: String(keys[c.name] ?? 0), NewComparisonFlags: String(flags[c.name] ?? 0) } })) }],
    outputs: [{ name: 'Sort Output', isSorted: true, columns: IN.map((c) => ({ ...c, properties: { SortColumnId: `#{Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns[${c.name}]}` } })) }],
  };
}

async function sorted(keys: Record<string, number>, props: Record<string, string> = {}, flags: Record<string, number> = {}, extra = {}) {
  const r = await runThrough({ input: DATA, inColumns: IN, outColumns: ['k', 'n', 'x'], build: (f) => (f.add(sortSpec(keys, props, flags)).connect('Src', 'Sort'), { last: 'Sort' }), extra });
  assert.equal(r.result.success, true, messages(r.result));
  return r.out!.trim().split('\r\n');
}

test('sorts by several keys, ascending and descending, strings by linguistic order', async () => {
  assert.deepEqual(await sorted({ k: 1, n: -2 }), ['a,3,', 'A,1,2', 'b,2,1.5', 'b,1,4', 'c,5,5']);
});

test('EliminateDuplicates keeps the first row of equal keys; IgnoreCase makes a and A equal', async () => {
  assert.deepEqual(await sorted({ k: 1 }, { EliminateDuplicates: 'true' }), ['a,3,', 'A,1,2', 'b,2,1.5', 'c,5,5']);
  assert.deepEqual(await sorted({ k: 1 }, { EliminateDuplicates: 'true' }, { k: 1 }), ['A,1,2', 'b,2,1.5', 'c,5,5']);
});

test('NULLs sort first', async () => {
  assert.deepEqual((await sorted({ x: 1 }))[0], 'a,3,');
});

test('NULL string keys sort first, ascending and descending, in small inputs and in the bucketed path for many rows', async () => {
  const build = (keys: Record<string, number>) => (f: import('../../dataflow/flow-builder.ts').FlowBuilder) => (f.add(sortSpec(keys)).connect('Src', 'Sort'), { last: 'Sort' });
  for (const count of [6, 3000]) {
    const rows = Array.from({ length: count }, (_, i) => `${['b', '', 'a'][i % 3]},${i},1`).join('\r\n') + '\r\n';
    for (const [dir, expected] of [[1, ['', 'a', 'b']], [-1, ['b', 'a', '']]] as const) {
      const r = await runThrough({ input: rows, inColumns: IN, outColumns: ['k', 'n'], build: build({ k: dir, n: 2 }) });
      assert.equal(r.result.success, true, messages(r.result));
      const lines = r.out!.trim().split('\r\n').map((l) => l.split(','));
      const keys = lines.map((l) => l[0]!);
      // Each key's rows together, in key order, and by n within a key.
      assert.deepEqual([...new Set(keys)], expected);
      for (let i = 1; i < lines.length; i++) if (keys[i] === keys[i - 1]) assert.ok(Number(lines[i]![1]) > Number(lines[i - 1]![1]));
    }
  }
});

test('past its memory limit the Sort spills sorted runs to disk and merges them to the same result', async () => {
  const rows = Array.from({ length: 25_000 }, (_, i) => `k${(i * 7919) % 25_000},${i},${i}`).join('\r\n') + '\r\n';
  const build = (f: import('../../dataflow/flow-builder.ts').FlowBuilder) => (f.add(sortSpec({ k: 1 })).connect('Src', 'Sort'), { last: 'Sort' });
  const spilled = await runThrough({ input: rows, inColumns: IN, outColumns: ['k', 'n'], build, extra: { sortMemoryLimit: 1 } });
  const memory = await runThrough({ input: rows, inColumns: IN, outColumns: ['k', 'n'], build });
  assert.equal(spilled.result.success, true, messages(spilled.result));
  assert.ok(spilled.ctx.events.some((e) => e.symbol === 'DTS_I_SORTSPILL'));
  assert.equal(spilled.out, memory.out);
  const keys = spilled.out!.trim().split('\r\n').map((l) => l.split(',')[0]!);
  assert.equal(keys.length, 25_000);
  assert.deepEqual(keys, [...keys].sort(new Intl.Collator('en').compare));
});

test('Aggregate: group by, count, count all, count distinct, sum, average, minimum, maximum', async () => {
  const agg = (name: string, type: number, column?: string, dataType = 'r8') => ({ name, dataType, properties: { AggregationType: String(type), ...(column ? { AggregationColumnId: `#{Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns[${column}]}` } : {}) } });
  const r = await runThrough({
    input: DATA,
    inColumns: IN,
    outColumns: ['k', 'cnt', 'all', 'dist', 'sum', 'avg', 'min', 'max'],
    build: (f) => (
      f
        .add({
          name: 'Agg',
          classId: 'Microsoft.Aggregate',
          inputs: [{ name: 'Aggregate Input', columns: '*' }],
          outputs: [{ name: 'Aggregate Output', columns: [
            { ...agg('k', 0, 'k', 'str'), length: 10 },
            agg('cnt', 1, 'x', 'ui8'),
            agg('all', 2, undefined, 'ui8'),
            agg('dist', 3, 'n', 'ui8'),
            agg('sum', 4, 'x'),
            agg('avg', 5, 'x'),
            agg('min', 6, 'n', 'i4'),
            agg('max', 7, 'n', 'i4'),
          ] }],
        })
        .connect('Src', 'Agg'),
      { last: 'Agg' }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  const lines = r.out!.trim().split('\r\n').sort();
  assert.deepEqual(lines, ['A,1,1,1,2,2,1,1', 'a,0,1,1,,,3,3', 'b,2,2,2,5.5,2.75,1,2', 'c,1,1,1,5,5,5,5']);
});

test('large inputs with few distinct string keys take the counting path and give the same order as the comparator', async () => {
  const words = ['delta', 'Alpha', 'charlie', 'bravo', 'alpha'];
  const rows = Array.from({ length: 3000 }, (_, i) => `${words[(i * 7) % 5]},${i % 11},${i}`).join('\r\n') + '\r\n';
  const run = (keys: Record<string, number>) =>
    runThrough({ input: rows, inColumns: IN, outColumns: ['k', 'n', 'x'], build: (f) => (f.add(sortSpec(keys)).connect('Src', 'Sort'), { last: 'Sort' }) });
  for (const keys of [{ k: 1, n: 2 }, { k: -1, n: -2 }]) {
    const r = await run(keys);
    assert.equal(r.result.success, true, messages(r.result));
    const lines = r.out!.trim().split('\r\n').map((l) => l.split(','));
    const collator = new Intl.Collator('en');
    const sign = keys.k < 0 ? -1 : 1;
    const expected = [...lines].sort((a, b) => sign * (collator.compare(a[0]!, b[0]!) || Number(a[1]) - Number(b[1])) || Number(a[2]) - Number(b[2]));
    assert.deepEqual(lines, expected);
  }
});
