// The corpus package encrypted whole (EncryptAllWithPassword, password ssis123) loads given the password, and saves encrypted again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage, writePackage } from '../../src/format/index.ts';
import { SsisError } from '../../src/errors.ts';
import { CORPUS_DIR } from './corpus-files.ts';
import { packageCounts } from './package-counts.ts';

const bytes = readFileSync(join(CORPUS_DIR, 'other', 'rtumaykin__ssis-build__Package_221.dtsx'));
const plainV8 = readFileSync(join(CORPUS_DIR, 'v8', 'rtumaykin__ssis-build__Package_221.dtsx'));

test('the encrypted package loads in 2014 with its password and matches its plain copy', () => {
  const pkg = readPackage(bytes, { fileName: 'enc.dtsx', password: 'ssis123' });
  assert.equal(pkg.sourceFormat, 8);
  assert.equal(pkg.protectionLevel, 3);
  assert.deepEqual(pkg.problems, []);
  // The plain v8 copy is an earlier commit of the same package: its control flow, connections and variables agree;
  // its data flow has one component (and path) less.
  const a = packageCounts(pkg);
  const b = packageCounts(readPackage(plainV8));
  for (const k of ['executables', 'connections', 'variables', 'constraints']) assert.equal(a[k], b[k], k);
});

test('without the password, or with a wrong one, it is refused with 0xC0014037', () => {
  for (const password of [undefined, 'wrong']) {
    assert.throws(() => readPackage(bytes, { fileName: 'enc.dtsx', password }), (e: unknown) => e instanceof SsisError && e.code === '0xC0014037');
  }
});

test('saving a decrypted package encrypts it again with the same password', () => {
  const pkg = readPackage(bytes, { password: 'ssis123' });
  const saved = Buffer.from(writePackage(pkg));
  assert.match(saved.toString('utf8'), /<EncryptedData/);
  assert.throws(() => readPackage(saved), SsisError);
  assert.deepEqual(packageCounts(readPackage(saved, { password: 'ssis123' })), packageCounts(pkg));
});

test('values encrypted with a Windows user key are reported and treated as missing', () => {
  const pkg = readPackage(readFileSync(join(CORPUS_DIR, 'v3', 'ceeae__SSIS_NDM_DTSX_PRD_TNS__Package1.dtsx')));
  assert.ok(pkg.warnings.length >= 1);
  assert.match(pkg.warnings[0], /Windows user key/);
});
