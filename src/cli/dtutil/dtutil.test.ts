// End-to-end tests of dtutil: the corpus moved between 2008, 2012 and 2014 instances (SQLite and PostgreSQL)
// and the file system, in-process through runTool and as real child processes of bin/dtutil.js.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { memoryIo } from '../io.ts';
import { runTool } from '../main.ts';
import { corpusPackages, pgInstanceUrl, tempRoot, CORPUS, REPO_ROOT } from '../../store/testing/fixtures.ts';
import { listInstances, dropInstance, loadFromStore, openInstance, readPackageHeader, readStoredPackage, resolveServer } from '../../store/index.ts';
import { installationOf } from '../../installation/index.ts';
import type { ToolYear } from '../../versions/index.ts';

const V3 = corpusPackages('v3');
const V6 = corpusPackages('v6');
const V8 = corpusPackages('v8');

describe('dtutil across versions and stores', () => {
  let root: string;
  let cleanup: () => void;
  let work: string;
  const env = (year: number) => ({ OPENDTS_HOME: root, OPENDTS_PINNED_VERSION: String(year) });
  async function dtutil(year: number, ...args: string[]) {
    const io = memoryIo(env(year), work);
    const code = await runTool('dtutil', args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }
  const stored = async (server: string, p: string, year: ToolYear = 2014) => Buffer.from((await loadFromStore({ root, server, path: p, year })).bytes);

  before(async () => {
    ({ root, cleanup } = tempRoot());
    work = path.join(root, 'work');
    fs.mkdirSync(work);
    for (const [name, year] of [
      ['S08', '2008'],
      ['S12', '2012'],
      ['S14', '2014'],
    ]) {
      const io = memoryIo({ OPENDTS_HOME: root }, work);
      assert.equal(await runTool('opendts', ['instance', 'create', name!, '--version', year!], io), 0, io.stderr.join('\n'));
    }
    const io = memoryIo({ OPENDTS_HOME: root }, work);
    assert.equal(await runTool('opendts', ['instance', 'create', 'PG14', '--version', '2014', '--url', pgInstanceUrl('dtutil')], io), 0, io.stderr.join('\n'));
  });
  after(async () => {
    for (const ref of listInstances(root)) await dropInstance(root, ref.name);
    cleanup();
  });

  test('each version imports the corpus of its own format into its instance, byte for byte', async () => {
    for (const [year, server, files] of [
      [2008, 'S08', V3],
      [2012, 'S12', V6],
      [2014, 'S14', V8],
    ] as const) {
      for (const [i, f] of files.entries()) {
        const r = await dtutil(year, '/FILE', f, '/DestServer', server, '/COPY', `SQL;p${i}`);
        assert.equal(r.code, 0, `${f}: ${r.err}`);
        assert.match(r.out, /^OpenDTS SSIS Package Utilities \(Microsoft SQL Server [^)]+\)\n/);
        assert.match(r.out, /The operation completed successfully\.$/);
        assert.ok(Buffer.compare(await stored(server, `p${i}`), fs.readFileSync(f)) === 0, f);
      }
    }
  });

  test('a newer instance imports from older ones, upgrading each package into its format', async () => {
    for (const [year, server, from, format] of [
      [2014, 'S14', 'S08', 8],
      [2014, 'S14', 'S12', 8],
      [2012, 'S12', 'S08', 6],
    ] as const) {
      const r = await dtutil(year, '/SQL', 'p0', '/SourceServer', from, '/DestServer', server, '/COPY', `SQL;from${from}`);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /upgraded from format \d to the format of SQL Server/);
      assert.equal(readPackageHeader(await stored(server, `from${from}`)).formatVersion, format);
    }
  });

  test('/MOVE from an older instance imports the package and removes it there', async () => {
    const r = await dtutil(2014, '/SQL', 'p5', '/SourceServer', 'S08', '/DestServer', 'S14', '/MOVE', 'SQL;movedFrom08');
    assert.equal(r.code, 0, r.err);
    assert.equal(readPackageHeader(await stored('S14', 'movedFrom08')).formatVersion, 8);
    assert.equal((await dtutil(2008, '/SQL', 'p5', '/SourceServer', 'S08', '/EXISTS')).code, 1);
  });

  test('nothing is exported to an older instance; an older tool neither reads nor writes a newer instance', async () => {
    let r = await dtutil(2014, '/SQL', 'p0', '/SourceServer', 'S14', '/DestServer', 'S08', '/COPY', 'SQL;down');
    assert.equal(r.code, 1);
    assert.match(r.err, /never exported to an older instance/);
    r = await dtutil(2008, '/SQL', 'p0', '/SourceServer', 'S14', '/DestServer', 'S08', '/COPY', 'SQL;down');
    assert.equal(r.code, 1);
    assert.match(r.err, /newer than this SQL Server 2008 tool/);
    r = await dtutil(2008, '/SQL', 'p0', '/SourceServer', 'S08', '/DestServer', 'S14', '/COPY', 'SQL;up');
    assert.equal(r.code, 1);
    r = await dtutil(2012, '/FILE', V8[0]!, '/COPY', `FILE;${path.join(work, 'x.dtsx')}`);
    assert.equal(r.code, 5);
    assert.match(r.err, /0xC001700A/);
    assert.equal(fs.existsSync(path.join(work, 'x.dtsx')), false);
  });

  test('copy and move between msdb, the Package Store and files keep the bytes', async () => {
    const out = path.join(work, 'out.dtsx');
    let r = await dtutil(2014, '/SQL', 'p1', '/SourceServer', 'S14', '/COPY', `FILE;${out}`);
    assert.equal(r.code, 0, r.err);
    assert.ok(Buffer.compare(fs.readFileSync(out), fs.readFileSync(V8[1]!)) === 0);
    r = await dtutil(2014, '/FCreate', 'DTS;File System;Daily');
    assert.equal(r.code, 0, r.err);
    r = await dtutil(2014, '/FILE', out, '/MOVE', 'DTS;File System\\Daily\\moved');
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.existsSync(out), false);
    const storeFile = path.join(installationOf(root, 2014).packages, 'Daily', 'moved.dtsx');
    assert.ok(Buffer.compare(fs.readFileSync(storeFile), fs.readFileSync(V8[1]!)) === 0);
    r = await dtutil(2014, '/DTS', 'File System\\Daily\\moved', '/MOVE', 'DTS;MSDB\\movedToMsdb');
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.existsSync(storeFile), false);
    assert.ok(Buffer.compare(await stored('S14', 'movedToMsdb'), fs.readFileSync(V8[1]!)) === 0);
    r = await dtutil(2014, '/FDirectory', 'DTS;File System;S');
    assert.equal(r.code, 0);
    assert.match(r.out, /<FOLDER> File System\\Daily$/m);
    r = await dtutil(2014, '/FILE', V8[2]!, '/DestServer', 'PG14', '/COPY', 'SQL;onpg');
    assert.equal(r.code, 0, r.err);
    assert.ok(Buffer.compare(await stored('PG14', 'onpg'), fs.readFileSync(V8[2]!)) === 0);
    r = await dtutil(2014, '/SQL', 'p3', '/SourceServer', 'S12', '/DestServer', 'PG14', '/COPY', 'SQL;from12');
    assert.equal(r.code, 0, r.err);
    assert.equal(readPackageHeader(await stored('PG14', 'from12')).formatVersion, 8);
  });

  test('folder actions in msdb and the Package Store', async () => {
    for (const [store, parent, extra] of [
      ['SQL', '\\', ['/SourceServer', 'S14']],
      ['DTS', 'File System', []],
    ] as const) {
      const run = (...args: string[]) => dtutil(2014, ...args, ...extra);
      assert.equal((await run('/FCreate', `${store};${parent};Ops`)).code, 0);
      const dup = await run('/FCreate', `${store};${parent};Ops`);
      assert.equal(dup.code, 1);
      assert.match(dup.err, /SSIS folder 'Ops' already exists in the specified parent folder\./);
      assert.equal((await run('/FExists', `${store};${parent}\\Ops`)).code, 0);
      assert.equal((await run('/FRename', `${store};${parent};Ops;Operations`)).code, 0);
      const gone = await run('/FExists', `${store};${parent}\\Ops`);
      assert.equal(gone.code, 1);
      assert.match(gone.out, /The specified folder does not exist\./);
      assert.equal((await run('/FCreate', `${store};${parent}\\Operations;Nightly`)).code, 0);
      const notEmpty = await run('/FDelete', `${store};${parent};Operations`);
      assert.equal(notEmpty.code, 1);
      assert.match(notEmpty.err, /contains packages and\/or other folders/);
      const listing = await run('/FDirectory', `${store};${parent};S`);
      assert.match(listing.out, /<FOLDER> .*Operations\\Nightly/);
      assert.equal((await run('/FDelete', `${store};${parent}\\Operations;Nightly`)).code, 0);
      assert.equal((await run('/FDelete', `${store};${parent};Operations`)).code, 0);
    }
    const older = await dtutil(2012, '/FCreate', 'SQL;\\;X', '/SourceServer', 'S14');
    assert.equal(older.code, 1);
    assert.match(older.err, /newer than this SQL Server 2012 tool/);
  });

  test('/DTS follows the top-level folders of the version\'s MsDtsSrvr.ini.xml', async () => {
    const inst = installationOf(root, 2014);
    const original = fs.readFileSync(inst.serviceConfigFile, 'utf8');
    const extra = path.join(work, 'shared-store');
    fs.mkdirSync(extra, { recursive: true });
    try {
      fs.writeFileSync(
        inst.serviceConfigFile,
        original.replace(
          '</TopLevelFolders>',
          `  <Folder xsi:type="SqlServerFolder">\r\n      <Name>Old 2008</Name>\r\n      <ServerName>S08</ServerName>\r\n    </Folder>\r\n` +
            `    <Folder xsi:type="FileSystemFolder">\r\n      <Name>Shared</Name>\r\n      <StorePath>${extra}</StorePath>\r\n    </Folder>\r\n  </TopLevelFolders>`,
        ),
      );
      assert.equal((await dtutil(2014, '/DTS', 'Old 2008\\p0', '/EXISTS')).code, 0);
      const r = await dtutil(2014, '/DTS', 'Old 2008\\p0', '/COPY', 'DTS;Shared\\from2008');
      assert.equal(r.code, 0, r.err);
      assert.ok(Buffer.compare(fs.readFileSync(path.join(extra, 'from2008.dtsx')), fs.readFileSync(V3[0]!)) === 0);
      assert.equal((await dtutil(2014, '/DTS', 'Old 2008\\p0', '/COPY', 'DTS;Old 2008\\back')).code, 1);
    } finally {
      fs.writeFileSync(inst.serviceConfigFile, original);
    }
  });

  test('Windows file paths are mapped by OPENDTS_PATH_MAP', async () => {
    const io = memoryIo({ ...env(2014), OPENDTS_PATH_MAP: `C:\\pkgs=${work}` }, '/');
    assert.equal(await runTool('dtutil', ['/FILE', V8[0]!, '/COPY', 'FILE;C:\\pkgs\\mapped.dtsx'], io), 0, io.stderr.join('\n'));
    assert.ok(fs.existsSync(path.join(work, 'mapped.dtsx')));
  });

  test('exists, delete and the not-found exit code', async () => {
    assert.equal((await dtutil(2014, '/SQL', 'p2', '/SourceServer', 'S14', '/EXISTS')).code, 0);
    const missing = await dtutil(2014, '/SQL', 'nope', '/SourceServer', 'S14', '/EXISTS');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /The specified package does not exist\./);
    assert.equal((await dtutil(2014, '/SQL', 'p2', '/SourceServer', 'S14', '/DEL')).code, 0);
    assert.equal((await dtutil(2014, '/SQL', 'p2', '/SourceServer', 'S14', '/DELETE')).code, 4);
    assert.equal((await dtutil(2014, '/FILE', path.join(work, 'none.dtsx'), '/COPY', 'FILE;x.dtsx')).code, 4);
    const noFolder = await dtutil(2014, '/FILE', V8[0]!, '/DestServer', 'S14', '/COPY', 'SQL;NoSuchFolder\\pkg');
    assert.equal(noFolder.code, 1);
    assert.match(noFolder.err, /The folder "\\NoSuchFolder" does not exist/);
    const noServer = await dtutil(2014, '/SQL', 'p0', '/SourceServer', 'NOSERVER', '/EXISTS');
    assert.equal(noServer.code, 1);
    assert.match(noServer.err, /"NOSERVER" is not a registered msdb instance/);
  });

  test('an existing destination is overwritten only with /Quiet', async () => {
    const dest = path.join(work, 'dup.dtsx');
    fs.writeFileSync(dest, 'old');
    let r = await dtutil(2014, '/FILE', V8[3]!, '/COPY', `FILE;${dest}`);
    assert.equal(r.code, 1);
    assert.match(r.out, /already exists\. Are you sure you want to overwrite it\? \(Y\/N\)/);
    assert.equal(fs.readFileSync(dest, 'utf8'), 'old');
    r = await dtutil(2014, '/FILE', V8[3]!, '/COPY', `FILE;${dest}`, '/Q');
    assert.equal(r.code, 0, r.err);
    assert.ok(Buffer.compare(fs.readFileSync(dest), fs.readFileSync(V8[3]!)) === 0);
    r = await dtutil(2014, '/FILE', V8[3]!, '/DestServer', 'S14', '/COPY', 'SQL;p3');
    assert.equal(r.code, 1);
    r = await dtutil(2014, '/FILE', V8[3]!, '/DestServer', 'S14', '/COPY', 'SQL;p3', '/Quiet');
    assert.equal(r.code, 0, r.err);
  });

  test('/IDRegenerate gives the copy a new ID and changes nothing else', async () => {
    const dest = path.join(work, 'newid.dtsx');
    const r = await dtutil(2014, '/I', '/FILE', V8[4]!, '/COPY', `FILE;${dest}`);
    assert.equal(r.code, 0, r.err);
    const before = fs.readFileSync(V8[4]!);
    const after = fs.readFileSync(dest);
    const oldId = readPackageHeader(before).id;
    const newId = readPackageHeader(after).id;
    assert.notEqual(newId, oldId);
    const masked = (b: Buffer, id: string) => b.toString('latin1').replace(new RegExp(id, 'gi'), '<ID>');
    assert.equal(masked(after, newId), masked(before, oldId));
    assert.equal(after.length, before.length);
    const inPlace = await dtutil(2014, '/IDRegenerate', '/FILE', dest);
    assert.equal(inPlace.code, 0, inPlace.err);
    assert.notEqual(readPackageHeader(fs.readFileSync(dest)).id, newId);
  });

  test('logins: a wrong password or unknown user is refused, a user without a role is denied', async () => {
    const io = memoryIo({ OPENDTS_HOME: root }, work);
    assert.equal(await runTool('opendts', ['instance', 'user', 'S14', 'op1', '--password', 'secret', '--role', 'db_ssisoperator'], io), 0, io.stderr.join('\n'));
    let r = await dtutil(2014, '/SQL', 'p0', '/SourceServer', 'S14', '/SourceUser', 'op1', '/SourcePassword', 'wrong', '/EXISTS');
    assert.equal(r.code, 1);
    assert.match(r.err, /Login failed for user 'op1'/);
    r = await dtutil(2014, '/SQL', 'p0', '/SourceServer', 'S14', '/SourceUser', 'op1', '/SourcePassword', 'secret', '/COPY', `FILE;${path.join(work, 'op.dtsx')}`);
    assert.equal(r.code, 0, r.err);
    r = await dtutil(2014, '/FILE', V8[0]!, '/DestServer', 'S14', '/DestUser', 'op1', '/DestPassword', 'secret', '/COPY', 'SQL;byop');
    assert.equal(r.code, 1);
    assert.match(r.err, /Access to Integration Services package 'byop' is denied\./);
  });

  test('/ENCRYPT saves with a new protection level; /DECRYPT opens it again', async () => {
    const enc = path.join(work, 'enc.dtsx');
    let r = await dtutil(2014, '/FILE', V8[0]!, '/ENCRYPT', `FILE;${enc};3;Secret1`);
    assert.equal(r.code, 0, r.err);
    assert.match(fs.readFileSync(enc, 'utf8'), /^\uFEFF?<\?xml[^>]*\?>\s*<EncryptedData /);
    r = await dtutil(2014, '/FILE', enc, '/DestServer', 'S14', '/COPY', 'SQL;encrypted');
    assert.equal(r.code, 5);
    assert.match(r.err, /0xC0014037/);
    r = await dtutil(2014, '/FILE', enc, '/Decrypt', 'Secret1', '/DestServer', 'S14', '/COPY', 'SQL;encrypted');
    assert.equal(r.code, 0, r.err);
    assert.ok(Buffer.compare(await stored('S14', 'encrypted'), fs.readFileSync(enc)) === 0);
    const s = await openInstance(resolveServer(root, 'S14', 2014));
    try {
      assert.equal((await readStoredPackage(s, 'encrypted'))!.isencrypted, true);
      assert.equal((await readStoredPackage(s, 'p1'))!.isencrypted, false);
    } finally {
      await s.close();
    }
    r = await dtutil(2014, '/FILE', enc, '/Decrypt', 'Secret1', '/ENCRYPT', `FILE;${enc};0`);
    assert.equal(r.code, 0, r.err);
    assert.equal(readPackageHeader(fs.readFileSync(enc)).protectionLevel, 0);
    const upgraded = path.join(work, 'upgraded.dtsx');
    r = await dtutil(2012, '/FILE', V3[1]!, '/ENCRYPT', `FILE;${upgraded};2;pw2`);
    assert.equal(r.code, 0, r.err);
    assert.equal(readPackageHeader(fs.readFileSync(upgraded)).formatVersion, 6, '/ENCRYPT saves in the tool\'s format');
    assert.equal(readPackageHeader(fs.readFileSync(upgraded)).protectionLevel, 2);
    r = await dtutil(2014, '/FILE', V8[0]!, '/ENCRYPT', `FILE;${path.join(work, 'uk.dtsx')};1`);
    assert.equal(r.code, 1);
    assert.match(r.err, /user key \(DPAPI\)/);
    r = await dtutil(2014, '/FILE', V8[0]!, '/ENCRYPT', `FILE;${path.join(work, 'ss.dtsx')};5`);
    assert.equal(r.code, 1);
    assert.match(r.err, /DTS_E_SERVERSTORAGEDISALLOWED/);
    r = await dtutil(2014, '/FILE', V8[0]!, '/DestServer', 'S14', '/ENCRYPT', 'SQL;serverstorage;5');
    assert.equal(r.code, 0, r.err);
    assert.equal(readPackageHeader(await stored('S14', 'serverstorage')).protectionLevel, 5);
  });

  test('the corpus package encrypted whole goes into a 2014 instance with its password', async () => {
    const file = path.join(CORPUS, 'other', 'rtumaykin__ssis-build__Package_221.dtsx');
    let r = await dtutil(2014, '/FILE', file, '/DestServer', 'S14', '/COPY', 'SQL;p221');
    assert.equal(r.code, 5);
    r = await dtutil(2014, '/FILE', file, '/DECRYPT', 'ssis123', '/DestServer', 'S14', '/COPY', 'SQL;p221');
    assert.equal(r.code, 0, r.err);
    assert.ok(Buffer.compare(await stored('S14', 'p221'), fs.readFileSync(file)) === 0);
  });

  test('features not built yet say so; bad command lines exit with 6', async () => {
    let r = await dtutil(2014, '/FILE', V8[0]!, '/SIGN', 'FILE;s.dtsx;ABCDEF');
    assert.equal(r.code, 1);
    assert.match(r.err, /\/SIGN .* is not supported yet/);
    r = await dtutil(2014, '/COPY');
    assert.equal(r.code, 6);
    r = await dtutil(2014, '/SQL', 'a', '/FILE', 'b', '/EXISTS');
    assert.equal(r.code, 6);
    assert.match(r.err, /cannot be combined/);
    const io = memoryIo({ OPENDTS_HOME: root, OPENDTS_PRODUCT_VERSION: '2016' }, work);
    assert.equal(await runTool('dtutil', ['/?'], io), 6);
    r = await dtutil(2014, '/Dump', '1234');
    assert.equal(r.code, 1);
    assert.match(r.err, /\/Dump .* is not supported/);
    assert.equal((await dtutil(2014, '/H', 'Nothing')).code, 6);
    r = await dtutil(2014, '/H', 'Q');
    assert.equal(r.code, 0);
    assert.match(r.out, /\/Q\[uiet\]/);
  });

  test('dtutil processes writing to one instance at the same time lose nothing', async () => {
    const bin = path.join(REPO_ROOT, 'bin', 'dtutil.js');
    const one = (args: string[]) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd: work, stdio: 'ignore', env: { ...process.env, OPENDTS_HOME: root, OPENDTS_PRODUCT_VERSION: '2014', OPENDTS_PINNED_VERSION: '' } });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    const jobs: Promise<number | null>[] = [];
    for (const server of ['S14', 'PG14']) {
      for (let i = 0; i < 3; i++) {
        jobs.push(one(['/FILE', V8[i]!, '/DestServer', server, '/COPY', `SQL;concurrent${i}`, '/Q']));
        jobs.push(one(['/FILE', V8[i]!, '/DestServer', server, '/COPY', 'SQL;concurrentShared', '/Q']));
      }
    }
    assert.deepEqual(await Promise.all(jobs), jobs.map(() => 0));
    for (const server of ['S14', 'PG14']) {
      for (let i = 0; i < 3; i++) assert.ok(Buffer.compare(await stored(server, `concurrent${i}`), fs.readFileSync(V8[i]!)) === 0);
      const shared = await stored(server, 'concurrentShared');
      assert.ok([0, 1, 2].some((i) => Buffer.compare(shared, fs.readFileSync(V8[i]!)) === 0));
    }
  });

  test('bin/dtutil.js runs as a real process with the version from the environment', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'dtutil.js');
    const run = (args: string[], year: string) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: work, env: { ...process.env, OPENDTS_HOME: root, OPENDTS_PRODUCT_VERSION: year, OPENDTS_PINNED_VERSION: '' } });
    let r = run(['/SQL', 'p0', '/SourceServer', 'S12', '/EXISTS'], '2012');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Version 11\.0\.\d+\.\d+ for 64-bit/);
    r = run(['-sql', 'p0', '-sources', 'S14', '-exists'], '2008');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /newer than this SQL Server 2008 tool/);
    r = run(['/FILE', V3[0]!, '/DestServer', 'S14', '/COPY', 'SQL;viaProcess'], '2014');
    assert.equal(r.status, 0, r.stderr);
    r = run(['/Nonsense'], '2014');
    assert.equal(r.status, 6);
  });
});
