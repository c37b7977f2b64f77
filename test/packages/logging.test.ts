// Log providers through dtexec: the SQL Server provider writes sysssislog rows on SQLite and PostgreSQL; the XML file provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dtexec } from './dtexec-harness.ts';
import { goldenFile } from './golden-packages.ts';

const tmp = mkdtempSync(join(tmpdir(), 'opendts-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const pkg = goldenFile('foreach-files', 2014);

test('the SQL Server log provider writes sysssislog on SQLite', async () => {
  const file = join(tmp, 'log.sqlite');
  const { code, out } = await dtexec(['/F', pkg, '/Conn', `Db;sqlite:${file}`, '/L', 'DTS.LogProviderSQLServer;Db'], 2014);
  assert.equal(code, 0, out.join('\n'));
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT event, source, executionid, datacode, message FROM sysssislog ORDER BY id').all() as { event: string; source: string; executionid: string; datacode: number; message: string }[];
    assert.equal(rows[0]!.event, 'PackageStart');
    assert.equal(rows.at(-1)!.event, 'PackageEnd');
    assert.equal(rows.at(-1)!.datacode, 0);
    assert.ok(rows.some((r) => r.event === 'OnPreExecute' && r.source === 'Each CSV'));
    assert.equal(new Set(rows.map((r) => r.executionid)).size, 1);
  } finally {
    db.close();
  }
});

test('the SQL Server log provider writes sysssislog on PostgreSQL', async () => {
  const name = `opendts_log_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const { code, out } = await dtexec(['/F', pkg, '/Conn', `Db;postgres://postgres@127.0.0.1:5432/${name}`, '/L', 'DTS.LogProviderSQLServer;Db'], 2014);
    assert.equal(code, 0, out.join('\n'));
    const c = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: name });
    await c.connect();
    const r = await c.query("SELECT count(*)::int AS n FROM sysssislog WHERE event IN ('PackageStart', 'PackageEnd')");
    await c.end();
    assert.equal(r.rows[0].n, 2);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

test('the XML file provider writes a well-formed log', async () => {
  const log = join(tmp, 'run.xml');
  const { code } = await dtexec(['/F', pkg, '/Conn', `Db;sqlite:${join(tmp, 'x.sqlite')}`, '/L', `DTS.LogProviderXMLFile;${log}`], 2014);
  assert.equal(code, 0);
  const text = readFileSync(log, 'utf8');
  assert.match(text, /^<\?xml version="1\.0"\?>\r\n<dtslog>/);
  assert.match(text, /<record><event>PackageEnd<\/event><message>End of package execution\.<\/message>/);
  assert.match(text, /<\/dtslog>\r\n$/);
});
