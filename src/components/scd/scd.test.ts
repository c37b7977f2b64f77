// Slowly Changing Dimension against a SQLite dimension: new, unchanged, changing (type 1), historical (type 2) and fixed rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openConnection, parseConnectionUrl } from '../../connections/index.ts';
import type { DataFlowConnection } from '../../dataflow/context.ts';
import { messages, runThrough, tempFolder } from '../shared/test-kit.ts';

const IN = [{ name: 'code', dataType: 'wstr', length: 5 }, { name: 'name', dataType: 'wstr', length: 20 }, { name: 'region', dataType: 'wstr', length: 20 }];
const INPUT = 'A,Alpha,North\r\nB,Bravo 2,South\r\nC,Charlie,East 2\r\nD,Delta,West\r\n';

async function route(output: string, failOnFixed = 'false') {
  const t = tempFolder();
  const url = `sqlite:${join(t.dir, 'dim.sqlite')}`;
  const admin = await openConnection(parseConnectionUrl(url, 'positional'));
  try {
    await admin.query('CREATE TABLE dim (code TEXT, name TEXT, region TEXT)');
    await admin.query("INSERT INTO dim VALUES ('A', 'Alpha', 'North'), ('B', 'Bravo', 'South'), ('C', 'Charlie', 'East')");
    const db: DataFlowConnection = { name: 'Dim', refId: 'Package.ConnectionManagers[Dim]', creationName: 'OLEDB', connectionString: url, properties: {}, open: () => openConnection(parseConnectionUrl(url, 'positional')) };
    const out = (name: string) => ({ name, syncInput: 0, exclusionGroup: 1 });
    return await runThrough({
      input: INPUT,
      inColumns: IN,
      outColumns: ['code'],
      connections: [db],
      build: (f) => (
        f
          .add({
            name: 'SCD',
            classId: 'Microsoft.SCD',
            properties: { SqlCommand: 'SELECT [code], [name], [region] FROM [dbo].[dim]', FailOnFixedAttributeChange: failOnFixed },
            connections: { OleDbConnection: 'Dim' },
            inputs: [{ name: 'Slowly Changing Dimension Input', columns: [
              { name: 'code', external: 'code', properties: { ColumnType: '1' } },
              { name: 'name', external: 'name', properties: { ColumnType: '2' } },
              { name: 'region', external: 'region', properties: { ColumnType: '3' } },
            ] }],
            outputs: ['Unchanged Output', 'New Output', 'Fixed Attribute Output', 'Changing Attribute Updates Output', 'Historical Attribute Inserts Output', 'Inferred Member Updates Output'].map(out),
          })
          .connect('Src', 'SCD'),
        { last: 'SCD', output }
      ),
    });
  } finally {
    await admin.close();
    t.remove();
  }
}

test('rows go to the output of their change type', async () => {
  const expected: Record<string, string> = {
    'New Output': 'D\r\n',
    'Unchanged Output': 'A\r\n',
    'Changing Attribute Updates Output': 'B\r\n',
    'Historical Attribute Inserts Output': 'C\r\n',
  };
  for (const [output, rows] of Object.entries(expected)) {
    const r = await route(output);
    assert.equal(r.result.success, true, messages(r.result));
    assert.equal(r.out, rows, output);
  }
});
