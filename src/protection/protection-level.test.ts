import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SsisError } from '../errors.ts';
import { encryptsAll, formatProtectionLevel, parseProtectionLevel, ProtectionLevel, usesPassword, usesUserKey } from './index.ts';

test('protection levels have the numbers SSIS stores', () => {
  assert.deepEqual(
    Object.entries(ProtectionLevel),
    [
      ['DontSaveSensitive', 0],
      ['EncryptSensitiveWithUserKey', 1],
      ['EncryptSensitiveWithPassword', 2],
      ['EncryptAllWithPassword', 3],
      ['EncryptAllWithUserKey', 4],
      ['ServerStorage', 5],
    ],
  );
});

test('parse accepts numbers and names in any case; format gives the name', () => {
  assert.equal(parseProtectionLevel('2'), ProtectionLevel.EncryptSensitiveWithPassword);
  assert.equal(parseProtectionLevel(' encryptallwithpassword '), ProtectionLevel.EncryptAllWithPassword);
  assert.equal(parseProtectionLevel('DontSaveSensitive'), 0);
  for (const level of Object.values(ProtectionLevel)) assert.equal(parseProtectionLevel(formatProtectionLevel(level)), level);
  assert.throws(() => parseProtectionLevel('7'), (e) => e instanceof SsisError && /not a protection level/.test(e.message));
  assert.throws(() => parseProtectionLevel('Secret'), SsisError);
});

test('level classification', () => {
  assert.deepEqual(Object.values(ProtectionLevel).filter(usesPassword), [2, 3]);
  assert.deepEqual(Object.values(ProtectionLevel).filter(usesUserKey), [1, 4]);
  assert.deepEqual(Object.values(ProtectionLevel).filter(encryptsAll), [3, 4]);
});
