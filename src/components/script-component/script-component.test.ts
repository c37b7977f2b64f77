// Script Component with a JavaScript implementation (and its validation error without one); Recordset Destination; Cache Transform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataFlowConnection, Recordset } from '../../dataflow/context.ts';
import { messages, runThrough } from '../shared/test-kit.ts';

const script = (name = 'Script') => ({
  name,
  classId: 'Microsoft.ScriptComponentHost',
  inputs: [{ name: 'Input 0', columns: [{ name: 'n' }, { name: 's', usageType: 'readWrite' as const }] }],
  outputs: [{ name: 'Output 0', syncInput: 0, columns: [{ name: 'twice', dataType: 'i4' }] }],
});

test('without a JavaScript implementation the Script Component fails validation, naming it', async () => {
  const r = await runThrough({ input: '1,a\r\n', inColumns: [{ name: 'n', dataType: 'i4' }, { name: 's', dataType: 'wstr', length: 5 }], outColumns: ['n'], build: (f) => (f.add(script('My Script')).connect('Src', 'My Script'), { last: 'My Script' }) });
  assert.equal(r.result.success, false);
  assert.match(messages(r.result), /Script Component "My Script" runs \.NET code/);
});

test('a JavaScript implementation transforms rows, drops rows, and reads variables', async () => {
  const r = await runThrough({
    input: '1,a\r\n2,b\r\n3,c\r\n',
    inColumns: [{ name: 'n', dataType: 'i4' }, { name: 's', dataType: 'wstr', length: 5 }],
    outColumns: ['n', 's', 'twice'],
    context: { variables: { 'User::Suffix': '!' } },
    extra: {
      scriptComponent: () => ({
        processInputRow(row, ctx) {
          if (row['n'] === 2) return false;
          row['twice'] = (row['n'] as number) * 2;
          row['s'] = String(row['s']).toUpperCase() + String(ctx.variables.get('User::Suffix'));
          return true;
        },
      }),
    },
    build: (f) => (f.add(script()).connect('Src', 'Script'), { last: 'Script' }),
  });
  assert.equal(r.result.success, true, messages(r.result));
  assert.equal(r.out, '1,A!,2\r\n3,C!,6\r\n');
});

test('Recordset Destination puts the rows into an Object variable; Cache Transform fills a Cache connection manager', async () => {
  const cache: DataFlowConnection = { name: 'Cache', refId: 'Package.ConnectionManagers[Cache]', creationName: 'CACHE', connectionString: '', properties: {} };
  const r = await runThrough({
    input: '1,a\r\n2,b\r\n',
    inColumns: [{ name: 'n', dataType: 'i4' }, { name: 's', dataType: 'wstr', length: 5 }],
    outColumns: ['n'],
    connections: [cache],
    context: { variables: { 'User::Rows': null } },
    build: (f) => (
      f
        .add({ name: 'Copy', classId: 'Microsoft.Multicast', inputs: [{ name: 'Multicast Input' }], outputs: [{ name: 'O1', syncInput: 0 }, { name: 'O2', syncInput: 0 }, { name: 'O3', syncInput: 0 }] })
        .add({ name: 'Recordset', classId: 'Microsoft.RecordsetDestination', properties: { VariableName: 'User::Rows' }, inputs: [{ name: 'Recordset Destination Input', columns: '*' }] })
        .add({ name: 'Fill cache', classId: 'Microsoft.Cache', connections: { CacheConnection: 'Cache' }, inputs: [{ name: 'Cache Input', columns: '*' }] })
        .connect('Src', 'Copy')
        .connect('Copy', 'Recordset', 'O1')
        .connect('Copy', 'Fill cache', 'O2'),
      { last: 'Copy', output: 'O3' }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  const rs = r.ctx.vars.get('User::Rows') as Recordset;
  assert.deepEqual(rs.columns.map((c) => c.name), ['n', 's']);
  assert.deepEqual(rs.rows, [[1, 'a'], [2, 'b']]);
  assert.deepEqual(cache.cache?.rows, [[1, 'a'], [2, 'b']]);
});
