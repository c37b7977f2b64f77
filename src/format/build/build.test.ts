import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import {
  addComponent, addConnectionManager, addDataFlowTask, addEventHandler, addExecuteSqlTask, addExpressionTask, addForLoop, addForeachLoop,
  addPath, addPrecedenceConstraint, addSequence, addVariable, createPackage, sequentialIds, readPackage, writePackage,
} from '../index.ts';
import type { Package } from '../../package/index.ts';
import { allDataFlows, walkExecutables } from '../../package/index.ts';
import { SsisError } from '../../errors.ts';
import { packageShape } from '../../../test/corpus/package-shape.ts';
import { CORPUS_DIR } from '../../../test/corpus/corpus-files.ts';

function build(format: 3 | 6 | 8, withExpressionTask = true): Package {
  const pkg = createPackage({ name: 'Golden', format, ids: sequentialIds(), creationDate: '1/2/2026 3:04:05 PM', creatorName: 'opendts', creatorComputerName: 'ci' });
  const db = addConnectionManager(pkg, { name: 'db', type: 'OLEDB', connectionString: 'Data Source=.;Initial Catalog=test;Provider=SQLNCLI11;' });
  addConnectionManager(pkg, {
    name: 'in', type: 'FLATFILE', connectionString: '/tmp/in.csv',
    flatFile: { columnNamesInFirstDataRow: true, columns: [{ name: 'Id', dataType: 3 }, { name: 'Name', dataType: 130, maximumWidth: 40 }] },
  });
  addVariable(pkg, { name: 'Count', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'Double', dataType: 3, expression: '@[User::Count] * 2' });
  const seq = addSequence(pkg, { name: 'Prepare' });
  const sql = addExecuteSqlTask(seq, { name: 'Count rows', connection: db, sql: 'SELECT COUNT(*) FROM t', resultSet: 'SingleRow', resultBindings: [{ resultName: '0', variable: 'User::Count' }] });
  const loop = addForLoop(pkg, { name: 'Loop', init: '@Count = 0', eval: '@Count < 3', assign: '@Count = @Count + 1' });
  const each = addForeachLoop(pkg, { name: 'Each file', enumerator: { kind: 'File', folder: '/tmp', fileSpec: '*.csv' }, mappings: [{ variable: 'User::Count' }] });
  if (withExpressionTask) addExpressionTask(loop, { name: 'Bump', expression: '@[User::Count] = @[User::Count] + 1' });
  addPrecedenceConstraint(pkg, seq, loop);
  addPrecedenceConstraint(pkg, loop, each, { value: 'Failure', expression: '@Count > 1' });
  const onError = addEventHandler(pkg, 'OnError');
  addExecuteSqlTask(onError, { name: 'Log', connection: 'db', sql: 'INSERT INTO log VALUES (1)' });
  const dft = addDataFlowTask(pkg, { name: 'Load' });
  const src = addComponent(dft, {
    name: 'Read', classId: 'Microsoft.FlatFileSource', connections: [{ name: 'FlatFileConnection', connectionManager: 'in' }],
    outputs: [{ name: 'Out', columns: [{ name: 'Id', dataType: 'i4' }, { name: 'Name', dataType: 'wstr', length: 40 }] }, { name: 'Errors', isErrorOut: true }],
  });
  const dc = addComponent(dft, {
    name: 'Upper', classId: 'Microsoft.DerivedColumn', inputs: [{ name: 'In' }],
    outputs: [{ name: 'Out', synchronousInput: 'In', exclusionGroup: 1, columns: [{ name: 'Big', dataType: 'wstr', length: 40, properties: { Expression: { value: 'UPPER(Name)', containsId: true }, FriendlyExpression: { value: 'UPPER(Name)', expressionType: 'Notify' } } }] }],
  });
  addPath(dft, src.outputs[0], dc.inputs[0], { columns: 'all' });
  assert.equal(sql.kind, 'ExecuteSQL');
  return pkg;
}

test('a package built in code reads back with everything in place (format 8)', () => {
  const pkg = build(8);
  const again = readPackage(writePackage(pkg), { fileName: 'golden.dtsx' });
  assert.deepEqual(again.problems, []);
  assert.equal(again.sourceFormat, 8);
  assert.deepEqual([...walkExecutables(again)].map((e) => e.refId), [
    'Package', 'Package\\Prepare', 'Package\\Prepare\\Count rows', 'Package\\Loop', 'Package\\Loop\\Bump', 'Package\\Each file', 'Package\\Load',
    'Package.EventHandlers[OnError]', 'Package.EventHandlers[OnError]\\Log',
  ]);
  assert.equal(again.variables.find((v) => v.name === 'Double')?.evaluateAsExpression, true);
  assert.equal(again.connectionManagers[1].flatFile?.columns.length, 2);
  assert.equal(again.precedenceConstraints[1].value, 1);
  assert.equal(again.precedenceConstraints[1].evalOp, 3);
  const df = allDataFlows(again)[0].dataFlow;
  assert.deepEqual(df.components.map((c) => c.classId), ['Microsoft.FlatFileSource', 'Microsoft.DerivedColumn']);
  assert.equal(df.components[1].inputs[0].columns.length, 2);
  assert.equal(df.components[1].inputs[0].columns[1].lineageRefId, 'Package\\Load\\Read.Outputs[Out].Columns[Name]');
  assert.equal(df.components[0].outputs[1].columns.map((c) => c.specialFlags).join(','), '1,2');
  assert.equal(df.paths.length, 1);
});

test('built packages are reproducible with sequential IDs and save in format 6 for the 2012 tools', () => {
  assert.ok(Buffer.from(writePackage(build(8))).equals(Buffer.from(writePackage(build(8)))));
  const p6 = readPackage(writePackage(build(6)), { tool: 2012 });
  assert.equal(p6.sourceFormat, 6);
  assert.equal(p6.executableType, 'SSIS.Package.3');
  assert.deepEqual(p6.problems, []);
  assert.equal(allDataFlows(p6)[0].dataFlow.components[0].rawClassId, '{D23FD76B-F51D-420F-BBCB-19CBF6AC1AB4}');
});

test('editing a loaded package keeps the untouched bytes', () => {
  const original = Buffer.from(writePackage(build(8)));
  const pkg = readPackage(original);
  addVariable(pkg, { name: 'Extra', value: 'x' });
  const edited = Buffer.from(writePackage(pkg)).toString('utf8');
  assert.match(edited, /DTS:ObjectName="Extra"/);
  const head = original.toString('utf8').split('<DTS:Variables>')[0];
  assert.ok(edited.startsWith(head));
});

test('builder errors: duplicate names, unknown connections, a 2008 package with an Expression task', () => {
  const pkg = createPackage({ name: 'P' });
  addVariable(pkg, { name: 'X' });
  assert.throws(() => addVariable(pkg, { name: 'X' }), SsisError);
  assert.throws(() => addExecuteSqlTask(pkg, { name: 'S', connection: 'nope', sql: '' }), /no connection manager "nope"/);
  assert.throws(() => addExpressionTask(createPackage({ name: 'Old', format: 3 }), { name: 'E', expression: '1' }), /from SQL Server 2012/);
});

test('a package built for 2008 is written as format 3 and reads back the same in the 2008 tools', () => {
  const pkg = build(3, false);
  const bytes = writePackage(pkg);
  const text = Buffer.from(bytes).toString('utf8');
  assert.match(text, /<DTS:Property DTS:Name="PackageFormatVersion">3</);
  assert.match(text, /DTS:ExecutableType="SSIS\.Package\.2"/);
  assert.doesNotMatch(text, /refId=/);
  const old = readPackage(bytes, { tool: 2008 });
  assert.equal(old.sourceFormat, 3);
  assert.deepEqual(old.problems, []);
  const modern = readPackage(writePackage(build(8, false)));
  const names = (p: Package): string[] => [...walkExecutables(p)].map((e) => `${e.refId} ${e.classId}`);
  assert.deepEqual(names(old), names(modern));
  const [a, b] = [allDataFlows(old)[0].dataFlow, allDataFlows(modern)[0].dataFlow];
  assert.deepEqual(a.components.map((c) => c.inputs.flatMap((i) => i.columns.map((k) => k.lineageRefId))), b.components.map((c) => c.inputs.flatMap((i) => i.columns.map((k) => k.lineageRefId))));
  assert.equal(a.components[0].rawClassId, '{5ACD952A-F16A-41D8-A681-713640837664}');
  assert.deepEqual(old.precedenceConstraints.map((c) => [c.from, c.to, c.value]), modern.precedenceConstraints.map((c) => [c.from, c.to, c.value]));
  // the 2008 file holds exactly what the same package built for 2014 holds
  assert.deepEqual(packageShape(old), packageShape(modern));
  // and the 2008 file upgrades to 2014 like any other
  assert.deepEqual(readPackage(writePackage(old, { format: 8 })).problems, []);
});

test('a 2008 package read from disk can be edited with the builder and saved as format 3 again', () => {
  const bytes = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__DEMO_2A_Fuzzy_Lookup_COMPLETE.dtsx'));
  const original = readPackage(bytes);
  const pkg = readPackage(bytes);
  const last = pkg.executables[pkg.executables.length - 1];
  addVariable(pkg, { name: 'Added', dataType: 3, value: '5' });
  const task = addExecuteSqlTask(pkg, { name: 'After', connection: pkg.connectionManagers[0], sql: 'SELECT 1' });
  addPrecedenceConstraint(pkg, last, task, { value: 'Completion' });
  const saved = writePackage(pkg);
  const again = readPackage(saved, { tool: 2008 });
  assert.equal(again.sourceFormat, 3);
  assert.deepEqual(again.problems, []);
  assert.equal(again.variables.find((v) => v.name === 'Added')?.value, '5');
  assert.equal(again.precedenceConstraints.at(-1)?.to, 'Package\\After');
  assert.equal(again.precedenceConstraints.at(-1)?.value, 2);
  // everything that was there is still there, data flow lineage included
  again.variables = again.variables.filter((v) => v.name !== 'Added');
  again.executables = again.executables.filter((e) => e.name !== 'After');
  again.precedenceConstraints = again.precedenceConstraints.slice(0, -1);
  assert.deepEqual(packageShape(again), packageShape(original));
  assert.equal(readPackage(writePackage(pkg, { format: 8 })).sourceFormat, 8);
});

test('an edited 2005 package is not written back as format 2', () => {
  const pkg = readPackage(readFileSync(join(CORPUS_DIR, 'v2', 'linusamcm-source__msb_ssis2sql__SSMS-Export-to-Excel.dtsx')));
  addVariable(pkg, { name: 'Added' });
  assert.throws(() => writePackage(pkg), /formats 3 \(2008\), 6 \(2012\) and 8 \(2014\), not 2/);
  assert.equal(readPackage(writePackage(pkg, { format: 3 }), { tool: 2008 }).variables.some((v) => v.name === 'Added'), true);
});
