// Tests of the File System, Execute Process, Send Mail (against a local SMTP server), Script, Execute Package and unsupported tasks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { runSpec, taskSpec, constraint, variable, connectionSpec, packageOf, type PackageSpec } from '../runtime/index.ts';
import { splitArguments } from './execute-process.ts';
import { smtpSettings } from './send-mail.ts';
import { splitRows, delimiterOf } from './bulk-insert.ts';
import { tableFor } from '../runtime/index.ts';
import { ftpOperation, matchRemote } from './ftp.ts';
import './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const fs = (name: string, operation: string, source: string, destination = '', extra: Record<string, unknown> = {}) =>
  taskSpec(name, 'FileSystem', { operation, source, isSourceVariable: false, destination, isDestinationVariable: false, overwriteDestination: false, attributes: '', ...extra });

test('File System task: every operation on files and folders', async () => {
  const root = join(dir, 'fs');
  mkdirSync(root);
  writeFileSync(join(root, 'a.txt'), 'hello');
  const conns = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'sub', 'sub2', 'sub3'].map((n) => connectionSpec(n, 'FILE', join(root, n)));
  const steps = [
    fs('Copy', 'CopyFile', 'a.txt', 'b.txt'),
    fs('Rename', 'RenameFile', 'b.txt', 'c.txt'),
    fs('MkDir', 'CreateDirectory', 'sub'),
    fs('Move', 'MoveFile', 'c.txt', 'sub'),
    fs('CopyDir', 'CopyDirectory', 'sub', 'sub2'),
    fs('MoveDir', 'MoveDirectory', 'sub2', 'sub3'),
    fs('ReadOnly', 'SetAttributes', 'a.txt', '', { attributes: 'ReadOnly' }),
    fs('Empty', 'DeleteDirectoryContent', 'sub'),
    fs('RmDir', 'DeleteDirectory', 'sub'),
    fs('ByVariable', 'DeleteFile', 'User::Victim', '', { isSourceVariable: true }),
  ];
  writeFileSync(join(root, 'd.txt'), 'bye');
  const p = packageOf(steps, { connections: conns, variables: [variable('Victim', 8, join(root, 'd.txt'))], constraints: steps.slice(1).map((_, i) => constraint(i, i + 1)) });
  const { outcome, events } = await runSpec(p);
  assert.equal(outcome.result, 0, events.filter((e) => e.event === 'OnError').map((e) => e.message).join('\n'));
  assert.equal(readFileSync(join(root, 'sub3', 'c.txt'), 'utf8'), 'hello');
  assert.ok(!existsSync(join(root, 'sub')) && !existsSync(join(root, 'sub2')) && !existsSync(join(root, 'd.txt')));
  assert.equal(statSync(join(root, 'a.txt')).mode & 0o222, 0);
  const again = await runSpec(packageOf([fs('Copy', 'CopyFile', 'a.txt', 'sub3/c.txt')], { connections: [...conns, connectionSpec('sub3/c.txt', 'FILE', join(root, 'sub3', 'c.txt'))] }));
  assert.equal(again.outcome.result, 1);
  assert.match(again.events.find((e) => e.event === 'OnError')!.message, /already exists/);
});

test('Execute Process task: arguments, stdin/stdout/stderr variables, success value, timeout', async () => {
  const exe = (name: string, args: string, extra: Record<string, unknown> = {}) =>
    taskSpec(name, 'ExecuteProcess', { executable: process.execPath, arguments: args, workingDirectory: dir, standardInputVariable: '', standardOutputVariable: 'User::Out', standardErrorVariable: 'User::Err', successValue: 0, failTaskIfReturnCodeIsNotSuccessValue: true, timeout: 0, ...extra });
  const vars = [variable('Out', 8, ''), variable('Err', 8, ''), variable('In', 8, 'piped')];
  const ok = await runSpec(packageOf([exe('Echo', '-e "process.stdin.pipe(process.stdout); console.error(process.cwd())"', { standardInputVariable: 'User::In' })], { variables: vars }));
  assert.equal(ok.outcome.result, 0, ok.events.map((e) => e.message).join('\n'));
  assert.equal(ok.engine.root.scope.get('User::Out').value, 'piped');
  assert.equal(String(ok.engine.root.scope.get('User::Err').value).trim(), dir);
  const code = await runSpec(packageOf([exe('Exit3', '-e "process.exit(3)"')], { variables: vars }));
  assert.match(code.events.find((e) => e.event === 'OnError')!.message, /exit code was "3" while the expected was "0"/);
  const accepted = await runSpec(packageOf([exe('Exit3', '-e "process.exit(3)"', { successValue: 3 })], { variables: vars }));
  assert.equal(accepted.outcome.result, 0);
  const slow = await runSpec(packageOf([exe('Slow', '-e "setTimeout(() => {}, 20000)"', { timeout: 1 })], { variables: vars }));
  assert.match(slow.events.find((e) => e.event === 'OnError')!.message, /timed out after 1 seconds/);
  const missing = await runSpec(packageOf([exe('Missing', '', { executable: join(dir, 'no-such-program') })], { variables: vars }));
  assert.match(missing.events.find((e) => e.event === 'OnError')!.message, /could not be started/);
  assert.deepEqual(splitArguments('a "b c" d""e'), ['a', 'b c', 'd""e']);
});

test('Send Mail task: sends through the SMTP connection manager to a local server', async () => {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (d: Buffer) => (text += d.toString()));
      stream.on('end', () => {
        received.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.server.address() as { port: number }).port;
    const mail = taskSpec('Mail', 'SendMail', { smtpConnection: 'SMTP', from: 'etl@example.com', to: 'ops@example.com;dba@example.com', cc: '', bcc: '', subject: 'Load done', messageSourceType: 'Variable', messageSource: 'User::Body', priority: 'High', fileAttachments: '' });
    const p = packageOf([mail], { connections: [connectionSpec('SMTP', 'SMTP', `SmtpServer=127.0.0.1;Port=${port};UseWindowsAuthentication=False;EnableSsl=False;`)], variables: [variable('Body', 8, '42 rows loaded')] });
    const { outcome, events } = await runSpec(p);
    assert.equal(outcome.result, 0, events.map((e) => e.message).join('\n'));
    assert.equal(received.length, 1);
    assert.match(received[0]!, /Subject: Load done/);
    assert.match(received[0]!, /42 rows loaded/);
    assert.match(received[0]!, /To: ops@example.com, dba@example.com/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  assert.deepEqual(smtpSettings('SmtpServer=mail.local;EnableSsl=True;Port=465'), { host: 'mail.local', port: 465, secure: true });
  const none = await runSpec(packageOf([taskSpec('Mail', 'SendMail', { smtpConnection: 'SMTP', to: '', cc: '', bcc: '' })], { connections: [connectionSpec('SMTP', 'SMTP', 'SmtpServer=x;')] }));
  assert.match(none.events.find((e) => e.event === 'OnError')!.message, /no recipient/);
});

test('Script task: fails naming the task unless a JavaScript port is supplied', async () => {
  const script = taskSpec('Compute Total', 'Script', {});
  const p: PackageSpec = packageOf([script], { variables: [variable('Total', 3, 1)] });
  const missing = await runSpec(p);
  assert.equal(missing.outcome.result, 1);
  assert.match(missing.events.find((e) => e.event === 'OnError')!.message, /Script task "Compute Total".*cannot run/);
  const ported = await runSpec(p, {
    services: {
      scriptModule: async (t) => (t.name === 'Compute Total' ? { main: async (dts: { Variables: Record<string, { Value: unknown }>; Events: { FireInformation(c: number, s: string, d: string): Promise<void> }; TaskResult: number }) => {
        dts.Variables['User::Total']!.Value = (dts.Variables['User::Total']!.Value as number) + 41;
        await dts.Events.FireInformation(0, 'port', 'done');
      } } : undefined),
    },
  });
  assert.equal(ported.outcome.result, 0);
  assert.equal(ported.engine.root.scope.get('User::Total').value, 42);
  assert.ok(ported.events.some((e) => e.event === 'OnInformation' && e.message === 'done'));
});

test('Execute Package task runs a child in-process with parameter bindings', async () => {
  const child = packageOf([taskSpec('Double', 'Expression', { expression: '@[User::Result] = @[$Package::N] * 2' })], {
    name: 'Child', parameters: [{ scope: 'Package', name: 'N', dataType: 3, value: 0 }], variables: [variable('Result', 3, 0)],
  });
  let result: unknown;
  const parent = packageOf([taskSpec('Run Child', 'ExecutePackage', { useProjectReference: true, packageName: 'Child.dtsx', parameterAssignments: [{ parameterName: 'N', bindedVariableOrParameterName: 'User::Input' }] })], { variables: [variable('Input', 3, 21)] });
  const { outcome, events } = await runSpec(parent, {
    services: {
      loadPackage: async (ref) => {
        assert.equal(ref.projectPackage, 'Child.dtsx');
        return child;
      },
      runChildPackage: async (spec, opts) => {
        const params = spec.parameters.map((p) => ({ ...p, value: opts.parameters[p.name] ?? p.value }));
        const r = await runSpec({ ...spec, parameters: params });
        result = r.engine.root.scope.get('User::Result').value;
        return r.outcome.result;
      },
    },
  });
  assert.equal(outcome.result, 0, events.map((e) => e.message).join('\n'));
  assert.equal(result, 42);
});

test('Bulk Insert task loads a delimited file into a table (SQLite and PostgreSQL)', async () => {
  const file = join(dir, 'bulk.txt');
  writeFileSync(file, 'id|name\n1|one\n2|two\n3|\n');
  for (const url of [`sqlite:${join(dir, 'bulk.sqlite')}`, 'postgres://postgres@127.0.0.1:5432/test']) {
    const table = `opendts_bulk_${process.pid}_${Date.now()}`;
    const p = packageOf([
      taskSpec('Create', 'ExecuteSQL', { connection: 'Db', sqlStatementSource: `CREATE TABLE ${table} (id INT, name VARCHAR(10))`, resultSetType: 'ResultSetType_None' }),
      taskSpec('Load', 'BulkInsert', { raw: { DestinationConnection: 'Db', SourceConnection: 'Data', DestinationTableName: `[dbo].[${table}]`, ColumnDelimiter: 'Vertical Bar', RowDelimiter: '{LF}', FirstRow: '2' } }),
      taskSpec('Count', 'ExecuteSQL', { connection: 'Db', sqlStatementSource: `SELECT COUNT(*), COUNT(name) FROM ${table}`, resultSetType: 'ResultSetType_SingleRow', resultBindings: [{ resultName: '0', variableName: 'User::Rows' }, { resultName: '1', variableName: 'User::Named' }] }),
      taskSpec('Drop', 'ExecuteSQL', { connection: 'Db', sqlStatementSource: `DROP TABLE ${table}`, resultSetType: 'ResultSetType_None' }),
    ], {
      connections: [connectionSpec('Db', 'OLEDB', url), connectionSpec('Data', 'FILE', file)],
      variables: [variable('Rows', 3, 0), variable('Named', 3, 0)],
      constraints: [constraint(0, 1), constraint(1, 2), constraint(2, 3, { value: 2 })],
    });
    const { outcome, events, engine } = await runSpec(p);
    assert.equal(outcome.result, 0, events.filter((e) => e.event === 'OnError').map((e) => e.message).join('\n'));
    assert.equal(engine.root.scope.get('User::Rows').value, 3);
    assert.equal(engine.root.scope.get('User::Named').value, 2);
  }
  assert.deepEqual(splitRows('a,b\r\nc,d\r\n', '\r\n', ',', 1, 0), [['a', 'b'], ['c', 'd']]);
  assert.equal(tableFor('[dbo].[T]', 'postgres'), 'T');
  assert.equal(tableFor('[dbo].[T]', 'mssql'), 'dbo.T');
  assert.equal(tableFor('[dbo].[SSIS Configurations]', 'mysql'), '`SSIS Configurations`');
  assert.equal(delimiterOf('Tab', ','), '\t');
});

test('FTP task: operations, wildcards, local folders, and an unreachable server failing clearly', async () => {
  assert.equal(ftpOperation('Receive'), 'Receive');
  assert.equal(ftpOperation('5'), 'MakeDirRemote');
  assert.equal(ftpOperation(undefined), 'Send');
  assert.throws(() => ftpOperation('Teleport'), /not valid/);
  assert.deepEqual(matchRemote('/in/*.csv', ['a.csv', 'b.txt', 'C.CSV']), ['/in/a.csv', '/in/C.CSV']);
  assert.deepEqual(matchRemote('/in/x.txt', []), ['/in/x.txt']);
  const folder = join(dir, 'ftp-local');
  const ftp = (name: string, raw: Record<string, string>) => taskSpec(name, 'FTP', { raw: { ConnectionName: 'Ftp', ...raw } });
  const conns = [connectionSpec('Ftp', 'FTP', '127.0.0.1:1'), connectionSpec('Local', 'FILE', folder)];
  const made = await runSpec(packageOf([ftp('Mk', { TaskOperationType: 'MakeDirLocal', TaskLocalPath: 'Local' })], { connections: conns }));
  assert.equal(made.outcome.result, 0, made.events.map((e) => e.message).join('\n'));
  assert.ok(statSync(folder).isDirectory());
  const refused = await runSpec(packageOf([ftp('Get', { TaskOperationType: 'Receive', TaskLocalPath: 'Local', TaskRemotePath: '/x/*.txt' })], { connections: conns }));
  assert.equal(refused.outcome.result, 1);
  assert.match(refused.events.find((e) => e.event === 'OnError')!.message, /FTP operation \(Receive on 127\.0\.0\.1:1\)/);
});
