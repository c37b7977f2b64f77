import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage, writePackage, INVALID_VERSION_MESSAGE } from '../index.ts';
import { SsisError } from '../../errors.ts';
import { CORPUS_DIR } from '../../../test/corpus/corpus-files.ts';

const v3 = readFileSync(join(CORPUS_DIR, 'v3', 'johnwelch__ssisUnit__UT_Basic_Scenario.dtsx'));
const v6 = readFileSync(join(CORPUS_DIR, 'v6', 'BartekR__ssisUnitLearning__60_Loops.dtsx'));
const v8 = readFileSync(join(CORPUS_DIR, 'v8', 'johnwelch__ssisUnit__DataFlowComponent.dtsx'));

function refused(bytes: Uint8Array, tool: 2008 | 2012, format: number): void {
  assert.throws(
    () => readPackage(bytes, { fileName: 'p.dtsx', tool }),
    (e: unknown) => {
      assert.ok(e instanceof SsisError);
      assert.equal(e.code, '0xC001700A');
      assert.equal(e.symbol, 'DTS_E_INVALIDVERSIONNUMBER');
      assert.ok(e.message.startsWith(INVALID_VERSION_MESSAGE));
      assert.match(e.message, new RegExp(`format ${format} `));
      assert.match(e.message, new RegExp(`SQL Server ${tool}`));
      return true;
    },
  );
}

test('the 2008 tools refuse formats 6 and 8', () => {
  refused(v6, 2008, 6);
  refused(v8, 2008, 8);
});

test('the 2012 tools refuse format 8 and load formats 3 and 6', () => {
  refused(v8, 2012, 8);
  assert.equal(readPackage(v6, { tool: 2012 }).formatVersion, 6);
  const old = readPackage(v3, { tool: 2012 });
  assert.equal(old.sourceFormat, 3);
  assert.equal(old.formatVersion, 6);
});

test('the 2008 tools load format 3 as it is', () => {
  const pkg = readPackage(v3, { tool: 2008 });
  assert.equal(pkg.formatVersion, 3);
});

test('writing a package in an older format than its own is refused', () => {
  const pkg = readPackage(v8);
  assert.throws(() => writePackage(pkg, { format: 6 }), /cannot be written in the older format 6/);
  assert.throws(() => writePackage(readPackage(v6), { format: 3 }), /never downgraded/);
});

test('a format newer than any known is refused with 0xC001700A', () => {
  const text = v8.toString('utf8').replace('"PackageFormatVersion">8<', '"PackageFormatVersion">9<');
  assert.throws(() => readPackage(text), (e: unknown) => e instanceof SsisError && e.code === '0xC001700A');
});
