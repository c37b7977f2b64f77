import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFastLoadOptions } from './fast-load-options.ts';

test('the designer default and every option are read', () => {
  const o = parseFastLoadOptions({
    FastLoadOptions: 'TABLOCK,CHECK_CONSTRAINTS,ROWS_PER_BATCH = 500,KILOBYTES_PER_BATCH=64,FIRE_TRIGGERS,ORDER(id ASC, name DESC)',
    FastLoadKeepIdentity: 'true',
    FastLoadKeepNulls: 'false',
    FastLoadMaxInsertCommitSize: '2147483647',
    CommandTimeout: '30',
  });
  assert.deepEqual(o, {
    maxInsertCommitSize: 2147483647, rowsPerBatch: 500, keepIdentity: true, keepNulls: false, tableLock: true,
    checkConstraints: true, fireTriggers: true, timeoutSeconds: 30, hints: { kilobytesPerBatch: 64, order: 'id ASC, name DESC' },
  });
});

test('absent settings take SSIS defaults: one commit, no identity, NULLs take defaults', () => {
  const o = parseFastLoadOptions({});
  assert.equal(o.maxInsertCommitSize, 0);
  assert.equal(o.keepIdentity, false);
  assert.equal(o.keepNulls, false);
  assert.equal(o.tableLock, false);
  assert.equal(parseFastLoadOptions({ FastLoadKeepNulls: '-1' }).keepNulls, true);
});
