// Tests of the five-field cron parser and its next-match search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCron, nextCronTime } from './cron.ts';
import { wall, formatWall } from './wall-time.ts';
import { isSsisError } from '../errors.ts';

const FAR = wall(2035, 1, 1);
const next = (expr: string, from: number) => formatWall(nextCronTime(parseCron(expr), from, FAR)!);

test('steps, ranges, lists and names', () => {
  assert.equal(next('*/5 * * * *', wall(2026, 11, 25, 10, 31, 10)), '2026-11-25 10:35:00');
  assert.equal(next('0 2 * * *', wall(2026, 11, 25, 10, 0)), '2026-11-26 02:00:00');
  assert.equal(next('15,45 8-9 * * *', wall(2026, 11, 25, 8, 20)), '2026-11-25 08:45:00');
  assert.equal(next('0 0 1 jan *', wall(2026, 11, 25)), '2027-01-01 00:00:00');
  assert.equal(next('30 6 * * sat', wall(2026, 11, 25)), '2026-11-28 06:30:00');
  assert.equal(next('0 0 * * 7', wall(2026, 11, 25)), '2026-11-29 00:00:00');
  assert.equal(next('0 12 29 2 *', wall(2026, 11, 25)), '2028-02-29 12:00:00');
  assert.equal(next('10-20/5 * * * *', wall(2026, 11, 25, 0, 16)), '2026-11-25 00:20:00');
});

test('a time on a matching minute is its own next run; seconds round up', () => {
  assert.equal(next('* * * * *', wall(2026, 11, 25, 10, 0, 0)), '2026-11-25 10:00:00');
  assert.equal(next('* * * * *', wall(2026, 11, 25, 10, 0, 1)), '2026-11-25 10:01:00');
});

test('day of month and day of week restricted together run on either (cron rule)', () => {
  assert.equal(next('0 0 13 * fri', wall(2026, 11, 25)), '2026-11-27 00:00:00');
  assert.equal(next('0 0 13 * fri', wall(2026, 11, 28)), '2026-12-04 00:00:00');
  assert.equal(next('0 0 1 * *', wall(2026, 12, 2)), '2027-01-01 00:00:00');
});

test('bad expressions name the problem', () => {
  for (const [expr, why] of [
    ['* * * *', '4 fields'],
    ['60 * * * *', 'minute'],
    ['* 24 * * *', 'hour'],
    ['* * 0 * *', 'day of month'],
    ['* * * 13 *', 'month'],
    ['* * * * funday', 'day of week'],
    ['*/0 * * * *', 'step'],
    ['5-1 * * * *', 'backwards'],
  ]) {
    assert.throws(() => parseCron(expr), (e) => isSsisError(e) && e.message.includes(why), expr);
  }
});

test('an expression that never matches within the limit gives undefined', () => {
  assert.equal(nextCronTime(parseCron('0 0 31 2 *'), wall(2026, 1, 1), FAR), undefined);
});
