// Tests of the --schedule syntax, its errors, and the SSMS-style description of schedules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScheduleText, describeSchedule, cronTiming } from './schedule-text.ts';
import { isSsisError } from '../errors.ts';

const TODAY = 20261125;

test('the text reads into Agent columns', () => {
  const s = parseScheduleText('every 2 weeks on mon,wed at 07:30:15 from 2026-12-01 until 2027-06-30', TODAY);
  assert.deepEqual(
    [s.freq_type, s.freq_interval, s.freq_recurrence_factor, s.freq_subday_type, s.active_start_time, s.active_start_date, s.active_end_date],
    [8, 2 | 8, 2, 1, 73015, 20261201, 20270630],
  );
  const r = parseScheduleText('monthly on the third weekend day at 05:00', TODAY);
  assert.deepEqual([r.freq_type, r.freq_interval, r.freq_relative_interval, r.freq_recurrence_factor], [32, 10, 4, 1]);
  const m = parseScheduleText('every 15 minutes between 08:00 and 18:00', TODAY);
  assert.deepEqual([m.freq_type, m.freq_interval, m.freq_subday_type, m.freq_subday_interval, m.active_start_time, m.active_end_time], [4, 1, 4, 15, 80000, 180000]);
});

test('descriptions read as SSMS shows them', () => {
  assert.equal(describeSchedule(parseScheduleText('daily at 02:00', TODAY)), 'Occurs every day at 02:00:00. Schedule will be used starting on 2026-11-25.');
  assert.equal(
    describeSchedule(parseScheduleText('weekly on mon,fri every 30 minutes between 08:00 and 12:00', TODAY)),
    'Occurs every week on Monday, Friday every 30 minute(s) between 08:00:00 and 12:00:00. Schedule will be used starting on 2026-11-25.',
  );
  assert.equal(
    describeSchedule(parseScheduleText('every 2 months on the last weekday at 18:00 until 2027-12-31', TODAY)),
    'Occurs every 2 month(s) on the last weekday of that month at 18:00:00. Schedule will be used starting on 2026-11-25 and ending on 2027-12-31.',
  );
  assert.equal(describeSchedule(parseScheduleText('once at 2026-12-01 10:00', TODAY)), 'Occurs on 2026-12-01 10:00:00.');
  assert.equal(describeSchedule(parseScheduleText('at agent start', TODAY)), 'Start automatically when SQL Server Agent starts.');
  assert.match(describeSchedule(cronTiming('*/5 * * * *', TODAY)), /cron expression "\*\/5 \* \* \* \*"/);
});

test('mistakes are reported with what was expected', () => {
  for (const [text, why] of [
    ['hourly', '"hourly" does not start a schedule'],
    ['daily at 25:00', 'not a time'],
    ['weekly at 10:00', 'expected "on"'],
    ['weekly on', 'needs its days'],
    ['monthly on day 32', 'day of the month'],
    ['monthly on the fifth monday', 'first|second|third|fourth|last'],
    ['once at tomorrow', 'not a date'],
    ['daily at 02:00 until 2020-01-01', 'end date is before the start date'],
    ['every 0 minutes', '1 or more'],
    ['daily at 02:00 please', '"please" is not expected'],
    ['every 10 minutes between 18:00 and 08:00', 'crosses midnight'],
  ]) {
    assert.throws(() => parseScheduleText(text, TODAY), (e) => isSsisError(e) && e.message.includes(why), text);
  }
});
