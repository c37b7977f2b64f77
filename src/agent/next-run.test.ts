// Tests of next run times for every Agent schedule kind, on wall-clock times (no real clock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextRunAtOrAfter, nextRunAfter, upcomingRuns, relativeDayOfMonth } from './next-run.ts';
import { parseScheduleText, cronTiming } from './schedule-text.ts';
import { wall, formatWall } from './wall-time.ts';

const TODAY = 20261125; // a Wednesday
const NOW = wall(2026, 11, 25, 10, 30, 0);
const runs = (text: string, n = 4, from = NOW) => upcomingRuns(parseScheduleText(text, TODAY), from, n).map(formatWall);

test('one time: runs once at its date and time, never again', () => {
  const s = parseScheduleText('once at 2026-12-01 10:00', TODAY);
  assert.equal(formatWall(nextRunAtOrAfter(s, NOW)!), '2026-12-01 10:00:00');
  assert.equal(nextRunAfter(s, wall(2026, 12, 1, 10, 0, 0)), undefined);
});

test('daily: every day at a time, and every N days from the start date', () => {
  assert.deepEqual(runs('daily at 02:00', 3), ['2026-11-26 02:00:00', '2026-11-27 02:00:00', '2026-11-28 02:00:00']);
  assert.deepEqual(runs('daily at 11:00', 2), ['2026-11-25 11:00:00', '2026-11-26 11:00:00']);
  assert.deepEqual(runs('every 3 days at 08:00 from 2026-11-20', 3), ['2026-11-26 08:00:00', '2026-11-29 08:00:00', '2026-12-02 08:00:00']);
});

test('sub-day: every N minutes, hours or seconds between a start and an end time', () => {
  assert.deepEqual(runs('every 15 minutes between 08:00 and 10:45', 3), ['2026-11-25 10:30:00', '2026-11-25 10:45:00', '2026-11-26 08:00:00']);
  assert.deepEqual(runs('every 5 hours', 4), ['2026-11-25 15:00:00', '2026-11-25 20:00:00', '2026-11-26 00:00:00', '2026-11-26 05:00:00']);
  assert.deepEqual(runs('every 20 seconds', 2, wall(2026, 11, 25, 10, 30, 1)), ['2026-11-25 10:30:20', '2026-11-25 10:30:40']);
  assert.deepEqual(runs('daily every 2 hours between 09:00 and 12:00', 3), ['2026-11-25 11:00:00', '2026-11-26 09:00:00', '2026-11-26 11:00:00']);
});

test('weekly: on given days, every N weeks counted from the start week', () => {
  assert.deepEqual(runs('weekly on mon,fri at 07:30', 3), ['2026-11-27 07:30:00', '2026-11-30 07:30:00', '2026-12-04 07:30:00']);
  // Start week is the week of Sunday 2026-11-22; every 2 weeks → weeks of 11-22, 12-06, 12-20.
  assert.deepEqual(runs('every 2 weeks on tuesday at 09:00', 3), ['2026-12-08 09:00:00', '2026-12-22 09:00:00', '2027-01-05 09:00:00']);
  assert.deepEqual(runs('weekly on weekends at 10:00', 2), ['2026-11-28 10:00:00', '2026-11-29 10:00:00']);
});

test('monthly: day N every M months; a day a month lacks is skipped', () => {
  assert.deepEqual(runs('monthly on day 1 at 00:00', 2), ['2026-12-01 00:00:00', '2027-01-01 00:00:00']);
  assert.deepEqual(runs('every 3 months on day 25 at 12:00', 2), ['2026-11-25 12:00:00', '2027-02-25 12:00:00']);
  assert.deepEqual(runs('monthly on day 31 at 01:00', 3), ['2026-12-31 01:00:00', '2027-01-31 01:00:00', '2027-03-31 01:00:00']);
});

test('monthly relative: second Tuesday, last weekday, first weekend day, last day', () => {
  assert.deepEqual(runs('monthly on the second tuesday at 03:00', 2), ['2026-12-08 03:00:00', '2027-01-12 03:00:00']);
  assert.deepEqual(runs('monthly on the last weekday at 18:00', 2), ['2026-11-30 18:00:00', '2026-12-31 18:00:00']);
  assert.deepEqual(runs('monthly on the first weekend day at 06:00', 2), ['2026-12-05 06:00:00', '2027-01-02 06:00:00']);
  assert.deepEqual(runs('monthly on the last day at 23:00', 2), ['2026-11-30 23:00:00', '2026-12-31 23:00:00']);
  assert.deepEqual(runs('every 2 months on the fourth friday at 01:00', 2), ['2026-11-27 01:00:00', '2027-01-22 01:00:00']);
  assert.equal(relativeDayOfMonth(2027, 1, 1, 16), 28); // last Sunday of February 2027
  assert.equal(relativeDayOfMonth(2027, 1, 8, 16), 28); // last day of February 2027
  assert.equal(relativeDayOfMonth(2026, 10, 9, 1), 2); // first weekday of November 2026 (the 1st is a Sunday)
});

test('start and end dates bound every kind', () => {
  assert.deepEqual(runs('daily at 02:00 from 2026-12-30 until 2027-01-01', 5), ['2026-12-30 02:00:00', '2026-12-31 02:00:00', '2027-01-01 02:00:00']);
  assert.deepEqual(runs('every 10 minutes until 2026-11-25', 100).at(-1), '2026-11-25 23:50:00');
});

test('"when the Agent starts" has no clock time', () => {
  const s = parseScheduleText('when the agent starts', TODAY);
  assert.equal(s.freq_type, 64);
  assert.equal(nextRunAtOrAfter(s, NOW), undefined);
});

test('cron schedules honour the active dates', () => {
  const s = { ...cronTiming('0 9 * * mon-fri', TODAY), active_end_date: 20261201 };
  assert.deepEqual(upcomingRuns(s, NOW, 10).map(formatWall), [
    '2026-11-26 09:00:00', '2026-11-27 09:00:00', '2026-11-30 09:00:00', '2026-12-01 09:00:00',
  ]);
});
