import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { memoryIo } from '../io.ts';
import { run as inspect } from './inspect.ts';
import { run as upgrade } from './upgrade.ts';
import { readPackage } from '../../format/index.ts';
import { CORPUS_DIR } from '../../../test/corpus/corpus-files.ts';

const v3 = join(CORPUS_DIR, 'v3', 'johnwelch__ssisUnit__PropertyTest.dtsx');
const v8 = join(CORPUS_DIR, 'v8', 'johnwelch__ssisUnit__DataFlowComponent.dtsx');

test('inspect prints the tree, connections, data flows and what cannot run', async () => {
  const io = memoryIo();
  assert.equal(await inspect([v3], io), 0);
  const text = io.stdout.join('\n');
  assert.match(text, /Format: 3 \(Microsoft SQL Server 2008 R2\), upgraded in memory to format 8/);
  assert.match(text, /Sequence Container \[Sequence\]/);
  assert.match(text, /Package\\Script Task: Script task/);
  const json = memoryIo();
  assert.equal(await inspect([v8, '--json'], json), 0);
  const summary = JSON.parse(json.stdout.join('\n'));
  assert.equal(summary.dataFlows[0].components.length, 3);
  assert.equal(summary.dataFlows[0].paths.length, 2);
});

test('inspect names the components OpenDTS does not implement', async () => {
  const io = memoryIo();
  assert.equal(await inspect([join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__DEMO_2A_Fuzzy_Lookup_COMPLETE.dtsx')], io), 0);
  assert.match(io.stdout.join('\n'), /Fuzzy Lookup \(Microsoft\.FuzzyLookup\) is not implemented by OpenDTS/);
  assert.doesNotMatch(io.stdout.join('\n'), /OLE DB Source: .*not implemented/);
});

test('inspect: errors name the file and line, exit 1, no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const bad = join(dir, 'bad.dtsx');
    writeFileSync(bad, '<?xml version="1.0"?>\n<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"');
    const io = memoryIo();
    assert.equal(await inspect([bad], io), 1);
    assert.match(io.stderr[0], /bad\.dtsx\(2,\d+\): Error 0xC0011007/);
    assert.ok(!io.stderr.join('\n').includes('    at '));
    const old = memoryIo();
    assert.equal(await inspect([v8, '--product-version', '2008'], old), 1);
    assert.match(old.stderr[0], /0xC001700A/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inspect shows a package with a broken reference but fails, naming the file and line of each problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const bad = join(dir, 'broken.dtsx');
    const src = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__XML_Source.dtsx'), 'utf8');
    writeFileSync(bad, src.replace(/lineageId="51"( usageType)/, 'lineageId="9999"$1'));
    const io = memoryIo();
    assert.equal(await inspect([bad], io), 1);
    assert.match(io.stdout.join('\n'), /Upgrade problems \(1\)/);
    assert.match(io.stderr.join('\n'), /broken\.dtsx\(\d+,\d+\): Error 0xC0016020 \(DTS_E_PACKAGEMIGRATIONFAILED\): .*lineage ID "9999"/);
    const up = memoryIo();
    assert.equal(await upgrade([bad, '--out', join(dir, 'out.dtsx')], up), 1);
    assert.match(up.stderr.join('\n'), /lineage ID "9999"/);
    assert.ok(!existsSync(join(dir, 'out.dtsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('upgrade writes format 8 (default) or 6 and refuses downgrades and no-ops', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const out8 = join(dir, 'p8.dtsx');
    assert.equal(await upgrade([v3, '--out', out8], memoryIo()), 0);
    assert.equal(readPackage(readFileSync(out8)).sourceFormat, 8);
    const out6 = join(dir, 'p6.dtsx');
    assert.equal(await upgrade([v3, '--out', out6, '--to', '2012'], memoryIo()), 0);
    assert.equal(readPackage(readFileSync(out6), { tool: 2012 }).sourceFormat, 6);
    const down = memoryIo();
    const out = join(dir, 'down.dtsx');
    assert.equal(await upgrade([v8, '--out', out, '--to', '2012'], down), 1);
    assert.match(down.stderr[0], /cannot be downgraded/);
    assert.ok(!existsSync(out));
    const same = memoryIo();
    assert.equal(await upgrade([v8, '--out', out], same), 1);
    assert.match(same.stderr[0], /nothing to upgrade/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
