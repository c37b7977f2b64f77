// Tests of `opendts instance`: create, list, drop, logins, roles and package roles, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { memoryIo } from '../io.ts';
import { runTool } from '../main.ts';
import { tempRoot, corpusPackages } from '../../store/testing/fixtures.ts';
import { installationOf, readSettings } from '../../installation/index.ts';
import { getPackageRoles, importPackage, openInstance, resolveServer, ROOT_FOLDER_ID } from '../../store/index.ts';

test('opendts instance create, list, user, role, package-roles and drop', async () => {
  const { root, cleanup } = tempRoot();
  const run = async (...args: string[]) => {
    const io = memoryIo({ OPENDTS_HOME: root });
    const code = await runTool('opendts', ['instance', ...args], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  try {
    assert.equal((await run('create', 'A12', '--version', '2012')).code, 0);
    assert.equal((await run('create', 'B12', '--version', '110', '--default')).code, 0);
    assert.equal(readSettings(installationOf(root, 2012)).defaultInstance, 'B12');
    const dup = await run('create', 'a12', '--version', '2014');
    assert.equal(dup.code, 1);
    assert.match(dup.err, /already registered/);
    assert.match((await run('create', 'X', '--version', '2016')).err, /unknown version "2016"/);
    assert.match((await run('create', '1bad', '--version', '2014')).err, /not a valid instance name/);
    assert.match((await run('create')).err, /missing arguments/);
    assert.match((await run('frobnicate')).err, /unknown command "frobnicate"/);
    const list = await run('list');
    assert.match(list.out, /^A12 +2012 +sqlite /m);
    assert.match(list.out, /^B12 +2012 +sqlite .*\(default\)$/m);
    assert.doesNotMatch(list.out, /^A12 .*\(default\)$/m);

    assert.equal((await run('user', 'A12', 'ann', '--password', 'pw', '--role', 'db_ssisltduser')).code, 0);
    assert.equal((await run('role', 'A12', 'readers')).code, 0);
    const badRole = await run('user', 'A12', 'bob', '--role', 'no_such_role');
    assert.equal(badRole.code, 1);
    assert.match(badRole.err, /The role 'no_such_role' does not exist/);
    const s = await openInstance(resolveServer(root, 'A12', 2012), { user: 'ann', password: 'pw' });
    try {
      await importPackage(s, 'annpkg', fs.readFileSync(corpusPackages('v6')[0]!));
    } finally {
      await s.close();
    }
    assert.equal((await run('package-roles', 'A12', 'annpkg', '--reader', 'readers')).code, 0);
    const admin = await openInstance(resolveServer(root, 'A12', 2012));
    try {
      assert.deepEqual(await getPackageRoles(admin, 'annpkg', ROOT_FOLDER_ID), { readrole: 'readers', writerole: null });
    } finally {
      await admin.close();
    }

    assert.equal((await run('drop', 'b12')).code, 0);
    assert.equal(readSettings(installationOf(root, 2012)).defaultInstance, 'A12');
    assert.equal((await run('drop', 'B12')).code, 1);
    assert.equal((await run('drop', 'A12')).code, 0);
    assert.match((await run('list')).out, /No instances are registered/);
  } finally {
    cleanup();
  }
});
