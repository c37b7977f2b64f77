// The golden packages, built with the package API in the 2008, 2012 and 2014 formats. `node --import tsx test/packages/golden-packages.ts` rewrites the .dtsx files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPackage, sequentialIds, addVariable, addConnectionManager, addExecuteSqlTask, addExpressionTask, addSequence, addForLoop,
  addForeachLoop, addPrecedenceConstraint, addEventHandler, addExecutePackageTask, writePackage,
} from '../../src/format/index.ts';
import type { Package, WritableFormat } from '../../src/package/index.ts';

/** The formats each golden package exists in, by the year of the tools. */
export const FORMATS: Readonly<Record<2008 | 2012 | 2014, WritableFormat>> = { 2008: 3, 2012: 6, 2014: 8 };

type Builder = (format: WritableFormat) => Package;

const db = (pkg: Package) => addConnectionManager(pkg, { name: 'Db', type: 'OLEDB', connectionString: 'Data Source=localhost;Initial Catalog=Golden;Provider=SQLNCLI11.1;Integrated Security=SSPI;' });
const insert = (container: Parameters<typeof addExecuteSqlTask>[0], name: string, key: string, variable: string) =>
  addExecuteSqlTask(container, { name, connection: 'Db', sql: `INSERT INTO results (k, v) VALUES ('${key}', ?)`, parameterBindings: [{ name: '0', variable }] });

/**
 * Control flow: a For Loop, a Sequence whose failing task takes the Failure path, an expression
 * constraint, a disabled task, an OnError handler, EvaluateAsExpression and MaximumErrorCount.
 */
const controlFlow: Builder = (format) => {
  const pkg = createPackage({ name: 'ControlFlow', format, ids: sequentialIds(1), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  pkg.maxErrorCount = 10;
  db(pkg);
  addVariable(pkg, { name: 'I', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'Twice', dataType: 3, expression: '@[User::I] * 2', value: '0' });
  addVariable(pkg, { name: 'ErrorCode', dataType: 3, value: '0' });
  const create = addExecuteSqlTask(pkg, { name: 'Create results', connection: 'Db', sql: 'CREATE TABLE results (k VARCHAR(50), v INT)' });
  const loop = addForLoop(pkg, { name: 'Count to ten', init: '@[User::I] = 0', eval: '@[User::I] < 10', assign: '@[User::I] = @[User::I] + 1' });
  insert(loop, 'Record I', 'loop', 'User::I');
  const seq = addSequence(pkg, { name: 'Try' });
  const bad = addExecuteSqlTask(seq, { name: 'Failing SQL', connection: 'Db', sql: 'SELECT * FROM no_such_table' });
  const onFailure = insert(seq, 'On failure', 'failure-path', 'User::I');
  const onSuccess = insert(seq, 'On success', 'success-path', 'User::I');
  addPrecedenceConstraint(seq, bad, onFailure, { value: 'Failure' });
  addPrecedenceConstraint(seq, bad, onSuccess, { value: 'Success' });
  const twice = insert(pkg, 'Record Twice', 'twice', 'User::Twice');
  const disabled = insert(pkg, 'Disabled', 'disabled', 'User::I');
  disabled.disabled = true;
  const never = insert(pkg, 'Expression false', 'never', 'User::I');
  addPrecedenceConstraint(pkg, create, loop);
  addPrecedenceConstraint(pkg, loop, seq, { expression: '@[User::I] == 10' });
  addPrecedenceConstraint(pkg, seq, twice, { value: 'Completion' });
  addPrecedenceConstraint(pkg, twice, disabled);
  addPrecedenceConstraint(pkg, disabled, never, { evalOp: 'Expression', expression: '@[User::I] > 10' });
  const handler = addEventHandler(pkg, 'OnError');
  addExecuteSqlTask(handler, { name: 'Log error', connection: 'Db', sql: "INSERT INTO results (k, v) VALUES ('onerror', ?)", parameterBindings: [{ name: '0', variable: 'System::ErrorCode' }] });
  return pkg;
};

/** The Expression task (2012 and later) in a For Loop: the loop of the benchmark. */
const expressionLoop: Builder = (format) => {
  const pkg = createPackage({ name: 'ExpressionLoop', format, ids: sequentialIds(1), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  db(pkg);
  addVariable(pkg, { name: 'I', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'Sum', dataType: 20, value: '0' });
  addVariable(pkg, { name: 'N', dataType: 3, value: '100' });
  const loop = addForLoop(pkg, { name: 'Loop', init: '@[User::I] = 0', eval: '@[User::I] < @[User::N]', assign: '@[User::I] = @[User::I] + 1' });
  addExpressionTask(loop, { name: 'Add', expression: '@[User::Sum] = @[User::Sum] + @[User::I]' });
  const create = addExecuteSqlTask(pkg, { name: 'Create results', connection: 'Db', sql: 'CREATE TABLE results (k VARCHAR(50), v BIGINT)' });
  const record = insert(pkg, 'Record Sum', 'sum', 'User::Sum');
  addPrecedenceConstraint(pkg, create, loop);
  addPrecedenceConstraint(pkg, loop, record);
  return pkg;
};

/** A Foreach File loop over the `in` folder beside the package, recording each file name. */
const foreachFiles: Builder = (format) => {
  const pkg = createPackage({ name: 'ForeachFiles', format, ids: sequentialIds(1), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  db(pkg);
  addVariable(pkg, { name: 'File', dataType: 8, value: '' });
  addVariable(pkg, { name: 'Count', dataType: 3, value: '0' });
  const create = addExecuteSqlTask(pkg, { name: 'Create results', connection: 'Db', sql: 'CREATE TABLE results (k VARCHAR(50), v INT)' });
  const loop = addForeachLoop(pkg, { name: 'Each CSV', enumerator: { kind: 'File', folder: 'in', fileSpec: '*.csv', retrieve: 'NameAndExtension' }, mappings: [{ variable: 'User::File' }] });
  addExecuteSqlTask(loop, { name: 'Record file', connection: 'Db', sql: 'INSERT INTO results (k, v) VALUES (?, 1)', parameterBindings: [{ name: '0', variable: 'User::File' }] });
  addPrecedenceConstraint(pkg, create, loop);
  return pkg;
};

/** A transacted Sequence: its insert is rolled back when the next task fails; the count is recorded after. */
const transaction: Builder = (format) => {
  const pkg = createPackage({ name: 'Transaction', format, ids: sequentialIds(1), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  pkg.maxErrorCount = 10;
  db(pkg);
  addVariable(pkg, { name: 'Rows', dataType: 3, value: '-1' });
  const create = addExecuteSqlTask(pkg, { name: 'Create results', connection: 'Db', sql: 'CREATE TABLE results (k VARCHAR(50), v INT)' });
  const seq = addSequence(pkg, { name: 'Transacted' });
  seq.transactionOption = 2;
  const ins = addExecuteSqlTask(seq, { name: 'Insert', connection: 'Db', sql: "INSERT INTO results (k, v) VALUES ('rolled-back', 1)" });
  const fail = addExecuteSqlTask(seq, { name: 'Fail', connection: 'Db', sql: 'SELECT * FROM no_such_table' });
  addPrecedenceConstraint(seq, ins, fail);
  const count = addExecuteSqlTask(pkg, { name: 'Count', connection: 'Db', sql: 'SELECT COUNT(*) FROM results', resultSet: 'SingleRow', resultBindings: [{ resultName: '0', variable: 'User::Rows' }] });
  const record = insert(pkg, 'Record count', 'rows', 'User::Rows');
  addPrecedenceConstraint(pkg, create, seq);
  addPrecedenceConstraint(pkg, seq, count, { value: 'Completion' });
  addPrecedenceConstraint(pkg, count, record);
  return pkg;
};

/** A parent running a child package (file reference, in-process) that writes to the same database. */
const executePackage: Builder = (format) => {
  const year = Object.entries(FORMATS).find(([, f]) => f === format)![0];
  const pkg = createPackage({ name: 'Parent', format, ids: sequentialIds(1), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  db(pkg);
  addConnectionManager(pkg, { name: 'Child', type: 'FILE', connectionString: `child-${year}.dtsx` });
  const create = addExecuteSqlTask(pkg, { name: 'Create results', connection: 'Db', sql: 'CREATE TABLE results (k VARCHAR(50), v INT)' });
  const run = addExecutePackageTask(pkg, { name: 'Run child', connection: 'Child' });
  const after = addExecuteSqlTask(pkg, { name: 'After child', connection: 'Db', sql: "INSERT INTO results (k, v) VALUES ('parent', 1)" });
  addPrecedenceConstraint(pkg, create, run);
  addPrecedenceConstraint(pkg, run, after);
  return pkg;
};

/** The child package of `execute-package`. */
const childPackage: Builder = (format) => {
  const pkg = createPackage({ name: 'Child', format, ids: sequentialIds(500), creationDate: '1/1/2014 12:00:00 PM', creatorName: 'opendts', creatorComputerName: 'golden' });
  db(pkg);
  addExecuteSqlTask(pkg, { name: 'Child insert', connection: 'Db', sql: "INSERT INTO results (k, v) VALUES ('child', 1)" });
  return pkg;
};

/** Every golden package: its builder, the tool years it exists for (the Expression task is 2012+), and other packages it needs beside it. */
export const GOLDEN: Readonly<Record<string, { build: Builder; years: readonly (2008 | 2012 | 2014)[]; companions?: Readonly<Record<string, Builder>> }>> = {
  'execute-package': { build: executePackage, years: [2008, 2012, 2014], companions: { child: childPackage } },
  'control-flow': { build: controlFlow, years: [2008, 2012, 2014] },
  'expression-loop': { build: expressionLoop, years: [2012, 2014] },
  'foreach-files': { build: foreachFiles, years: [2008, 2012, 2014] },
  transaction: { build: transaction, years: [2008, 2012, 2014] },
};

/** The file of a golden package for a tool year. */
export function goldenFile(name: string, year: 2008 | 2012 | 2014): string {
  return join(dirname(fileURLToPath(import.meta.url)), name, `${name}-${year}.dtsx`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, g] of Object.entries(GOLDEN)) {
    for (const year of g.years) {
      const format = FORMATS[year];
      writeFileSync(goldenFile(name, year), writePackage(g.build(format), { format }));
      for (const [companion, build] of Object.entries(g.companions ?? {})) {
        writeFileSync(join(dirname(goldenFile(name, year)), `${companion}-${year}.dtsx`), writePackage(build(format), { format }));
      }
    }
  }
}
