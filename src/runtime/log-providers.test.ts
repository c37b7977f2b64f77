// Tests of the log providers: which entries each provider receives, and the text file layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logFilter, textFileLogger, providerKind, packageOf, taskSpec, type RuntimeEvent } from './index.ts';

const ev = (event: string, sourceId: string): RuntimeEvent => ({ event, sourceName: 'x', sourceId, message: 'm', time: new Date(0) });

test('logging options: providers and events selected per container, Disabled, UseParentSetting', () => {
  const quiet = taskSpec('Quiet', 'Expression', {}, { logging: { mode: 2, providers: [], events: [] } });
  const inherits = taskSpec('Inherits', 'Expression', {});
  const own = taskSpec('Own', 'Expression', {}, { logging: { mode: 1, providers: ['{B}'], events: ['OnInformation'] } });
  const pkg = packageOf([quiet, inherits, own], { logging: { mode: 1, providers: ['{A}'], events: ['OnError', 'OnPreExecute'] } });
  const a = logFilter(pkg, '{A}');
  const b = logFilter(pkg, '{b}');
  assert.equal(a(ev('PackageStart', pkg.id)), true);
  assert.equal(b(ev('PackageEnd', pkg.id)), true);
  assert.equal(a(ev('OnError', inherits.id)), true);
  assert.equal(a(ev('OnWarning', inherits.id)), false);
  assert.equal(a(ev('OnError', quiet.id)), false);
  assert.equal(a(ev('OnInformation', own.id)), false);
  assert.equal(b(ev('OnInformation', own.id)), true);
  assert.equal(b(ev('OnError', inherits.id)), false);
  assert.equal(providerKind('DTS.LogProviderTextFile.2'), 'text');
  assert.equal(providerKind('Microsoft.LogProviderSQLServer'), 'sql');
  assert.equal(providerKind('{440945A4-2A22-4F19-B577-EAF5FDDC5F7A}'), 'xml');
});

test('the text file provider writes the #Fields header once and quotes commas', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const file = join(dir, 'a.log');
    const l = textFileLogger(file, () => '{E}');
    await l.listener({ ...ev('OnError', '{S}'), message: 'bad, very bad' });
    await l.listener(ev('PackageEnd', '{S}'));
    const lines = readFileSync(file, 'utf8').split('\r\n');
    assert.equal(lines[0], '#Fields: event,computer,operator,source,sourceid,executionid,starttime,endtime,datacode,databytes,message');
    assert.match(lines[1]!, /^OnError,.*,x,\{S\},\{E\},.*,0,0x,"bad, very bad"$/);
    assert.equal(lines.length, 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
