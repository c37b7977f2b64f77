// dtexec's other package sources: msdb (/SQL with /SER), the Package Store (/DTS), and project files (/Proj with /Pack).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createInstance, openInstance, importPackage } from '../../src/store/index.ts';
import { dtexec } from './dtexec-harness.ts';
import { goldenFile } from './golden-packages.ts';

const tmp = mkdtempSync(join(tmpdir(), 'opendts-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

test('/SQL runs a package stored in an msdb instance; a missing one is exit 4', async () => {
  const home = join(tmp, 'home');
  const ref = await createInstance(home, 'S14', 2014);
  const s = await openInstance(ref, {});
  await importPackage(s, 'transaction', readFileSync(goldenFile('transaction', 2012)), { fileName: 'transaction-2012.dtsx' });
  await s.close();
  const db = join(tmp, 'sql.sqlite');
  const run = await dtexec(['/SQL', 'transaction', '/SER', 'S14', '/Conn', `Db;sqlite:${db}`], 2014, { OPENDTS_HOME: home });
  assert.equal(run.code, 0, run.out.join('\n'));
  const d = new Database(db, { readonly: true });
  assert.deepEqual(d.prepare('SELECT k, v FROM results').raw().all(), [['rows', 0]]);
  d.close();
  const missing = await dtexec(['/SQL', 'nope', '/SER', 'S14'], 2014, { OPENDTS_HOME: home });
  assert.equal(missing.code, 4, missing.out.join('\n'));
});

test('/Proj with /Pack runs a project package with its project connection managers; a missing package is exit 4', async () => {
  const ispac = join(corpus, 'other', 'johnwelch__ssisUnit__ISPACTesting.ispac');
  const missing = await dtexec(['/Proj', ispac, '/Pack', 'Nope'], 2014);
  assert.equal(missing.code, 4);
  assert.ok(missing.out.some((l) => l.includes('it holds ExecuteSqlTask.dtsx')));
  const run = await dtexec(['/Proj', ispac, '/Pack', 'ExecuteSqlTask', '/Conn', `localhost.AdventureWorks2012;sqlite:${join(tmp, 'p.sqlite')}`, '/Rep', 'E'], 2014);
  // The project's connection manager resolves (the package refers to it by ID); its T-SQL then fails on SQLite.
  assert.equal(run.code, 1, run.out.join('\n'));
  assert.ok(run.out.some((l) => l.includes('Executing the query "SELECT Top 1000')), run.out.join('\n'));
  const y2008 = await dtexec(['/Proj', ispac, '/Pack', 'ExecuteSqlTask'], 2008);
  assert.equal(y2008.code, 6, 'the 2008 dtexec has no /Project');
});
