import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startService, type RunningService } from './index.ts';
import { CORPUS } from '../store/testing/fixtures.ts';
import { ApiClient } from './testing/client.ts';
import { quickPackage, serviceFixture, slowPackage, writeFixtureServiceConfig, type ServiceFixture } from './testing/fixtures.ts';

let fx: ServiceFixture;
let svc: RunningService;
let clock = Date.now();

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function admin(): Promise<ApiClient> {
  const c = new ApiClient(svc.url, 2014);
  assert.equal((await c.signIn('admin', 'admin-pw')).status, 200);
  return c;
}

before(async () => {
  fx = await serviceFixture();
  writeFixtureServiceConfig(fx.root);
  svc = await startService({ root: fx.root, year: 2014, now: () => clock, log: () => {} });
});

after(async () => {
  await svc.close();
  fx.cleanup();
});

test('health answers without sign-in; everything else needs a session and the same version', async () => {
  const anon = new ApiClient(svc.url, undefined);
  const health = await anon.call('GET', '/api/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.version, 2014);
  assert.equal((await anon.call('GET', '/api/store')).status, 400);
  const old = new ApiClient(svc.url, 2012);
  const refused = await old.call('POST', '/api/session', { user: 'admin', password: 'admin-pw' });
  assert.equal(refused.status, 409);
  assert.match(String(refused.body.error), /SQL Server 2014 .*2012 client cannot connect/);
  const same = new ApiClient(svc.url, 2014);
  assert.equal((await same.call('GET', '/api/store')).status, 401);
  assert.equal((await same.call('GET', '/api/executions')).status, 401);
  assert.equal((await same.call('GET', '/api/nothing')).status, 404);
  assert.equal((await same.call('PUT', '/api/store')).status, 405);
});

test('sign-in: wrong password, unknown user, bad input; the session, CSRF and sign-out', async () => {
  const c = new ApiClient(svc.url, 2014);
  assert.equal((await c.signIn('admin', 'wrong')).status, 401);
  assert.equal((await c.signIn('nobody', 'x')).status, 401);
  assert.equal((await c.call('POST', '/api/session', '{not json')).status, 400);
  assert.equal((await c.call('POST', '/api/session', { password: 'x' })).status, 400);
  assert.equal((await c.call('POST', '/api/session', { user: 'admin', password: 'admin-pw' }, { 'content-type': 'text/plain' })).status, 415);
  const ok = await c.signIn('admin', 'admin-pw');
  assert.equal(ok.body.admin, true);
  assert.deepEqual(ok.body.roles, ['db_ssisadmin']);
  assert.equal(JSON.stringify(ok.body).includes('admin-pw'), false);
  assert.equal((await c.call('GET', '/api/session')).body.login, 'admin');
  assert.equal((await c.call('POST', '/api/store/folders', { parent: 'File System', name: 'x' }, { 'x-csrf-token': undefined })).status, 403);
  assert.equal((await c.call('POST', '/api/store/folders', { parent: 'File System', name: 'x' }, { 'x-csrf-token': 'forged' })).status, 403);
  assert.equal((await c.call('DELETE', '/api/session')).status, 200);
  assert.equal((await c.call('GET', '/api/session')).status, 401);
});

test('a session expires after its time without requests', async () => {
  const c = await admin();
  clock += 29 * 60_000;
  assert.equal((await c.call('GET', '/api/session')).status, 200);
  clock += 31 * 60_000;
  const gone = await c.call('GET', '/api/session');
  assert.equal(gone.status, 401);
  assert.match(String(gone.body.error), /expired/);
});

test('the Stored Packages tree follows MsDtsSrvr.ini.xml; an older instance is listed but not writable', async () => {
  const c = await admin();
  const top = await c.call<{ folders: { name: string; kind: string; instance?: string; instanceVersion?: number; writable: boolean }[] }>('GET', '/api/store');
  assert.deepEqual(top.body.folders.map((f) => [f.name, f.kind, f.instance, f.instanceVersion, f.writable]), [
    ['MSDB', 'msdb', 'Main2014', 2014, true],
    ['MSDB 2012', 'msdb', 'Mid2012', 2012, false],
    ['MSDB 2008', 'msdb', 'Old2008', 2008, false],
    ['File System', 'file', undefined, undefined, true],
  ]);
  const msdb = await c.call<{ entries: { name: string; kind: string }[] }>('GET', '/api/store?path=MSDB');
  assert.ok(msdb.body.entries.some((e) => e.name === 'Maintenance Plans' && e.kind === 'folder'));
  assert.equal((await c.call('GET', '/api/store?path=Nowhere\\x')).status, 404);
});

test('import a 2008 package into the 2014 msdb: upgraded; details, diagrams, export; refusals to older instances explained', async () => {
  const c = await admin();
  const imported = await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'quick.dtsx', content: b64(quickPackage(3, fx.csv)) });
  assert.equal(imported.status, 201, JSON.stringify(imported.body));
  assert.equal(imported.body.upgradedFrom, 3);
  assert.equal((await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'quick', content: b64(quickPackage(3, fx.csv)) })).status, 409);
  assert.equal((await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'bad', content: '%%%' })).status, 400);
  assert.equal((await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'junk', content: b64(Buffer.from('<not a package/>')) })).status, 400);
  const details = await c.call<{ summary: { sourceFormat: number; dataFlows: unknown[] }; diagrams: { kind: string; layout: string; nodes: { id: string }[]; edges: unknown[] }[] }>(
    'GET', '/api/packages/details?path=MSDB\\quick');
  assert.equal(details.status, 200);
  assert.equal(details.body.summary.sourceFormat, 8);
  assert.deepEqual(details.body.diagrams.map((d) => [d.kind, d.nodes.length, d.edges.length]), [['controlFlow', 2, 1], ['dataFlow', 2, 1]]);
  const exported = await c.call('GET', '/api/packages/export?path=MSDB\\quick');
  assert.match((exported.body as unknown as Buffer).toString('utf8'), /PackageFormatVersion">8</);
  const toOld = await c.call('POST', '/api/packages/copy', { from: 'MSDB\\quick', folder: 'MSDB 2008' });
  assert.equal(toOld.status, 409);
  assert.equal(toOld.body.symbol, 'DTS_E_INVALIDVERSIONNUMBER');
  assert.match(String(toOld.body.error), /never exported to an older instance/);
  assert.match(String(toOld.body.rule), /never exports to an older instance/);
  const copied = await c.call('POST', '/api/packages/copy', { from: 'MSDB\\quick', folder: 'File System', name: 'quick copy' });
  assert.equal(copied.status, 201);
  assert.ok(fs.existsSync(path.join(fx.root, '120', 'DTS', 'Packages', 'quick copy.dtsx')));
});

test('folders and packages: create, rename, delete; bad names refused', async () => {
  const c = await admin();
  for (const top of ['MSDB', 'File System']) {
    assert.equal((await c.call('POST', '/api/store/folders', { parent: top, name: 'Daily' })).status, 201);
    assert.equal((await c.call('POST', '/api/store/folders', { parent: top, name: 'Daily' })).status, 409);
    assert.equal((await c.call('POST', '/api/store/folders', { parent: top, name: 'a\\b' })).status, 400);
    assert.equal((await c.call('POST', '/api/packages/import', { folder: `${top}\\Daily`, name: 'p', content: b64(quickPackage(8, fx.csv)) })).status, 201);
    assert.equal((await c.call('DELETE', `/api/store/folders?path=${encodeURIComponent(`${top}\\Daily`)}`)).status, 409);
    const renamed = await c.call('POST', '/api/packages/rename', { path: `${top}\\Daily\\p`, name: 'q' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const list = await c.call<{ entries: { name: string }[] }>('GET', `/api/store?path=${encodeURIComponent(`${top}\\Daily`)}`);
    assert.deepEqual(list.body.entries.map((e) => e.name), ['q']);
    assert.equal((await c.call('POST', '/api/store/folders/rename', { path: `${top}\\Daily`, name: 'Nightly' })).status, 200);
    assert.equal((await c.call('DELETE', `/api/packages?path=${encodeURIComponent(`${top}\\Nightly\\q`)}`)).status, 200);
    assert.equal((await c.call('DELETE', `/api/packages?path=${encodeURIComponent(`${top}\\Nightly\\q`)}`)).status, 404);
    assert.equal((await c.call('DELETE', `/api/store/folders?path=${encodeURIComponent(`${top}\\Nightly`)}`)).status, 200);
  }
  assert.equal((await c.call('DELETE', '/api/store/folders?path=MSDB')).status, 400);
});

test('an operator reads and runs but may not change packages; a limited user likewise', async () => {
  const a = await admin();
  await a.call('POST', '/api/packages/import', { folder: 'File System', name: 'forOps', content: b64(quickPackage(8, fx.csv)) });
  for (const login of ['operator', 'ltd']) {
    const c = new ApiClient(svc.url, 2014);
    const s = await c.signIn(login, `${login}-pw`);
    assert.equal(s.body.admin, false);
    assert.equal((await c.call('GET', '/api/store?path=File System')).status, 200);
    assert.equal((await c.call('GET', '/api/packages/details?path=File System\\forOps')).status, 200);
    const del = await c.call('DELETE', '/api/packages?path=File System\\forOps');
    assert.equal(del.status, 403);
    assert.match(String(del.body.error), /Only a member of db_ssisadmin/);
    assert.equal((await c.call('POST', '/api/packages/import', { folder: 'File System', name: 'x', content: b64(quickPackage(8, fx.csv)) })).status, 403);
    assert.equal((await c.call('POST', '/api/store/folders', { parent: 'File System', name: 'x' })).status, 403);
  }
});

test('run a package: it finishes, its messages and row counts per path are kept; a running one is stopped', async () => {
  const c = await admin();
  await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'run me', content: b64(quickPackage(3, fx.csv)) });
  await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'slow', content: b64(slowPackage(8, 120)) });
  const op = new ApiClient(svc.url, 2014);
  await op.signIn('operator', 'operator-pw');
  const started = await op.call('POST', '/api/executions', { path: 'MSDB\\run me', set: [{ name: '\\Package.Variables[User::Rows].Value', value: '7' }] });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const slow = await c.call('POST', '/api/executions', { path: 'MSDB\\slow' });
  assert.equal((await c.call('POST', '/api/executions', { path: 'MSDB\\slow', set: 'x' })).status, 400);
  assert.equal((await c.call('POST', '/api/executions', { path: 'MSDB\\missing' })).status, 404);
  const done = await op.waitForEnd(Number(started.body.id));
  const run = done.body as { execution: { status: string; startedBy: string }; messages: { text: string }[]; rowsPerPath: { path: string; rows: number }[] };
  assert.equal(run.execution.status, 'succeeded', run.messages.map((m) => m.text).join('\n'));
  assert.equal(run.execution.startedBy, 'operator');
  assert.ok(run.messages.some((m) => /DTSER_SUCCESS/.test(m.text)));
  assert.deepEqual(run.rowsPerPath.map((p) => [p.path, p.rows]), [['Package\\Load.Paths[Out]', 3]]);
  const slowId = Number(slow.body.id);
  const running = await c.call<{ executions: { id: number }[] }>('GET', '/api/executions?status=running');
  assert.ok(running.body.executions.some((e) => e.id === slowId));
  assert.equal((await op.call('POST', `/api/executions/${slowId}/stop`)).status, 403);
  assert.equal((await c.call('POST', `/api/executions/${slowId}/stop`)).status, 202);
  const stopped = await c.waitForEnd(slowId);
  assert.equal((stopped.body.execution as { status: string }).status, 'stopped');
  assert.equal((await c.call('POST', `/api/executions/${slowId}/stop`)).status, 409);
  assert.equal((await c.call('GET', '/api/executions/999999')).status, 404);
  const own = await op.call('POST', '/api/executions', { path: 'MSDB\\slow' });
  assert.equal((await op.call('POST', `/api/executions/${Number(own.body.id)}/stop`)).status, 202);
  assert.equal(((await op.waitForEnd(Number(own.body.id))).body.execution as { status: string }).status, 'stopped');
  assert.equal((await c.call('GET', '/api/executions?status=sleeping')).status, 400);
  fs.renameSync(fx.csv, `${fx.csv}.gone`);
  try {
    const failing = await c.call('POST', '/api/executions', { path: 'MSDB\\run me' });
    const failed = (await c.waitForEnd(Number(failing.body.id))).body as { execution: { status: string; exitCode: number }; messages: { text: string }[] };
    assert.equal(failed.execution.status, 'failed');
    assert.equal(failed.execution.exitCode, 1);
    assert.ok(failed.messages.some((m) => /DTSER_FAILURE/.test(m.text)));
  } finally {
    fs.renameSync(`${fx.csv}.gone`, fx.csv);
  }
  const health = await c.call('GET', '/api/health');
  assert.equal(health.status, 200);
});

test('upgrade a file system package permanently, keeping the old bytes when asked', async () => {
  const c = await admin();
  const file = path.join(fx.root, '120', 'DTS', 'Packages', 'old.dtsx');
  fs.writeFileSync(file, quickPackage(3, fx.csv));
  const up = await c.call('POST', '/api/packages/upgrade', { path: 'File System\\old', backup: true });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  assert.equal(up.body.upgradedFrom, 3);
  assert.match(fs.readFileSync(file, 'utf8'), /PackageFormatVersion">8</);
  assert.match(fs.readFileSync(`${file}.format3.bak`, 'utf8'), /PackageFormatVersion">3</);
  assert.equal((await c.call('POST', '/api/packages/upgrade', { path: 'File System\\old' })).status, 409);
  assert.equal((await c.call('POST', '/api/packages/upgrade', { path: 'File System\\old', backup: 'yes' })).status, 400);
});

test('a 2012 service lists a 2014 instance named in its configuration as a folder it cannot open', async () => {
  const binn = path.join(fx.root, '110', 'DTS', 'Binn', 'MsDtsSrvr.ini.xml');
  fs.writeFileSync(binn, fs.readFileSync(path.join(fx.root, '120', 'DTS', 'Binn', 'MsDtsSrvr.ini.xml'), 'utf8').replace('MSDB 2012', 'MSDB 2014').replace('.\\Mid2012', '.\\Main2014'));
  const old = await startService({ root: fx.root, year: 2012, log: () => {} });
  try {
    const c = new ApiClient(old.url, 2012);
    assert.equal((await c.signIn('admin', 'admin-pw')).status, 200);
    const top = await c.call<{ folders: { name: string; instance?: string; writable: boolean; problem?: string }[] }>('GET', '/api/store');
    const newer = top.body.folders.find((f) => f.name === 'MSDB 2014')!;
    assert.equal(newer.writable, false);
    assert.match(newer.problem ?? '', /newer than this SQL Server 2012 tool/);
    assert.equal(top.body.folders.find((f) => f.name === 'MSDB')!.instance, 'Mid2012');
    const refused = await c.call('GET', '/api/store?path=MSDB 2014');
    assert.equal(refused.status, 409);
    assert.equal((await new ApiClient(old.url, 2014).call('GET', '/api/store')).status, 409);
  } finally {
    await old.close();
  }
});

test('a package protected with a password: imported and read with it, refused without it; the password is never echoed', async () => {
  const c = await admin();
  const encrypted = fs.readFileSync(path.join(CORPUS, 'other', 'rtumaykin__ssis-build__Package_221.dtsx'));
  const without = await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'locked', content: b64(encrypted) });
  assert.equal(without.status, 400, JSON.stringify(without.body));
  const imported = await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'locked', content: b64(encrypted), password: 'ssis123' });
  assert.equal(imported.status, 201, JSON.stringify(imported.body));
  assert.equal((await c.call('GET', '/api/packages/details?path=MSDB\\locked')).status, 400);
  assert.equal((await c.call('GET', '/api/packages/details?path=MSDB\\locked', undefined, { 'x-package-password': 'wrong' })).status, 400);
  const details = await c.call('GET', '/api/packages/details?path=MSDB\\locked', undefined, { 'x-package-password': 'ssis123' });
  assert.equal(details.status, 200, JSON.stringify(details.body));
  assert.equal(JSON.stringify(details.body).includes('ssis123'), false);
  assert.equal((await c.call('POST', '/api/packages/import', { folder: 'MSDB', name: 'x', content: b64(encrypted), password: 7 })).status, 400);
});
