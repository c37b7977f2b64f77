// Bad input to dtexec: each gives a clear message and the exit code SSIS gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dtexec } from './dtexec-harness.ts';
import { goldenFile } from './golden-packages.ts';

const tmp = mkdtempSync(join(tmpdir(), 'opendts-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const pkg = goldenFile('foreach-files', 2014);
const db = () => `Db;sqlite:${join(tmp, `${Math.random().toString(36).slice(2)}.sqlite`)}`;

test('banner: product name and build of the version in force', async () => {
  const { out } = await dtexec(['/?'], 2008);
  assert.deepEqual(out.slice(0, 3), ['OpenDTS Execute Package Utility (Microsoft SQL Server 2008 R2 Integration Services, 100)', 'Version 10.50.6000.34 for 64-bit', 'OpenDTS is open source and is not a Microsoft product.']);
  assert.ok(out.includes('Usage: DTExec /option [value] [/option [value]] ...'));
  const y2014 = await dtexec(['/H'], 2014);
  assert.equal(y2014.out[1], 'Version 12.0.6024.0 for 64-bit');
  assert.ok(y2014.out.some((l) => l.startsWith('/Proj[ect]')));
  assert.ok(!out.some((l) => l.startsWith('/Proj[ect]')), 'the 2008 dtexec has no /Project');
  const pinned = await dtexec(['/?'], 2014, { OPENDTS_PINNED_VERSION: '110' });
  assert.equal(pinned.out[1], 'Version 11.0.7001.0 for 64-bit');
});

test('unknown switches and bad syntax: exit 6', async () => {
  for (const args of [['/Bogus'], ['/F'], ['/F', pkg, '/Rep', 'X'], ['/F', pkg, '/M', 'many'], ['/F', pkg, '/SQL', 'x'], ['nothing']]) {
    const { code, out } = await dtexec(args, 2014);
    assert.equal(code, 6, `${args.join(' ')}\n${out.join('\n')}`);
    assert.ok(out.length > 4);
  }
  assert.equal((await dtexec([], 2014)).code, 6);
});

test('a malformed or unknown /SET path: warning, "Could not set", exit 6', async () => {
  for (const path of ['\\Package.Variables[User::Nope].Value', '\\Package\\NoSuchTask.Properties[Disable]', 'Package.Variables']) {
    const { code, out } = await dtexec(['/F', pkg, '/Conn', db(), '/Set', `${path};1`], 2014);
    assert.equal(code, 6, out.join('\n'));
    assert.ok(out.some((l) => l.includes('0x80012017')), out.join('\n'));
    assert.ok(out.includes(`DTExec: Could not set ${path} value to 1.`), out.join('\n'));
  }
});

test('a package that is missing, not XML or not a package: exit 5', async () => {
  const missing = await dtexec(['/F', join(tmp, 'missing.dtsx')], 2014);
  assert.equal(missing.code, 5);
  assert.ok(missing.out.some((l) => /Could not load package ".*missing.dtsx" because of error 0xC0011002/.test(l)));
  writeFileSync(join(tmp, 'junk.dtsx'), 'this is not xml');
  const junk = await dtexec(['/F', join(tmp, 'junk.dtsx')], 2014);
  assert.equal(junk.code, 5);
  assert.ok(junk.out.some((l) => l.startsWith('Could not load package')));
});

test('an encrypted package without or with a wrong password: exit 5 naming the problem', async () => {
  const file = join(corpus, 'other', 'rtumaykin__ssis-build__Package_221.dtsx');
  for (const extra of [[], ['/De', 'wrong-password']]) {
    const { code, out } = await dtexec(['/F', file, ...extra], 2014);
    assert.equal(code, 5, out.join('\n'));
    assert.ok(out.some((l) => l.startsWith('Description:')));
  }
});

test('failing SQL and an unreachable server fail the package: exit 1', async () => {
  const unreachable = await dtexec(['/F', pkg, '/Conn', 'Db;postgres://postgres@127.0.0.1:1/none?connectTimeout=2'], 2014);
  assert.equal(unreachable.code, 1);
  assert.ok(unreachable.out.includes('DTExec: The package execution returned DTSER_FAILURE (1).'));
  assert.ok(unreachable.out.some((l) => l.startsWith('Error: ')));
  const sqlServer = await dtexec(['/F', pkg], 2014);
  assert.equal(sqlServer.code, 1);
  assert.ok(sqlServer.out.some((l) => /Windows authentication|cannot|not supported/i.test(l)), sqlServer.out.join('\n'));
  const failing = await dtexec(['/F', goldenFile('transaction', 2014), '/Conn', db(), '/Set', '\\Package.Properties[MaxErrorCount];1'], 2014);
  assert.equal(failing.code, 1, failing.out.join('\n'));
});

test('/Validate stops after validation; /VerifyPackageID refuses another package', async () => {
  const file = join(tmp, 'validate.sqlite');
  const v = await dtexec(['/F', pkg, '/Conn', `Db;sqlite:${file}`, '/Va'], 2014);
  assert.equal(v.code, 0, v.out.join('\n'));
  const wrong = await dtexec(['/F', pkg, '/VerifyP', '{00000000-0000-0000-0000-000000000000}'], 2014);
  assert.equal(wrong.code, 5);
  assert.ok(wrong.out.some((l) => l.includes('/VerifyPackageID')));
});

test('/ISServer is not supported (exit 6); /SQL with no instance cannot load (exit 5)', async () => {
  const is = await dtexec(['/ISServer', '\\SSISDB\\f\\p\\x.dtsx', '/Ser', '.'], 2014);
  assert.equal(is.code, 6);
  assert.ok(is.out.some((l) => /\/ISServer .*not supported yet/.test(l)));
  const sql = await dtexec(['/SQL', 'Folder\\Pkg'], 2014, { OPENDTS_HOME: join(tmp, 'empty-home') });
  assert.equal(sql.code, 5);
  assert.ok(sql.out.some((l) => /^Could not load package "Folder\\Pkg" because of error 0x/.test(l)), sql.out.join('\n'));
});

test('/L writes a text log of the run', async () => {
  const log = join(tmp, 'run.log');
  const run = await dtexec(['/F', pkg, '/Conn', db(), '/L', `DTS.LogProviderTextFile;${log}`, '/Rep', 'V'], 2014);
  assert.equal(run.code, 0, run.out.join('\n'));
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(log, 'utf8');
  assert.match(text, /^#Fields: event,computer,operator,source,sourceid,executionid,starttime,endtime,datacode,databytes,message/);
  assert.match(text, /\r\nPackageStart,/);
  assert.match(text, /\r\nPackageEnd,.*,0,0x,End of package execution\.\r\n$/);
});

test('Ctrl-C cancels the run cleanly: DTSER_CANCELED, exit 3', async () => {
  const { runTool } = await import('../../src/cli/main.ts');
  const { memoryIo } = await import('../../src/cli/io.ts');
  const ac = new AbortController();
  const io = { ...memoryIo({ OPENDTS_PRODUCT_VERSION: '2014' }, import.meta.dirname), signal: ac.signal };
  const pending = runTool('dtexec', ['/F', goldenFile('expression-loop', 2014), '/Conn', db(), '/Set', '\\Package.Variables[User::N].Value;100000000'], io);
  setTimeout(() => ac.abort(), 300);
  assert.equal(await pending, 3);
  assert.ok(io.stdout.includes('DTExec: The package execution returned DTSER_CANCELED (3).'), io.stdout.join('\n'));
});

test('/ConsoleLog echoes the chosen log entries with the chosen columns; /WarnAsError fails on a warning', async () => {
  const { code, out } = await dtexec(['/F', pkg, '/Conn', db(), '/Cons', 'NM;I;PackageStart'], 2014);
  assert.equal(code, 0, out.join('\n'));
  const entries = out.filter((l) => l.startsWith('Log: Name: '));
  assert.deepEqual(entries, ['Log: Name: PackageStart']);
  assert.ok(out.includes('    Message: Beginning of package execution.'));
  const warned = await dtexec(['/F', pkg, '/Conn', db(), '/Set', '\\Package\\Each CSV.Properties[FileSpec];*.none', '/W'], 2014);
  assert.equal(warned.code, 1, warned.out.join('\n'));
  assert.ok(warned.out.some((l) => l.startsWith('Warning: ')));
});

test('/ConfigFile and /Set apply in command-line order (the last one wins); /Par of a missing parameter is exit 6', async () => {
  const { default: Database } = await import('better-sqlite3');
  const config = join(tmp, 'n.dtsConfig');
  writeFileSync(config, '<?xml version="1.0"?><DTSConfiguration><Configuration ConfiguredType="Property" Path="\\Package.Variables[User::N].Properties[Value]" ValueType="Int32"><ConfiguredValue>10</ConfiguredValue></Configuration></DTSConfiguration>');
  const sum = async (args: string[]) => {
    const file = join(tmp, `${Math.random().toString(36).slice(2)}.sqlite`);
    const { code, out } = await dtexec(['/F', goldenFile('expression-loop', 2014), '/Conn', `Db;sqlite:${file}`, ...args], 2014);
    assert.equal(code, 0, out.join('\n'));
    const d = new Database(file, { readonly: true });
    const row = d.prepare('SELECT v FROM results').raw().get() as [number];
    d.close();
    return Number(row[0]);
  };
  assert.equal(await sum(['/ConfigFile', config]), 45);
  assert.equal(await sum(['/ConfigFile', config, '/Set', '\\Package.Variables[User::N].Value;5']), 10);
  assert.equal(await sum(['/Set', '\\Package.Variables[User::N].Value;5', '/ConfigFile', config]), 45);
  const par = await dtexec(['/F', goldenFile('expression-loop', 2014), '/Par', 'Missing;1'], 2014);
  assert.equal(par.code, 6);
});

test('a $Sensitive:: /Set value is never printed', async () => {
  const { code, out } = await dtexec(['/F', pkg, '/Conn', db(), '/Set', '$Sensitive::\\Package.Variables[User::Secret].Value;hunter2'], 2014);
  assert.equal(code, 6);
  assert.ok(out.includes('DTExec: Could not set \\Package.Variables[User::Secret].Value value to ********.'), out.join('\n'));
  assert.ok(!out.join('\n').includes('hunter2'));
});
