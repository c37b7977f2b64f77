// Lookup against a real SQLite database: full, partial and no cache; no-match output; no match as error (fail, redirect); Cache connection manager.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openConnection, parseConnectionUrl } from '../../connections/index.ts';
import type { DataFlowConnection } from '../../dataflow/context.ts';
import { errorOutputSpec, type FlowBuilder } from '../../dataflow/flow-builder.ts';
import { messages, runThrough, tempFolder } from '../shared/test-kit.ts';

const IN = [{ name: 'id', dataType: 'i4' }, { name: 'code', dataType: 'wstr', length: 5 }];
const DATA = '1,DE\r\n2,FR\r\n3,XX\r\n4,de\r\n';

async function withDb<T>(fn: (conn: DataFlowConnection) => Promise<T>): Promise<T> {
  const t = tempFolder();
  const url = `sqlite:${join(t.dir, 'ref.sqlite')}`;
  const admin = await openConnection(parseConnectionUrl(url, 'positional'));
  try {
    await admin.query('CREATE TABLE countries (code TEXT, name TEXT)');
    await admin.query("INSERT INTO countries VALUES ('DE', 'Germany'), ('FR', 'France'), ('DE', 'Duplicate')");
    return await fn({ name: 'Ref', refId: 'Package.ConnectionManagers[Ref]', creationName: 'OLEDB', connectionString: url, properties: {}, open: () => openConnection(parseConnectionUrl(url, 'positional')) });
  } finally {
    await admin.close();
    t.remove();
  }
}

function lookupSpec(props: Record<string, string>, disp?: 'RedirectRow' | 'FailComponent', connection = 'Ref') {
  return {
    name: 'Lookup',
    classId: 'Microsoft.Lookup',
    properties: { SqlCommand: 'SELECT [code], [name] FROM [dbo].[countries]', SqlCommandParam: 'SELECT code, name FROM countries WHERE code = ?', ...props },
    connections: { OleDbConnection: connection },
    inputs: [{ name: 'Lookup Input', columns: [{ name: 'code', properties: { JoinToReferenceColumn: 'code' } }] }],
    outputs: [
      { name: 'Lookup Match Output', syncInput: 0, exclusionGroup: 1, errorRowDisposition: disp, columns: [{ name: 'country', dataType: 'wstr', length: 20, properties: { CopyFromReferenceColumn: 'name' } }] },
      { name: 'Lookup No Match Output', syncInput: 0, exclusionGroup: 1 },
      { ...errorOutputSpec('Lookup Error Output'), exclusionGroup: 1 },
    ],
  };
}

async function run(props: Record<string, string>, output: string, disp?: 'RedirectRow' | 'FailComponent', extraConns: DataFlowConnection[] = [], connection = 'Ref') {
  return withDb((db) =>
    runThrough({
      input: DATA,
      inColumns: IN,
      outColumns: output === 'Lookup Match Output' ? ['id', 'country'] : ['id', 'code'],
      connections: [db, ...extraConns],
      build: (f: FlowBuilder) => (f.add(lookupSpec(props, disp, connection)).connect('Src', 'Lookup'), { last: 'Lookup', output }),
    }),
  );
}

for (const cache of ['0', '1', '2']) {
  test(`cache type ${cache}: exact, case-sensitive match; first reference row wins; no-match rows to the No Match output`, async () => {
    const matched = await run({ CacheType: cache, NoMatchBehavior: '1' }, 'Lookup Match Output');
    assert.equal(matched.result.success, true, messages(matched.result));
    assert.equal(matched.out, '1,Germany\r\n2,France\r\n');
    const missing = await run({ CacheType: cache, NoMatchBehavior: '1' }, 'Lookup No Match Output');
    assert.equal(missing.out, '3,XX\r\n4,de\r\n');
  });
}

test('no match treated as an error: fails by default, or goes to the error output', async () => {
  const failed = await run({ NoMatchBehavior: '0' }, 'Lookup Match Output');
  assert.equal(failed.result.success, false);
  assert.match(messages(failed.result), /no match during lookup/);
  const redirected = await run({ NoMatchBehavior: '0' }, 'Lookup Error Output', 'RedirectRow');
  assert.equal(redirected.result.success, true, messages(redirected.result));
  assert.equal(redirected.out, '3,XX\r\n4,de\r\n');
});

test('full cache from a Cache connection manager', async () => {
  const cache: DataFlowConnection = {
    name: 'Cache', refId: 'Package.ConnectionManagers[Cache]', creationName: 'CACHE', connectionString: '', properties: {},
    cache: { columns: [{ name: 'code', dataType: 'wstr', indexPosition: 1 }, { name: 'name', dataType: 'wstr', indexPosition: 0 }], rows: [['DE', 'Deutschland'], ['XX', 'Nowhere']] },
  };
  const r = await run({ ConnectionType: '1', NoMatchBehavior: '1' }, 'Lookup Match Output', undefined, [cache], 'Cache');
  assert.equal(r.result.success, true, messages(r.result));
  assert.equal(r.out, '1,Deutschland\r\n3,Nowhere\r\n');
});
