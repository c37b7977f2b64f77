import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SsisError } from '../errors.ts';
import { openConnection } from './drivers.ts';
import type { DriverConfig } from './driver.ts';
import { querySchemaRowset, schemaRowsetName } from './schema-rowsets.ts';

const base = { parameterStyle: 'positional', via: 'override', description: 'test' } as const;
const databases: [string, DriverConfig, string][] = [
  ['sqlite', { kind: 'sqlite', file: ':memory:', ...base }, 'main'],
  ['postgres', { kind: 'postgres', host: '127.0.0.1', user: 'postgres', database: 'test', ...base }, 'public'],
  ['mariadb', { kind: 'mysql', host: '127.0.0.1', user: 'root', database: 'test', ...base }, 'test'],
];

test('schema rowsets are named by name or OLE DB GUID', () => {
  assert.equal(schemaRowsetName('{C8B52229-5CF3-11CE-ADE5-00AA0044773D}'), 'Tables');
  assert.equal(schemaRowsetName('columns'), 'Columns');
  assert.equal(schemaRowsetName('DBSCHEMA_VIEWS'), 'Views');
  assert.throws(() => schemaRowsetName('Statistics'), (e: unknown) => e instanceof SsisError && /Statistics/.test(e.message));
});

for (const [name, config, schema] of databases) {
  test(`${name}: Tables and Columns rowsets list a table, filtered by restrictions`, async () => {
    const c = await openConnection(config);
    const t = `odts_schema_${randomBytes(4).toString('hex')}`;
    try {
      await c.query(`CREATE TABLE ${t} (id INT, label VARCHAR(10))`);
      const tables = await querySchemaRowset(c, 'Tables', [null, name === 'sqlite' ? null : schema, t]);
      assert.deepEqual(tables.columns.slice(0, 4).map((x) => x.name), ['TABLE_CATALOG', 'TABLE_SCHEMA', 'TABLE_NAME', 'TABLE_TYPE']);
      assert.deepEqual(tables.rows.map((r) => [r[2], r[3]]), [[t, 'TABLE']]);
      const columns = await querySchemaRowset(c, 'Columns', [null, null, t]);
      assert.deepEqual(columns.rows.map((r) => [r[3], Number(r[4])]), [['id', 1], ['label', 2]]);
      const one = await querySchemaRowset(c, 'Columns', [null, null, t.toUpperCase(), 'LABEL']);
      assert.equal(one.rows.length, 1);
    } finally {
      await c.query(`DROP TABLE IF EXISTS ${t}`);
      await c.close();
    }
  });
}
