import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SsisDateTime, SsisDecimal } from '../types/index.ts';
import { dateTimeFromText, dateTimeText, guidText, plainValue, readerFor } from './values.ts';
import { copyLines, MYSQL_LOAD, PG_COPY } from './copy-text.ts';

test('date/time text parses in every shape databases print', () => {
  const same = (a: SsisDateTime | undefined, b: SsisDateTime) => assert.deepEqual([a?.day, a?.tick, a?.offset], [b.day, b.tick, b.offset]);
  same(dateTimeFromText('2024-02-29'), SsisDateTime.of(2024, 2, 29));
  same(dateTimeFromText('2024-02-29 13:45:06'), SsisDateTime.of(2024, 2, 29, 13, 45, 6));
  same(dateTimeFromText('2024-02-29T13:45:06.1234567'), SsisDateTime.of(2024, 2, 29, 13, 45, 6, 1234567));
  same(dateTimeFromText('2001-12-31 23:59:59.5+05:30'), SsisDateTime.of(2001, 12, 31, 23, 59, 59, 5000000, 330));
  same(dateTimeFromText('2001-12-31 23:59:59-08'), SsisDateTime.of(2001, 12, 31, 23, 59, 59, 0, -480));
  same(dateTimeFromText('08:30:15.25'), SsisDateTime.of(1970, 1, 1, 8, 30, 15, 2500000));
  assert.equal(dateTimeFromText('not a date'), undefined);
  assert.equal(dateTimeFromText('2024-13-01'), undefined);
});

test('date/time values print back', () => {
  assert.equal(dateTimeText(SsisDateTime.of(2024, 2, 29, 13, 45, 6, 1230000)), '2024-02-29 13:45:06.123');
  assert.equal(dateTimeText(SsisDateTime.of(2024, 2, 29), false, true), '2024-02-29');
  assert.equal(dateTimeText(SsisDateTime.of(2024, 2, 29)), '2024-02-29 00:00:00');
  assert.equal(dateTimeText(SsisDateTime.of(2024, 2, 29, 1, 2, 3, 0, -330), true), '2024-02-29 01:02:03-05:30');
  assert.equal(dateTimeText(SsisDateTime.of(987, 1, 2), false, true), '0987-01-02');
});

test('readers make engine values: exact decimals, bigints, Booleans, GUIDs', () => {
  const dec = readerFor('DT_NUMERIC', 2)!;
  assert.equal((dec('-12.5') as SsisDecimal).toString(), '-12.50');
  assert.equal((dec(3.25) as SsisDecimal).toString(), '3.25');
  assert.equal((dec('1e3') as SsisDecimal).toString(), '1000.00');
  assert.equal(readerFor('DT_I8')!('9007199254740993'), 9007199254740993n);
  assert.equal(readerFor('DT_BOOL')!('t'), true);
  assert.equal(readerFor('DT_BOOL')!(0), false);
  assert.equal(readerFor('DT_GUID')!('0f8fad5b-d9cb-469f-a165-70867728950e'), '{0F8FAD5B-D9CB-469F-A165-70867728950E}');
  assert.equal(guidText('{abc}'), '{ABC}');
  assert.equal(plainValue(new SsisDecimal(5n, 1)), '0.5');
  assert.equal(plainValue(new Date(Date.UTC(2024, 1, 29, 13, 45, 6, 120))), '2024-02-29 13:45:06.12+00:00');
  assert.equal(plainValue(undefined), null);
});

test('copy text escapes what would break a row and spells NULL as \\N', () => {
  const row = [1, null, 'a\tb\nc\\d\re', true, new Uint8Array([1, 255]), new SsisDecimal(-5n, 2), SsisDateTime.of(2024, 1, 2), '{0F8FAD5B-D9CB-469F-A165-70867728950E}'];
  assert.equal(copyLines([row], PG_COPY), '1\t\\N\ta\\tb\\nc\\\\d\\re\tt\t\\\\x01ff\t-0.05\t2024-01-02\t{0F8FAD5B-D9CB-469F-A165-70867728950E}\n');
  assert.equal(copyLines([row], MYSQL_LOAD), '1\t\\N\ta\\tb\\nc\\\\d\\re\t1\t01ff\t-0.05\t2024-01-02\t0F8FAD5B-D9CB-469F-A165-70867728950E\n');
});
