// Tests of the Foreach enumerators that need more than the engine tests: Nodelist (XPath), ADO recordsets, From Variable, ADO.NET schema rowsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runSpec, taskSpec, variable, connectionSpec, packageOf, executableBase, Recordset, type ContainerSpec, type EnumeratorSpec } from './index.ts';
import { selectNodes } from './xpath.ts';
import '../tasks/index.ts';

const collect = (enumerator: EnumeratorSpec, index = 0): ContainerSpec => ({
  ...executableBase('Each'), kind: 'foreachLoop', foreach: { enumerator, mappings: [{ index, variable: 'User::Item' }] },
  executables: [taskSpec('Collect', 'Expression', { expression: '@[User::Out] = @[User::Out] + (DT_WSTR,100)@[User::Item] + ";"' })], constraints: [],
});
const vars = [variable('Item', 8, ''), variable('Out', 8, '')];

test('Nodelist enumerator over direct input: nodes, node text, element collections', async () => {
  const xml = '<orders><order id="1"><item>pen</item></order><order id="2"><item>ink</item><item>cap</item></order></orders>';
  const text = await runSpec(packageOf([collect({ kind: 'nodelist', sourceType: 2, source: xml, enumerationType: 2, outerXPathSourceType: 2, outerXPath: '//item' })], { variables: vars }));
  assert.equal(text.engine.root.scope.get('User::Out').value, 'pen;ink;cap;');
  const attrs = await runSpec(packageOf([collect({ kind: 'nodelist', sourceType: 2, source: xml, enumerationType: 2, outerXPathSourceType: 2, outerXPath: "/orders/order[@id='2']/item[2]" })], { variables: vars }));
  assert.equal(attrs.engine.root.scope.get('User::Out').value, 'cap;');
  assert.deepEqual(selectNodes(xml, '/orders/order/@id').map((n) => n.text), ['1', '2']);
  assert.equal(selectNodes(xml, '/orders/order[1]')[0]!.xml, '<order id="1"><item>pen</item></order>');
});

test('ADO and From Variable enumerators read Object variables', async () => {
  const rs = new Recordset(['name', 'n'], [['a', 1], ['b', 2]]);
  const ado = await runSpec(packageOf([collect({ kind: 'ado', variable: 'User::Rows', mode: 1 })], { variables: [...vars, variable('Rows', 13, rs)] }));
  assert.equal(ado.engine.root.scope.get('User::Out').value, 'a;b;');
  const fromVar = await runSpec(packageOf([collect({ kind: 'variable', variable: 'User::List' })], { variables: [...vars, variable('List', 13, ['x', 'y', 'z'])] }));
  assert.equal(fromVar.engine.root.scope.get('User::Out').value, 'x;y;z;');
  const notRows = await runSpec(packageOf([collect({ kind: 'ado', variable: 'User::Item', mode: 1 })], { variables: vars }));
  assert.match(notRows.events.find((e) => e.event === 'OnError')!.message, /does not hold a recordset/);
});

test('ADO.NET Schema Rowset enumerator lists the tables of a database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const file = join(dir, 's.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE alpha (x INT); CREATE TABLE beta (y INT);');
    db.close();
    const { outcome, engine, events } = await runSpec(packageOf([collect({ kind: 'schemaRowset', connection: 'Db', schema: 'Tables' }, 2)], {
      variables: vars, connections: [connectionSpec('Db', 'ADO.NET:System.Data.SqlClient.SqlConnection', `sqlite:${file}`)],
    }));
    assert.equal(outcome.result, 0, events.map((e) => e.message).join('\n'));
    assert.equal(engine.root.scope.get('User::Out').value, 'alpha;beta;');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the File enumerator takes its folder and file spec from property expressions before each enumeration', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const { writeFileSync } = await import('node:fs');
    for (const f of ['a.txt', 'b.txt', 'c.csv']) writeFileSync(join(dir, f), '');
    const loop = { ...collect({ kind: 'file', folder: '/nowhere', fileSpec: '*.csv', retrieve: 1, recurse: false }), propertyExpressions: { Directory: '@[User::Dir]', FileSpec: '"*.txt"' } };
    const { outcome, engine } = await runSpec(packageOf([loop], { variables: [...vars, variable('Dir', 8, dir)] }));
    assert.equal(outcome.result, 0);
    assert.equal(engine.root.scope.get('User::Out').value, 'a.txt;b.txt;');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
