// Tests of `opendts demo`: the demo package runs on SQLite under OPENDTS_HOME, and demo/demo.dtsx is what demo/build-demo.ts builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryIo } from '../io.ts';
import { writePackage } from '../../format/index.ts';
import { buildDemo } from '../../../demo/build-demo.ts';
import { run } from './demo.ts';

test('opendts demo runs the demo package and writes only under OPENDTS_HOME', async () => {
  const home = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const io = memoryIo({ OPENDTS_HOME: home });
    assert.equal(await run([], io), 0, [...io.stdout, ...io.stderr].join('\n'));
    assert.ok(io.stdout.includes('DTExec: The package execution returned DTSER_SUCCESS (0).'));
    assert.ok(io.stdout.includes('  5            55'), io.stdout.join('\n'));
    assert.ok(io.stdout.some((l) => /^ {2}4 +dave +US +310 +372$/.test(l)), io.stdout.join('\n'));
    assert.deepEqual(readdirSync(home), ['demo']);
    assert.ok(existsSync(join(home, 'demo', 'demo.sqlite')));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const bad = memoryIo();
  assert.equal(await run(['--nope'], bad), 1);
});

test('demo/demo.dtsx is the package demo/build-demo.ts builds', () => {
  const file = resolve(import.meta.dirname, '..', '..', '..', 'demo', 'demo.dtsx');
  assert.deepEqual(Buffer.from(writePackage(buildDemo(), { format: 8 })), readFileSync(file));
});
