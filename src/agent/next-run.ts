/** @module When a schedule fires next: pure functions of a schedule and a wall-clock time, as Agent computes `next_run_date`/`next_run_time`. */
import { FreqType, SubdayType, RelativeDay, RelativeInterval, WEEKDAY_BITS } from './codes.ts';
import { parseCron, nextCronTime } from './cron.ts';
import type { ScheduleTiming } from './schedule.ts';
import { type WallTime, addDays, agentTimeSeconds, dayStart, daysBetween, fromAgent, secondOfDay } from './wall-time.ts';

const SUBDAY_SECONDS: Record<number, number> = { [SubdayType.Seconds]: 1, [SubdayType.Minutes]: 60, [SubdayType.Hours]: 3600 };

function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

function relativeDayMatches(kind: number, weekday: number): boolean {
  if (kind === RelativeDay.Day) return true;
  if (kind === RelativeDay.Weekday) return weekday >= 1 && weekday <= 5;
  if (kind === RelativeDay.WeekendDay) return weekday === 0 || weekday === 6;
  return weekday === kind - 1;
}

/** The day of the month a monthly-relative schedule picks ("second Tuesday", "last weekday"…). */
export function relativeDayOfMonth(year: number, month0: number, kind: number, relative: number): number | undefined {
  const days: number[] = [];
  const last = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  for (let d = 1; d <= last; d++) {
    if (relativeDayMatches(kind, new Date(Date.UTC(year, month0, d)).getUTCDay())) days.push(d);
  }
  if (relative === RelativeInterval.Last) return days[days.length - 1];
  const index = [RelativeInterval.First, RelativeInterval.Second, RelativeInterval.Third, RelativeInterval.Fourth].indexOf(relative as 1 | 2 | 4 | 8);
  return index < 0 ? undefined : days[index];
}

/** Does a recurring schedule fire on this day (a wall time at midnight)? */
function runsOnDay(s: ScheduleTiming, day: WallTime): boolean {
  const start = fromAgent(s.active_start_date);
  const d = new Date(day);
  const every = Math.max(1, s.freq_recurrence_factor);
  switch (s.freq_type) {
    case FreqType.Daily:
      return daysBetween(start, day) % Math.max(1, s.freq_interval) === 0;
    case FreqType.Weekly: {
      if ((s.freq_interval & WEEKDAY_BITS[d.getUTCDay()]) === 0) return false;
      // Weeks are counted from the Sunday that starts the week of active_start_date (Agent's week
      // anchor is not documented; this is OpenDTS's choice).
      const anchor = addDays(start, -new Date(start).getUTCDay());
      return Math.floor(daysBetween(anchor, day) / 7) % every === 0;
    }
    case FreqType.Monthly:
      // A day that a month lacks (31 in April) does not run that month: Agent's behaviour here is
      // not documented; OpenDTS skips the month, as cron does.
      return d.getUTCDate() === s.freq_interval && monthsBetween(new Date(start), d) % every === 0;
    case FreqType.MonthlyRelative:
      return (
        monthsBetween(new Date(start), d) % every === 0 &&
        relativeDayOfMonth(d.getUTCFullYear(), d.getUTCMonth(), s.freq_interval, s.freq_relative_interval) === d.getUTCDate()
      );
    default:
      return false;
  }
}

/** The first second of the day at or after `minSecond` at which a recurring schedule fires. */
function timeInDay(s: ScheduleTiming, minSecond: number): number | undefined {
  const start = agentTimeSeconds(s.active_start_time);
  if (s.freq_subday_type === SubdayType.AtTime || s.freq_subday_type === 0) return minSecond <= start ? start : undefined;
  const step = Math.max(1, s.freq_subday_interval) * (SUBDAY_SECONDS[s.freq_subday_type] ?? 60);
  const k = minSecond <= start ? 0 : Math.ceil((minSecond - start) / step);
  const t = start + k * step;
  return t <= Math.min(agentTimeSeconds(s.active_end_time), 86_399) ? t : undefined;
}

/** How far ahead the search looks (covers "every 99 months" schedules). */
const SEARCH_DAYS = 366 * 10;

/**
 * The first time at or after `from` at which the schedule fires, or undefined when it never
 * fires again (a one-time schedule in the past, an end date passed, "when the Agent starts").
 */
export function nextRunAtOrAfter(s: ScheduleTiming, from: WallTime): WallTime | undefined {
  const activeStart = fromAgent(s.active_start_date);
  const activeEnd = fromAgent(s.active_end_date, 235959);
  if (s.freq_type === FreqType.Once) {
    const at = fromAgent(s.active_start_date, s.active_start_time);
    return at >= from ? at : undefined;
  }
  if (s.freq_type === FreqType.Cron) {
    if (!s.cron_expression) return undefined;
    const t = nextCronTime(parseCron(s.cron_expression), Math.max(from, activeStart), Math.min(activeEnd, addDays(from, SEARCH_DAYS)));
    return t;
  }
  if (![FreqType.Daily, FreqType.Weekly, FreqType.Monthly, FreqType.MonthlyRelative].includes(s.freq_type as 4)) return undefined;
  let day = dayStart(Math.max(from, activeStart));
  const lastDay = Math.min(dayStart(activeEnd), addDays(day, SEARCH_DAYS));
  for (; day <= lastDay; day = addDays(day, 1)) {
    if (!runsOnDay(s, day)) continue;
    const minSecond = day === dayStart(from) ? secondOfDay(from) : 0;
    const second = timeInDay(s, minSecond);
    if (second !== undefined) return day + second * 1000;
  }
  return undefined;
}

/** The first time strictly after `after` at which the schedule fires. */
export function nextRunAfter(s: ScheduleTiming, after: WallTime): WallTime | undefined {
  return nextRunAtOrAfter(s, Math.floor(after / 1000) * 1000 + 1000);
}

/** The next `count` run times at or after `from` (for showing a schedule). */
export function upcomingRuns(s: ScheduleTiming, from: WallTime, count: number): WallTime[] {
  const out: WallTime[] = [];
  let t = nextRunAtOrAfter(s, from);
  while (t !== undefined && out.length < count) {
    out.push(t);
    t = nextRunAfter(s, t);
  }
  return out;
}
