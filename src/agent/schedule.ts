/** @module A schedule as `msdb.dbo.sysschedules` keeps it, its defaults and its validation (the rules of `sp_add_schedule`). */
import { SsisError } from '../errors.ts';
import { FreqType, SubdayType, RelativeInterval } from './codes.ts';
import { parseCron } from './cron.ts';
import { agentTimeSeconds } from './wall-time.ts';

/** The timing columns of a `sysschedules` row (plus OpenDTS's `cron_expression`). */
export interface ScheduleTiming {
  freq_type: number;
  freq_interval: number;
  freq_subday_type: number;
  freq_subday_interval: number;
  freq_relative_interval: number;
  freq_recurrence_factor: number;
  /** yyyymmdd */
  active_start_date: number;
  /** yyyymmdd; 99991231 = no end */
  active_end_date: number;
  /** hhmmss */
  active_start_time: number;
  /** hhmmss */
  active_end_time: number;
  /** OpenDTS extension, set when `freq_type` is {@link FreqType.Cron}. */
  cron_expression: string | null;
}

/** A whole `sysschedules` row. */
export interface ScheduleRow extends ScheduleTiming {
  schedule_id: number;
  schedule_uid: string;
  name: string;
  enabled: number;
  date_created: string;
  date_modified: string;
  version_number: number;
}

/** `sp_add_schedule`'s defaults: once, today, from midnight, to the end of time. */
export function defaultTiming(activeStartDate: number): ScheduleTiming {
  return {
    freq_type: FreqType.Once,
    freq_interval: 0,
    freq_subday_type: 0,
    freq_subday_interval: 0,
    freq_relative_interval: 0,
    freq_recurrence_factor: 0,
    active_start_date: activeStartDate,
    active_end_date: 99991231,
    active_start_time: 0,
    active_end_time: 235959,
    cron_expression: null,
  };
}

function invalid(why: string): SsisError {
  return new SsisError('0x80004005', 'OPENDTS_E_SCHEDULE', `The schedule is not valid: ${why}.`);
}

function validDate(yyyymmdd: number): boolean {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1990 && y <= 9999 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function validTime(hhmmss: number): boolean {
  return Number.isInteger(hhmmss) && hhmmss >= 0 && Math.floor(hhmmss / 10000) < 24 && Math.floor(hhmmss / 100) % 100 < 60 && hhmmss % 100 < 60;
}

const RELATIVE_INTERVALS: readonly number[] = Object.values(RelativeInterval);

/** Checks a schedule as `sp_add_schedule` does; throws SsisError saying which column is wrong. */
export function validateTiming(s: ScheduleTiming): void {
  if (!validDate(s.active_start_date)) throw invalid(`active_start_date ${s.active_start_date} is not a date (yyyymmdd, 1990 or later)`);
  if (!validDate(s.active_end_date)) throw invalid(`active_end_date ${s.active_end_date} is not a date (yyyymmdd)`);
  if (s.active_end_date < s.active_start_date) throw invalid('the end date is before the start date');
  if (!validTime(s.active_start_time)) throw invalid(`active_start_time ${s.active_start_time} is not a time (hhmmss)`);
  if (!validTime(s.active_end_time)) throw invalid(`active_end_time ${s.active_end_time} is not a time (hhmmss)`);
  const recurring = s.freq_type === FreqType.Daily || s.freq_type === FreqType.Weekly || s.freq_type === FreqType.Monthly || s.freq_type === FreqType.MonthlyRelative;
  switch (s.freq_type) {
    case FreqType.Once:
    case FreqType.AgentStart:
      break;
    case FreqType.Daily:
      if (s.freq_interval < 1) throw invalid('a daily schedule needs freq_interval (every N days) of 1 or more');
      break;
    case FreqType.Weekly:
      if (s.freq_interval < 1 || s.freq_interval > 127) throw invalid('a weekly schedule needs freq_interval as days bits (1 Sunday … 64 Saturday)');
      break;
    case FreqType.Monthly:
      if (s.freq_interval < 1 || s.freq_interval > 31) throw invalid('a monthly schedule needs freq_interval as the day of the month (1-31)');
      break;
    case FreqType.MonthlyRelative:
      if (s.freq_interval < 1 || s.freq_interval > 10) throw invalid('a monthly relative schedule needs freq_interval 1-7 (Sunday-Saturday), 8 day, 9 weekday or 10 weekend day');
      if (!RELATIVE_INTERVALS.includes(s.freq_relative_interval)) throw invalid('a monthly relative schedule needs freq_relative_interval 1, 2, 4, 8 or 16 (first … last)');
      break;
    case FreqType.Cron:
      if (!s.cron_expression) throw invalid('a cron schedule needs cron_expression');
      parseCron(s.cron_expression);
      break;
    case FreqType.Idle:
      throw invalid('schedules that run when the computer is idle (freq_type 128) are not supported yet by OpenDTS');
    default:
      throw invalid(`freq_type ${s.freq_type} is not one of 1, 4, 8, 16, 32, 64 (or 256 for cron)`);
  }
  if (recurring) {
    const subday: readonly number[] = Object.values(SubdayType);
    if (!subday.includes(s.freq_subday_type)) throw invalid('freq_subday_type must be 1 (at a time), 2 (seconds), 4 (minutes) or 8 (hours)');
    if (s.freq_subday_type !== SubdayType.AtTime) {
      if (s.freq_subday_interval < 1) throw invalid('freq_subday_interval must be 1 or more');
      // Agent's reading of an end time before the start time (a window over midnight) is unknown; OpenDTS refuses it.
      if (agentTimeSeconds(s.active_end_time) < agentTimeSeconds(s.active_start_time)) {
        throw invalid('active_end_time is before active_start_time; a window that crosses midnight is not supported yet by OpenDTS');
      }
    }
  }
  if ((s.freq_type === FreqType.Weekly || s.freq_type === FreqType.Monthly || s.freq_type === FreqType.MonthlyRelative) && s.freq_recurrence_factor < 1) {
    throw invalid('freq_recurrence_factor (every N weeks or months) must be 1 or more');
  }
}
