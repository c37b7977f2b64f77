import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapWindowsPath, parsePathMap, pathRulesFromEnv, isWindowsPath } from './windows-path.ts';
import { SsisError } from '../errors.ts';

test('drive letters are dropped and backslashes become slashes by default', () => {
  assert.equal(mapWindowsPath('C:\\data\\in.csv'), '/data/in.csv');
  assert.equal(mapWindowsPath('C:/x'), '/x');
  assert.equal(mapWindowsPath('d:rel\\x.txt'), 'rel/x.txt');
  assert.equal(mapWindowsPath('c:\\work\\etl-master\\_Import\\'), '/work/etl-master/_Import/');
});

test('Linux and relative paths pass through', () => {
  assert.equal(mapWindowsPath('/data/in.csv'), '/data/in.csv');
  assert.equal(mapWindowsPath('in.csv'), 'in.csv');
  assert.equal(mapWindowsPath('.\\sub\\in.csv'), './sub/in.csv');
  assert.equal(isWindowsPath('/tmp/a'), false);
});

test('rules map prefixes case-insensitively, longest first', () => {
  const rules = parsePathMap('C:\\=/data/c/;\\\\server\\share=/mnt/share;C:\\Users\\MVP=/home/mvp');
  assert.equal(mapWindowsPath('c:\\in\\a.csv', rules), '/data/c/in/a.csv');
  assert.equal(mapWindowsPath('C:\\Users\\MVP\\Desktop', rules), '/home/mvp/Desktop');
  assert.equal(mapWindowsPath('C:\\Users\\MVP', rules), '/home/mvp');
  assert.equal(mapWindowsPath('\\\\SERVER\\Share\\x.csv', rules), '/mnt/share/x.csv');
  assert.equal(mapWindowsPath('//server/share/d/x.csv', rules), '/mnt/share/d/x.csv');
});

test('a prefix matches whole path segments only', () => {
  const rules = parsePathMap('C:\\data=/srv/data');
  assert.equal(mapWindowsPath('C:\\database\\x', rules), '/database/x');
  assert.equal(mapWindowsPath('C:\\data\\x', rules), '/srv/data/x');
});

test('an unmapped UNC path is a clear error naming the setting', () => {
  assert.throws(() => mapWindowsPath('\\\\fileserver-1\\Staging\\x.txt'), (e: unknown) => {
    assert.ok(e instanceof SsisError);
    assert.match(e.message, /OPENDTS_PATH_MAP="\\\\fileserver-1\\Staging=/);
    return true;
  });
});

test('rules come from OPENDTS_PATH_MAP and bad entries are rejected', () => {
  assert.deepEqual(pathRulesFromEnv({ OPENDTS_PATH_MAP: 'U:\\=/u/' }), [{ from: 'U:\\', to: '/u/' }]);
  assert.deepEqual(pathRulesFromEnv({}), []);
  assert.throws(() => parsePathMap('nothing-here'), SsisError);
});
