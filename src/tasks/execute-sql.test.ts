// Tests of the Execute SQL task on SQLite, PostgreSQL and MariaDB: parameters, result sets, failing SQL, transactions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runSpec, taskSpec, constraint, variable, connectionSpec, packageOf, executableBase, Recordset, type ContainerSpec } from '../runtime/index.ts';
import './index.ts';

const suffix = randomBytes(4).toString('hex');

interface Target { name: string; url: string | (() => string); cleanup?: () => void }

const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
const targets: Target[] = [
  { name: 'SQLite', url: `sqlite:${join(dir, 'test.sqlite')}` },
  { name: 'PostgreSQL', url: 'postgres://postgres@127.0.0.1:5432/test' },
  { name: 'MariaDB', url: 'mysql://root@127.0.0.1:3306/test' },
];

test.after(() => rmSync(dir, { recursive: true, force: true }));

const sql = (name: string, statement: string, extra: Record<string, unknown> = {}) =>
  taskSpec(name, 'ExecuteSQL', { connection: 'Db', sqlStatementSourceType: 'DirectInput', sqlStatementSource: statement, resultSetType: 'ResultSetType_None', parameterBindings: [], resultBindings: [], ...extra });

for (const target of targets) {
  const table = `opendts_sql_${suffix}_${target.name.toLowerCase()}`;
  const conn = () => connectionSpec('Db', 'OLEDB', typeof target.url === 'string' ? target.url : target.url());

  test(`${target.name}: create, insert with ? parameters, single-row and full result sets`, async () => {
    const p = packageOf([
      sql('Create', `CREATE TABLE ${table} (id INT, name VARCHAR(20))`),
      sql('Insert', `INSERT INTO ${table} (id, name) VALUES (?, ?)`, { parameterBindings: [{ parameterName: '1', variableName: 'User::Name', direction: 'Input' }, { parameterName: '0', variableName: 'User::Id', direction: 'Input' }] }),
      sql('Insert2', `INSERT INTO ${table} (id, name) VALUES (2, 'two')`),
      sql('Count', `SELECT COUNT(*) AS n, MAX(name) AS top FROM ${table}`, { resultSetType: 'ResultSetType_SingleRow', resultBindings: [{ resultName: '0', variableName: 'User::Count' }, { resultName: 'top', variableName: 'User::Top' }] }),
      sql('All', `SELECT id, name FROM ${table} ORDER BY id`, { resultSetType: 'ResultSetType_Rowset', resultBindings: [{ resultName: '0', variableName: 'User::Rows' }] }),
      sql('Drop', `DROP TABLE ${table}`),
    ], {
      connections: [conn()],
      variables: [variable('Id', 3, 1), variable('Name', 8, 'one'), variable('Count', 3, 0), variable('Top', 8, ''), variable('Rows', 13, null)],
      constraints: [constraint(0, 1), constraint(1, 2), constraint(2, 3), constraint(3, 4), constraint(4, 5, { value: 2 })],
    });
    const { outcome, events, engine } = await runSpec(p);
    assert.equal(outcome.result, 0, events.filter((e) => e.event === 'OnError').map((e) => e.message).join('\n'));
    assert.equal(engine.root.scope.get('User::Count').value, 2);
    assert.equal(engine.root.scope.get('User::Top').value, 'two');
    const rows = engine.root.scope.get('User::Rows').value as Recordset;
    assert.ok(rows instanceof Recordset);
    assert.deepEqual(rows.rows.map((r) => [Number(r[0]), r[1]]), [[1, 'one'], [2, 'two']]);
  });

  test(`${target.name}: failing SQL fails the task with DTS_E_EXECUTESQLTASK_ERRORINQUERY`, async () => {
    const { outcome, events } = await runSpec(packageOf([sql('Bad', 'SELECT * FROM opendts_no_such_table_x')], { connections: [conn()] }));
    assert.equal(outcome.result, 1);
    const err = events.find((e) => e.event === 'OnError')!;
    assert.equal(err.code, '0xC002F210');
    assert.match(err.message, /Executing the query "SELECT \* FROM opendts_no_such_table_x" failed/);
  });

  test(`${target.name}: a transacted Sequence rolls back when a task fails; one connection per transaction`, async () => {
    const tx = `${table}_tx`;
    const seq: ContainerSpec = {
      ...executableBase('Tx'), kind: 'sequence', transactionOption: 2,
      executables: [sql('Insert', `INSERT INTO ${tx} (id) VALUES (1)`), sql('Fail', 'SELECT * FROM opendts_no_such_table_y')],
      constraints: [constraint(0, 1)],
    };
    const p = packageOf([sql('Create', `CREATE TABLE ${tx} (id INT)`), seq, sql('Count', `SELECT COUNT(*) FROM ${tx}`, { resultSetType: 'ResultSetType_SingleRow', resultBindings: [{ resultName: '0', variableName: 'User::N' }] }), sql('Drop', `DROP TABLE ${tx}`)], {
      connections: [conn()], maximumErrorCount: 10, variables: [variable('N', 3, -1)],
      constraints: [constraint(0, 1), constraint(1, 2, { value: 2 }), constraint(2, 3, { value: 2 })],
    });
    const { engine } = await runSpec(p);
    assert.equal(engine.root.scope.get('User::N').value, 0);
    const two: ContainerSpec = { ...seq, executables: [sql('A', 'SELECT 1'), { ...sql('B', 'SELECT 1'), settings: { ...sql('B', 'SELECT 1').settings, connection: 'Other' } }], constraints: [constraint(0, 1)] };
    const refused = await runSpec(packageOf([two], { connections: [conn(), { ...conn(), id: '{other}', name: 'Other' }] }));
    assert.equal(refused.outcome.result, 1);
    assert.match(refused.events.find((e) => e.event === 'OnError')!.message, /distributed transaction/);
  });
}

test('ADO.NET connections take @name parameters; output parameters are refused clearly', async () => {
  const p = packageOf([
    sql('Named', 'SELECT @a + @b AS total', { resultSetType: 'ResultSetType_SingleRow', parameterBindings: [{ parameterName: '@a', variableName: 'User::A', direction: 'Input' }, { parameterName: '@b', variableName: 'User::B', direction: 'Input' }], resultBindings: [{ resultName: 'total', variableName: 'User::Total' }] }),
  ], {
    connections: [connectionSpec('Db', 'ADO.NET:System.Data.SqlClient.SqlConnection, System.Data', `sqlite:${join(dir, 'named.sqlite')}`)],
    variables: [variable('A', 3, 2), variable('B', 3, 3), variable('Total', 3, 0)],
  });
  const { outcome, engine, events } = await runSpec(p);
  assert.equal(outcome.result, 0, events.map((e) => e.message).join('\n'));
  assert.equal(engine.root.scope.get('User::Total').value, 5);
  const out = await runSpec(packageOf([sql('Out', 'SELECT 1', { parameterBindings: [{ parameterName: '0', variableName: 'User::A', direction: 'Output' }] })], { connections: [connectionSpec('Db', 'OLEDB', `sqlite:${join(dir, 'named.sqlite')}`)], variables: [variable('A', 3, 0)] }));
  assert.match(out.events.find((e) => e.event === 'OnError')!.message, /Output and return value parameters/);
});

test('an unreachable server fails quickly with a clear message', async () => {
  const p = packageOf([sql('Q', 'SELECT 1')], { connections: [connectionSpec('Db', 'OLEDB', 'postgres://postgres@127.0.0.1:1/test?connectTimeout=2')] });
  const { outcome, events } = await runSpec(p);
  assert.equal(outcome.result, 1);
  assert.ok(events.some((e) => e.event === 'OnError' && /127\.0\.0\.1|ECONNREFUSED|connect/i.test(e.message)));
});
