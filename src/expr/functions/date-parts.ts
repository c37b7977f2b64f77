/** @module Date part names and abbreviations of DATEADD, DATEDIFF and DATEPART, and the arithmetic on each part (T-SQL semantics, Sunday = first day of the week). */
import { civilFromDays, daysFromCivil, SsisDateTime, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from '../../types/index.ts';

/** The canonical date parts. */
export type DatePart = 'year' | 'quarter' | 'month' | 'dayofyear' | 'day' | 'week' | 'weekday' | 'hour' | 'minute' | 'second' | 'millisecond';

const NAMES: Record<string, DatePart> = {
  year: 'year', yy: 'year', yyyy: 'year',
  quarter: 'quarter', qq: 'quarter', q: 'quarter',
  month: 'month', mm: 'month', m: 'month',
  dayofyear: 'dayofyear', dy: 'dayofyear', y: 'dayofyear',
  day: 'day', dd: 'day', d: 'day',
  week: 'week', wk: 'week', ww: 'week',
  weekday: 'weekday', dw: 'weekday', w: 'weekday',
  hour: 'hour', hh: 'hour',
  minute: 'minute', mi: 'minute', n: 'minute',
  second: 'second', ss: 'second', s: 'second',
  millisecond: 'millisecond', ms: 'millisecond',
};

/** The date part a name or abbreviation (case-insensitive) denotes, if any. */
export function datePartOf(name: string): DatePart | undefined {
  return NAMES[name.trim().toLowerCase()];
}

const TICKS_PER_MS = 10_000;
const PART_TICKS: Partial<Record<DatePart, number>> = {
  hour: TICKS_PER_HOUR, minute: TICKS_PER_MINUTE, second: TICKS_PER_SECOND, millisecond: TICKS_PER_MS,
};

/** The value moved by `n` units of `part`. */
export function addDatePart(part: DatePart, n: number, d: SsisDateTime): SsisDateTime {
  switch (part) {
    case 'year': return d.addMonths(12 * n);
    case 'quarter': return d.addMonths(3 * n);
    case 'month': return d.addMonths(n);
    case 'week': return d.addTicks(7 * n * TICKS_PER_DAY);
    case 'dayofyear': case 'day': case 'weekday': return d.addTicks(n * TICKS_PER_DAY);
    default: return d.addTicks(n * PART_TICKS[part]!);
  }
}

/** Index of the Sunday-started week containing a day number. */
const weekIndex = (day: number) => Math.floor((day + 4) / 7);

/** The number of `part` boundaries crossed from `a` to `b` (T-SQL DATEDIFF). */
export function diffDatePart(part: DatePart, a: SsisDateTime, b: SsisDateTime): number {
  const fa = civilFromDays(a.day);
  const fb = civilFromDays(b.day);
  switch (part) {
    case 'year': return fb.year - fa.year;
    case 'quarter': return fb.year * 4 + Math.floor((fb.month - 1) / 3) - (fa.year * 4 + Math.floor((fa.month - 1) / 3));
    case 'month': return fb.year * 12 + fb.month - (fa.year * 12 + fa.month);
    case 'week': return weekIndex(b.day) - weekIndex(a.day);
    case 'dayofyear': case 'day': case 'weekday': return b.day - a.day;
    default: {
      const unit = PART_TICKS[part]!;
      const ta = Math.floor(a.tick / unit) + a.day * (TICKS_PER_DAY / unit);
      const tb = Math.floor(b.tick / unit) + b.day * (TICKS_PER_DAY / unit);
      return tb - ta;
    }
  }
}

/** The integer value of `part` in a date (its local clock). */
export function getDatePart(part: DatePart, d: SsisDateTime): number {
  const f = d.fields;
  switch (part) {
    case 'year': return f.year;
    case 'quarter': return Math.floor((f.month - 1) / 3) + 1;
    case 'month': return f.month;
    case 'dayofyear': return d.dayOfYear;
    case 'day': return f.day;
    case 'week': return weekIndex(d.day) - weekIndex(daysFromCivil(f.year, 1, 1)) + 1;
    case 'weekday': return d.weekday;
    case 'hour': return f.hour;
    case 'minute': return f.minute;
    case 'second': return f.second;
    default: return Math.floor(f.fraction / TICKS_PER_MS);
  }
}
