// Tests of the version table and the rules between versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { versionOfYear, versionOfFormat, canLoadFormat, canTransfer, resolveToolYear, parseToolYear, toolVersions } from './index.ts';

test('each version carries its format, folder and service', () => {
  assert.deepEqual(
    toolVersions().map((v) => [v.year, v.packageFormat, v.folder, v.serviceName]),
    [
      [2008, 3, '100', 'MsDtsServer100'],
      [2012, 6, '110', 'MsDtsServer110'],
      [2014, 8, '120', 'MsDtsServer120'],
    ],
  );
  assert.equal(versionOfFormat(2)?.year, 2005);
  assert.equal(versionOfFormat(7), undefined);
});

test('features exist from 2012 on', () => {
  assert.equal(versionOfYear(2008).features.expressionFunctions2012, false);
  assert.equal(versionOfYear(2012).features.expressionFunctions2012, true);
  assert.equal(versionOfYear(2008).features.expressionStringLimit4000, true);
  assert.equal(versionOfYear(2014).features.expressionStringLimit4000, false);
  assert.equal(versionOfYear(2012).features.monikerClassIds, false);
  assert.equal(versionOfYear(2014).features.monikerClassIds, true);
});

test('a version never loads a newer format', () => {
  assert.equal(canLoadFormat(versionOfYear(2008), 6), false);
  assert.equal(canLoadFormat(versionOfYear(2012), 8), false);
  assert.equal(canLoadFormat(versionOfYear(2014), 2), true);
  assert.equal(canLoadFormat(versionOfYear(2014), 5), false);
});

test('packages move only to the same or a newer instance', () => {
  assert.equal(canTransfer(versionOfYear(2008), versionOfYear(2014)), true);
  assert.equal(canTransfer(versionOfYear(2014), versionOfYear(2012)), false);
  assert.equal(canTransfer(versionOfYear(2012), versionOfYear(2012)), true);
});

test('the version in force: launcher, then flag, then environment, then 2014', () => {
  assert.equal(resolveToolYear({}), 2014);
  assert.equal(resolveToolYear({ env: '2012' }), 2012);
  assert.equal(resolveToolYear({ flag: '2008', env: '2012' }), 2008);
  assert.equal(resolveToolYear({ pinned: '110', flag: '2008' }), 2012);
  assert.equal(parseToolYear('SQLServer2014'), 2014);
  assert.throws(() => resolveToolYear({ flag: '2016' }), /unknown product version "2016"/);
});
