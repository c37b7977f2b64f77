// OLE DB Source → Derived Column → OLE DB Destination (fast load) on SQLite, PostgreSQL and MariaDB; a failure elsewhere commits nothing.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection, parseConnectionUrl } from '../../src/connections/index.ts';
import type { Connection } from '../../src/connections/driver.ts';
import { errorOutputSpec, FlowBuilder, memoryContext, runDataFlow, type DataFlowConnection } from '../../src/dataflow/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
const suffix = Math.random().toString(36).slice(2, 8);
after(() => rmSync(dir, { recursive: true, force: true }));
const TARGETS = [
  { name: 'SQLite', url: `sqlite:${join(dir, 'db.sqlite')}`, creation: 'OLEDB' },
  { name: 'PostgreSQL', url: 'postgres://postgres@127.0.0.1:5432/test', creation: 'OLEDB' },
  { name: 'MariaDB', url: 'mysql://root@127.0.0.1:3306/test', creation: 'OLEDB' },
];

function dbConnection(name: string, url: string): DataFlowConnection {
  return { name, refId: `Package.ConnectionManagers[${name}]`, creationName: 'OLEDB', connectionString: url, properties: {}, open: () => openConnection(parseConnectionUrl(url, 'positional')) };
}

function flow(src: string, dst: string, commitSize: number, failOn?: number) {
  // Buffers of 5 rows, so that rows reach the destination before the failing row.
  const f = new FlowBuilder('Package\\Data Flow Task', { DefaultBufferMaxRows: '5' })
    .add({
      name: 'Source',
      classId: 'Microsoft.OLEDBSource',
      properties: { AccessMode: '2', SqlCommand: `SELECT id, name, amount FROM ${src} WHERE id >= ? ORDER BY id`, ParameterMapping: '"Parameter0:Input",User::MinId;' },
      connections: { OleDbConnection: 'Db' },
      outputs: [
        { name: 'OLE DB Source Output', columns: [{ name: 'id', dataType: 'i4', external: 'id' }, { name: 'name', dataType: 'wstr', length: 20, external: 'name' }, { name: 'amount', dataType: 'r8', external: 'amount' }] },
        { ...errorOutputSpec('OLE DB Source Error Output'), syncInput: undefined },
      ],
    })
    .add({
      name: 'Derive',
      classId: 'Microsoft.DerivedColumn',
      inputs: [{ name: 'Derived Column Input' }],
      outputs: [
        { name: 'Derived Column Output', syncInput: 0, exclusionGroup: 1, columns: [{ name: 'label', dataType: 'wstr', length: 30, properties: { Expression: failOn === undefined ? 'UPPER(name)' : `id == ${failOn} ? (DT_WSTR,30)(1 / (id - id)) : UPPER(name)` } }] },
        { ...errorOutputSpec('Derived Column Error Output'), exclusionGroup: 1 },
      ],
    })
    .add({
      name: 'Target',
      classId: 'Microsoft.OLEDBDestination',
      properties: { AccessMode: '3', OpenRowset: `[dbo].[${dst}]`, FastLoadOptions: 'TABLOCK,CHECK_CONSTRAINTS', FastLoadMaxInsertCommitSize: String(commitSize) },
      connections: { OleDbConnection: 'Db' },
      inputs: [{ name: 'OLE DB Destination Input', columns: [{ name: 'id', external: 'id' }, { name: 'label', external: 'label' }, { name: 'amount', external: 'amount' }] }],
    })
    .connect('Source', 'Derive')
    .connect('Derive', 'Target');
  return f.build();
}

for (const t of TARGETS) {
  test(`${t.name}: source with a parameter → Derived Column → fast load; a failure commits nothing`, async () => {
    const src = `odts_src_${suffix}`;
    const dst = `odts_dst_${suffix}`;
    let admin: Connection | undefined;
    try {
      admin = await openConnection(parseConnectionUrl(t.url, 'positional'));
      // SQLite: a reader blocks another connection's COMMIT unless the file is in WAL mode (source and destination share the file).
      if (t.name === 'SQLite') await admin.query('PRAGMA journal_mode=WAL');
      await admin.query(`CREATE TABLE ${src} (id INT, name VARCHAR(20), amount DOUBLE PRECISION)`);
      await admin.query(`CREATE TABLE ${dst} (id INT, label VARCHAR(30), amount DOUBLE PRECISION)`);
      for (let i = 1; i <= 30; i++) await admin.query(`INSERT INTO ${src} VALUES (?, ?, ?)`, [i, `n${i}`, i * 1.5]);
      const ctx = memoryContext({ connections: [dbConnection('Db', t.url)], variables: { 'User::MinId': 5 } });
      const ok = await runDataFlow(flow(src, dst, 0), ctx);
      assert.equal(ok.success, true, ok.errors.map((e) => e.message).join('\n'));
      const rows = (await admin.query(`SELECT id, label, amount FROM ${dst} ORDER BY id`)).resultSets[0]!.rows;
      assert.equal(rows.length, 26);
      assert.deepEqual(rows[0]!.map((v) => (typeof v === 'bigint' ? Number(v) : v)), [5, 'N5', 7.5]);
      await admin.query(`DELETE FROM ${dst}`);
      const failed = await runDataFlow(flow(src, dst, 0, 20), ctx);
      assert.equal(failed.success, false);
      const after = (await admin.query(`SELECT COUNT(*) FROM ${dst}`)).resultSets[0]!.rows[0]![0];
      assert.equal(Number(after), 0, 'nothing committed after a failure with FastLoadMaxInsertCommitSize 0');
      const partial = await runDataFlow(flow(src, dst, 5, 20), ctx);
      assert.equal(partial.success, false);
      const kept = (await admin.query(`SELECT COUNT(*) FROM ${dst}`)).resultSets[0]!.rows[0]![0];
      assert.equal(Number(kept), 15, 'with FastLoadMaxInsertCommitSize 5 the batches before the failure stay committed');
    } finally {
      if (admin) {
        await admin.query(`DROP TABLE IF EXISTS ${src}`).catch(() => undefined);
        await admin.query(`DROP TABLE IF EXISTS ${dst}`).catch(() => undefined);
        await admin.close();
      }
    }
  });
}


for (const t of TARGETS) {
  test(`${t.name}: OLE DB Command updates row by row; ODBC source reads a table; Lookup joins against the database`, async () => {
    const tbl = `odts_cmd_${suffix}`;
    let admin: Connection | undefined;
    try {
      admin = await openConnection(parseConnectionUrl(t.url, 'positional'));
      await admin.query(`CREATE TABLE ${tbl} (id INT, name VARCHAR(20), seen INT)`);
      for (let i = 1; i <= 4; i++) await admin.query(`INSERT INTO ${tbl} VALUES (?, ?, 0)`, [i, `n${i}`]);
      const model = new FlowBuilder()
        .add({
          name: 'Read',
          classId: 'Attunity.SSISODBCSrc',
          properties: { AccessMode: '0', TableName: `[dbo].[${tbl}]` },
          connections: { ODBCConnection: 'Db' },
          outputs: [{ name: 'ODBC Source Output', columns: [{ name: 'id', dataType: 'i4', external: 'id' }, { name: 'name', dataType: 'wstr', length: 20, external: 'name' }] }],
        })
        .add({
          name: 'Find',
          classId: 'Microsoft.Lookup',
          properties: { CacheType: '0', NoMatchBehavior: '1', SqlCommand: `SELECT [id], [name] FROM [dbo].[${tbl}] WHERE [id] <= 2` },
          connections: { OleDbConnection: 'Db' },
          inputs: [{ name: 'Lookup Input', columns: [{ name: 'id', properties: { JoinToReferenceColumn: 'id' } }] }],
          outputs: [
            { name: 'Lookup Match Output', syncInput: 0, exclusionGroup: 1, columns: [{ name: 'refname', dataType: 'wstr', length: 20, properties: { CopyFromReferenceColumn: 'name' } }] },
            { name: 'Lookup No Match Output', syncInput: 0, exclusionGroup: 1 },
            { ...errorOutputSpec('Lookup Error Output'), exclusionGroup: 1 },
          ],
        })
        .add({
          name: 'Mark',
          classId: 'Microsoft.OLEDBCommand',
          properties: { SqlCommand: `UPDATE [dbo].[${tbl}] SET [seen] = 1 WHERE [id] = ?` },
          connections: { OleDbConnection: 'Db' },
          inputs: [{ name: 'OLE DB Command Input', columns: [{ name: 'id', external: 'Param_0' }] }],
          outputs: [{ name: 'OLE DB Command Output', syncInput: 0 }],
        })
        .connect('Read', 'Find')
        .connect('Find', 'Mark', 'Lookup Match Output')
        .build();
      const r = await runDataFlow(model, memoryContext({ connections: [dbConnection('Db', t.url)] }));
      assert.equal(r.success, true, r.errors.map((e) => e.message).join('\n'));
      const rows = (await admin.query(`SELECT id, seen FROM ${tbl} ORDER BY id`)).resultSets[0]!.rows.map((x) => x.map(Number));
      assert.deepEqual(rows, [[1, 1], [2, 1], [3, 0], [4, 0]]);
    } finally {
      if (admin) {
        await admin.query(`DROP TABLE IF EXISTS ${tbl}`).catch(() => undefined);
        await admin.close();
      }
    }
  });
}
