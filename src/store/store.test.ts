// Tests of msdb instances side by side on SQLite and PostgreSQL: byte-exact storage, upgrade on import,
// refusals between versions, transactions, the sp_ssis_* procedures and msdb's roles.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  addLogEntry,
  addLogin,
  addRole,
  addRoleMember,
  assertReadable,
  assertTransfer,
  assertWritable,
  createInstance,
  createStoredFolder,
  deleteStoredFolder,
  dropInstance,
  findFolderId,
  getPackageRoles,
  grantInstanceAccess,
  importPackage,
  listInstances,
  listPackageStore,
  listStoredFolder,
  loadFromStore,
  msdbErrorNumber,
  openInstance,
  PackageExistsError,
  packageBackups,
  readPackageHeader,
  readStoredPackage,
  removeStoredPackage,
  renameStoredFolder,
  resolveServer,
  setPackageRoles,
  storedPackageExists,
  ROOT_FOLDER_ID,
  type InstanceRef,
  type MsdbSession,
} from './index.ts';
import { corpusPackages, pgInstanceUrl, tempRoot } from './testing/fixtures.ts';
import type { ToolYear } from '../versions/index.ts';
import { installationOf } from '../installation/index.ts';

const V2 = corpusPackages('v2');
const V3 = corpusPackages('v3');
const V6 = corpusPackages('v6');
const V8 = corpusPackages('v8');
const read = (f: string) => fs.readFileSync(f);
const count = async (s: MsdbSession) => Number((await s.db.query('SELECT count(*) AS n FROM sysssispackages'))[0]!.n);

async function rejectsWith(p: Promise<unknown>, number: number): Promise<void> {
  await assert.rejects(p, (e: unknown) => msdbErrorNumber(e) === number);
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`msdb instances side by side on ${backend}`, () => {
    let root: string;
    let cleanup: () => void;
    const refs = new Map<ToolYear, InstanceRef>();
    before(async () => {
      ({ root, cleanup } = tempRoot());
      for (const year of [2008, 2012, 2014] as const) {
        refs.set(year, await createInstance(root, `I${year}`, year, { ...(backend === 'postgres' ? { url: pgInstanceUrl(`i${year}`) } : {}), backupOriginals: year === 2014 }));
      }
    });
    after(async () => {
      for (const ref of listInstances(root)) await dropInstance(root, ref.name);
      cleanup();
    });
    const open = (year: ToolYear, creds = {}) => openInstance(refs.get(year)!, creds);

    test('instances are registered in the settings of their version and found by name', () => {
      assert.deepEqual(
        listInstances(root).map((r) => [r.name, r.year]),
        [
          ['I2008', 2008],
          ['I2012', 2012],
          ['I2014', 2014],
        ],
      );
      assert.equal(resolveServer(root, 'i2012', 2014).year, 2012);
      assert.equal(resolveServer(root, '.', 2008).name, 'I2008');
      assert.equal(resolveServer(root, 'localhost\\I2014', 2008).name, 'I2014');
      assert.throws(() => resolveServer(root, 'NOPE', 2014), /not a registered msdb instance/);
    });

    test('each instance stores the corpus packages of its own format byte for byte', async () => {
      for (const [year, files] of [
        [2008, V3],
        [2012, V6],
        [2014, V8],
      ] as const) {
        const s = await open(year);
        try {
          for (const [i, f] of files.entries()) {
            const r = await importPackage(s, `own${i}`, read(f), { fileName: f });
            assert.equal(r.upgradedFrom, undefined);
            const row = await readStoredPackage(s, `own${i}`);
            assert.ok(row, f);
            assert.ok(Buffer.compare(row.packagedata, read(f)) === 0, `byte-exact: ${f}`);
            const h = readPackageHeader(read(f));
            assert.equal(row.id, h.id);
            assert.equal(row.verid, h.versionGuid);
            assert.equal(row.verbuild, h.versionBuild);
            assert.equal(row.packageformat, 3);
            assert.equal(row.folderid, ROOT_FOLDER_ID);
          }
          assert.equal(await count(s), files.length);
        } finally {
          await s.close();
        }
      }
    });

    test('a package from an older format is upgraded into the instance format on import; the original is kept as a backup', async () => {
      const s = await open(2014);
      try {
        for (const [i, f] of [...V2, ...V3, ...V6].entries()) {
          const original = read(f);
          const r = await importPackage(s, `up${i}`, original, { fileName: f });
          assert.equal(r.upgradedFrom, readPackageHeader(original).formatVersion);
          const row = (await readStoredPackage(s, `up${i}`))!;
          assert.equal(readPackageHeader(row.packagedata).formatVersion, 8);
          assert.equal(row.id, readPackageHeader(original).id);
          const [backup] = await packageBackups(s, `up${i}`);
          assert.ok(backup && Buffer.compare(backup.packagedata, original) === 0);
        }
      } finally {
        await s.close();
      }
      const s12 = await open(2012);
      try {
        await importPackage(s12, 'from2008', read(V3[0]!));
        assert.equal(readPackageHeader((await readStoredPackage(s12, 'from2008'))!.packagedata).formatVersion, 6);
        assert.deepEqual(await packageBackups(s12, 'from2008'), [], 'no backup unless the instance keeps them');
      } finally {
        await s12.close();
      }
      const s08 = await open(2008);
      try {
        for (const [i, f] of V2.entries()) {
          assert.equal((await importPackage(s08, `from2005_${i}`, read(f))).upgradedFrom, 2);
          const row = (await readStoredPackage(s08, `from2005_${i}`))!;
          assert.equal(readPackageHeader(row.packagedata).formatVersion, 3);
          assert.equal(row.packageformat, 3);
        }
      } finally {
        await s08.close();
      }
    });

    test('an instance refuses packages of a newer format, and a package that does not load; the store is left as it was', async () => {
      const s = await open(2008);
      try {
        const before = await count(s);
        await assert.rejects(importPackage(s, 'newer', read(V6[0]!)), /0xC001700A|version number in the package is not valid/);
        await assert.rejects(importPackage(s, 'newer8', read(V8[0]!)), (e: Error & { code?: string }) => e.code === '0xC001700A');
        await assert.rejects(importPackage(s, 'broken', Buffer.from('<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"><DTS:Property DTS:Name="PackageFormatVersion">3</DTS:Prop')));
        await assert.rejects(importPackage(s, 'notxml', Buffer.from('hello')));
        await assert.rejects(importPackage(s, 'NoSuchFolder\\pkg', read(V3[0]!)), /folder/);
        assert.equal(await count(s), before);
        assert.equal(await storedPackageExists(s, 'newer'), false);
      } finally {
        await s.close();
      }
    });

    test('the rules between versions: newer imports from older, nothing goes to an older instance', () => {
      const r = (y: ToolYear) => refs.get(y)!;
      assert.doesNotThrow(() => assertTransfer(r(2008), r(2014)));
      assert.throws(() => assertTransfer(r(2014), r(2012)), /never exported to an older instance/);
      assert.throws(() => assertReadable(r(2014), 2008), /older version neither imports from nor exports to a newer instance/);
      assert.doesNotThrow(() => assertReadable(r(2008), 2014));
      assert.throws(() => assertWritable(r(2008), 2014), /older than this SQL Server 2014 tool/);
      assert.throws(() => assertWritable(r(2014), 2012), /newer than this SQL Server 2012 tool/);
    });

    test('loadFromStore gives dtexec the stored bytes and refuses an instance newer than the tool', async () => {
      const got = await loadFromStore({ root, server: 'I2012', path: 'own0', year: 2014 });
      assert.ok(Buffer.compare(Buffer.from(got.bytes), read(V6[0]!)) === 0);
      assert.equal(got.instance?.year, 2012);
      await assert.rejects(loadFromStore({ root, server: 'I2014', path: 'own0', year: 2012 }), /newer than this SQL Server 2012 tool/);
      await assert.rejects(loadFromStore({ root, server: 'I2014', path: 'missing', year: 2014 }), (e: Error & { symbol?: string }) => e.symbol === 'DTS_E_PACKAGENOTFOUND');
      // dtexec /DTS: the Package Store's top-level folders (MSDB = the default instance, File System = DTS/Packages).
      fs.writeFileSync(path.join(installationOf(root, 2014).packages, 'inStore.dtsx'), read(V8[5]!));
      assert.ok(Buffer.compare(Buffer.from((await loadFromStore({ root, store: 'DTS', path: 'File System\\inStore', year: 2014 })).bytes), read(V8[5]!)) === 0);
      assert.ok(Buffer.compare(Buffer.from((await loadFromStore({ root, store: 'DTS', path: 'MSDB\\own0', year: 2014 })).bytes), read(V8[0]!)) === 0);
      await assert.rejects(loadFromStore({ root, store: 'DTS', path: 'File System\\absent', year: 2014 }), (e: Error & { symbol?: string }) => e.symbol === 'DTS_E_PACKAGENOTFOUND');
      // The service's "Stored Packages" tree: top-level folders, then each one's content.
      assert.deepEqual(
        (await listPackageStore(root, 2014, '')).map((e) => e.path),
        ['MSDB', 'File System'],
      );
      const tree = await listPackageStore(root, 2014, '', { recursive: true });
      assert.ok(tree.some((e) => e.kind === 'package' && e.path === 'File System\\inStore' && e.size === read(V8[5]!).length));
      assert.ok(tree.some((e) => e.kind === 'package' && e.path === 'MSDB\\own0'));
      assert.ok(tree.some((e) => e.kind === 'folder' && e.path === 'MSDB\\Maintenance Plans'));
    });

    test('folders: root and Maintenance Plans exist; duplicates, non-empty and root deletes are refused', async () => {
      const s = await open(2014);
      try {
        assert.ok((await listStoredFolder(s, '', false)).some((e) => e.kind === 'folder' && e.name === 'Maintenance Plans'));
        await createStoredFolder(s, '', 'Sales');
        await createStoredFolder(s, 'Sales', 'Daily');
        await rejectsWith(createStoredFolder(s, '', 'Sales'), 14591);
        await importPackage(s, 'Sales\\Daily\\load', read(V8[1]!));
        await rejectsWith(deleteStoredFolder(s, 'Sales'), 14593);
        await renameStoredFolder(s, 'Sales\\Daily', 'Nightly');
        assert.ok(await storedPackageExists(s, 'Sales\\Nightly\\load'));
        assert.deepEqual(
          (await listStoredFolder(s, 'Sales', true)).map((e) => e.path),
          ['Sales\\Nightly', 'Sales\\Nightly\\load'],
        );
        assert.equal(await removeStoredPackage(s, 'Sales\\Nightly\\load'), true);
        await deleteStoredFolder(s, 'Sales\\Nightly');
        await deleteStoredFolder(s, 'Sales');
        assert.equal(await findFolderId(s, ['Sales']), undefined);
        const { deleteFolder } = await import('./procedures/index.ts');
        await rejectsWith(deleteFolder(s, ROOT_FOLDER_ID), 14307);
      } finally {
        await s.close();
      }
    });

    test("roles: ltduser sees only its own packages, operator reads all and writes none, admin and per-package roles", async () => {
      const admin = await open(2014);
      const logins = backend === 'sqlite' ? ['ltd1', 'ltd2', 'oper', 'nobody', 'reader'] : [];
      try {
        await admin.db.transaction(async () => {
          await addRole(admin.db, 'pkg_readers');
          for (const l of logins) await addLogin(admin.db, l, `pw-${l}`);
          if (backend === 'sqlite') {
            await addRoleMember(admin.db, 'db_ssisltduser', 'ltd1');
            await addRoleMember(admin.db, 'db_ssisltduser', 'ltd2');
            await addRoleMember(admin.db, 'db_ssisoperator', 'oper');
            await addRoleMember(admin.db, 'pkg_readers', 'reader');
            await addRoleMember(admin.db, 'db_ssisltduser', 'reader');
          }
        });
        await importPackage(admin, 'adminpkg', read(V8[2]!));
      } finally {
        await admin.close();
      }
      if (backend === 'postgres') {
        // On PostgreSQL the user is the database login; the connection's login (a superuser) is sysadmin.
        const s = await open(2014);
        assert.equal(s.caller.sysadmin, true);
        const login = `opendts_u_${randomBytes(4).toString('hex')}`;
        try {
          await s.db.exec(`CREATE ROLE ${login} LOGIN PASSWORD 'pw'`);
          await addRoleMember(s.db, 'db_ssisltduser', login);
          await grantInstanceAccess(s.db, login);
          const ltd = await open(2014, { user: login, password: 'pw' });
          try {
            assert.equal(ltd.caller.login, login);
            assert.equal(ltd.caller.sysadmin, false);
            await importPackage(ltd, 'pgmine', read(V8[3]!));
            assert.ok(await readStoredPackage(ltd, 'pgmine'));
            await rejectsWith(readStoredPackage(ltd, 'adminpkg'), 14586);
            await rejectsWith(removeStoredPackage(ltd, 'adminpkg'), 14307);
          } finally {
            await ltd.close();
          }
        } finally {
          await s.db.exec(`DROP OWNED BY ${login}; DROP ROLE IF EXISTS ${login}`);
          await s.close();
        }
        await assert.rejects(openInstance(refs.get(2014)!, { user: 'opendts_no_such_login', password: 'x' }), (e) => msdbErrorNumber(e) === 18456);
        return;
      }
      const as = (user: string) => open(2014, { user, password: `pw-${user}` });
      await assert.rejects(open(2014, { user: 'ltd1', password: 'wrong' }), (e) => msdbErrorNumber(e) === 18456);
      await assert.rejects(open(2014, { user: 'ghost', password: 'x' }), (e) => msdbErrorNumber(e) === 18456);
      const ltd1 = await as('ltd1');
      const ltd2 = await as('ltd2');
      const oper = await as('oper');
      const nobody = await as('nobody');
      const reader = await as('reader');
      try {
        await importPackage(ltd1, 'mine', read(V8[3]!));
        assert.ok(await readStoredPackage(ltd1, 'mine'));
        await rejectsWith(readStoredPackage(ltd1, 'adminpkg'), 14586);
        await rejectsWith(readStoredPackage(ltd2, 'mine'), 14586);
        await rejectsWith(importPackage(ltd2, 'mine', read(V8[3]!), { overwrite: true }), 14307);
        await rejectsWith(removeStoredPackage(ltd2, 'mine'), 14307);
        assert.ok(await readStoredPackage(oper, 'mine'));
        assert.ok(await readStoredPackage(oper, 'adminpkg'));
        await rejectsWith(importPackage(oper, 'opernew', read(V8[3]!)), 14307);
        await rejectsWith(removeStoredPackage(oper, 'adminpkg'), 14307);
        await rejectsWith(importPackage(nobody, 'x', read(V8[3]!)), 14307);
        await rejectsWith(createStoredFolder(nobody, '', 'F'), 14591);
        // A reader role on ltd1's package lets its members read it, and only the owner or an admin may set it.
        await rejectsWith(setPackageRoles(ltd2, 'mine', ROOT_FOLDER_ID, 'pkg_readers', null), 14307);
        await rejectsWith(setPackageRoles(ltd1, 'mine', ROOT_FOLDER_ID, 'no_such_role', null), 15014);
        await setPackageRoles(ltd1, 'mine', ROOT_FOLDER_ID, 'pkg_readers', null);
        assert.deepEqual(await getPackageRoles(ltd1, 'mine', ROOT_FOLDER_ID), { readrole: 'pkg_readers', writerole: null });
        assert.ok(await readStoredPackage(reader, 'mine'));
        await rejectsWith(readStoredPackage(oper, 'mine'), 14307);
        assert.equal(await removeStoredPackage(ltd1, 'mine'), true);
      } finally {
        for (const s of [ltd1, ltd2, oper, nobody, reader]) await s.close();
      }
    });

    test('an existing package is replaced only when asked; sp_ssis_addlogentry writes sysssislog', async () => {
      const s = await open(2012);
      try {
        await importPackage(s, 'twice', read(V6[1]!));
        await assert.rejects(importPackage(s, 'twice', read(V6[2]!)), PackageExistsError);
        assert.ok(Buffer.compare((await readStoredPackage(s, 'twice'))!.packagedata, read(V6[1]!)) === 0);
        assert.equal((await importPackage(s, 'twice', read(V6[2]!), { overwrite: true })).action, 'updated');
        assert.ok(Buffer.compare((await readStoredPackage(s, 'twice'))!.packagedata, read(V6[2]!)) === 0);
        const t = new Date('2024-05-01T10:00:00Z');
        const id = '5A229C3E-AE1F-48D1-AEF4-0EEB5C9E081E';
        await addLogEntry(s.db, { event: 'PackageStart', computer: 'HOST', operator: 'me', source: 'Pkg', sourceid: id, executionid: id, starttime: t, endtime: t, datacode: 0, databytes: null, message: 'x'.repeat(3000) });
        const [row] = await s.db.query('SELECT event, datacode, message FROM sysssislog');
        assert.equal(row!.event, 'PackageStart');
        assert.equal(String(row!.message).length, 2048);
      } finally {
        await s.close();
      }
    });

    test('two processes writing to the same instance at once lose nothing', async () => {
      const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'concurrent-writer.ts');
      const n = 8;
      const run = (prefix: string) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', writer, root, 'I2014', prefix, String(n), V8[4]!], { stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr.on('data', (d) => (err += String(d)));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`writer ${prefix} exited ${code}: ${err}`))));
        });
      await Promise.all([run('a'), run('b')]);
      const s = await open(2014);
      try {
        for (const p of ['a', 'b']) for (let i = 0; i < n; i++) assert.ok(await storedPackageExists(s, `${p}${i}`), `${p}${i}`);
        assert.ok(await storedPackageExists(s, 'shared'));
      } finally {
        await s.close();
      }
    });
  });
}
