/** @module The schedule syntax of `opendts job add --schedule` ("daily at 02:00", "every 5 minutes", "monthly on the second tuesday at 03:00", …) read into sysschedules columns, and the sentence SSMS shows for a schedule ("Occurs every day at 02:00:00."). */
import { SsisError } from '../errors.ts';
import { FreqType, SubdayType, RelativeDay, RelativeInterval, WEEKDAY_BITS } from './codes.ts';
import { defaultTiming, validateTiming, type ScheduleTiming } from './schedule.ts';
import { formatAgent, formatAgentTime } from './wall-time.ts';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ORDINALS: Record<string, number> = {
  first: RelativeInterval.First, '1st': RelativeInterval.First,
  second: RelativeInterval.Second, '2nd': RelativeInterval.Second,
  third: RelativeInterval.Third, '3rd': RelativeInterval.Third,
  fourth: RelativeInterval.Fourth, '4th': RelativeInterval.Fourth,
  last: RelativeInterval.Last,
};
const UNITS: Record<string, number> = {
  second: SubdayType.Seconds, seconds: SubdayType.Seconds,
  minute: SubdayType.Minutes, minutes: SubdayType.Minutes,
  hour: SubdayType.Hours, hours: SubdayType.Hours,
};

function syntaxError(text: string, why: string): SsisError {
  return new SsisError(
    '0x80004005',
    'OPENDTS_E_SCHEDULESYNTAX',
    `The schedule "${text}" is not understood: ${why}. Examples: "daily at 02:00", "every 15 minutes between 08:00 and 18:00", "weekly on mon,fri at 07:30", "monthly on day 1 at 00:00", "monthly on the last weekday at 18:00", "once at 2026-12-01 10:00", "at agent start".`,
  );
}

function dayIndex(word: string): number {
  return DAY_NAMES.findIndex((d) => word.length >= 3 && d.startsWith(word));
}

/** A small cursor over the words of a schedule. */
class Words {
  private i = 0;
  constructor(readonly text: string, private readonly words: string[]) {}
  peek(offset = 0): string | undefined { return this.words[this.i + offset]; }
  next(what: string): string {
    const w = this.words[this.i++];
    if (w === undefined) throw syntaxError(this.text, `${what} is missing at the end`);
    return w;
  }
  accept(...options: string[]): string | undefined {
    const w = this.peek();
    if (w !== undefined && options.includes(w)) { this.i++; return w; }
    return undefined;
  }
  expect(word: string): void {
    const w = this.next(`"${word}"`);
    if (w !== word) throw syntaxError(this.text, `expected "${word}" but found "${w}"`);
  }
  count(what: string): number {
    const w = this.next(what);
    if (!/^\d+$/.test(w) || Number(w) < 1) throw syntaxError(this.text, `${what} must be a whole number of 1 or more, not "${w}"`);
    return Number(w);
  }
  time(): number {
    const w = this.next('a time (HH:MM or HH:MM:SS)');
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(w);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) throw syntaxError(this.text, `"${w}" is not a time (HH:MM or HH:MM:SS)`);
    return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3] ?? 0);
  }
  date(): number {
    const w = this.next('a date (YYYY-MM-DD)');
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w);
    if (!m) throw syntaxError(this.text, `"${w}" is not a date (YYYY-MM-DD)`);
    return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
  }
  get done(): boolean { return this.i >= this.words.length; }
}

function parseDays(w: Words): number {
  let bits = 0;
  for (;;) {
    const word = w.peek();
    if (word === 'weekdays') bits |= 2 | 4 | 8 | 16 | 32;
    else if (word === 'weekends') bits |= 1 | 64;
    else if (word !== undefined && dayIndex(word) >= 0) bits |= WEEKDAY_BITS[dayIndex(word)];
    else break;
    w.next('a day');
    w.accept('and');
  }
  if (bits === 0) throw syntaxError(w.text, 'a weekly schedule needs its days, e.g. "on mon,wed,fri"');
  return bits;
}

function parseRelativeDay(w: Words): number {
  const word = w.next('a day (monday … sunday, day, weekday, weekend day)');
  if (word === 'day') return RelativeDay.Day;
  if (word === 'weekday') return RelativeDay.Weekday;
  if (word === 'weekend' || word === 'weekend-day' || word === 'weekendday') {
    if (word === 'weekend') w.expect('day');
    return RelativeDay.WeekendDay;
  }
  const i = dayIndex(word);
  if (i < 0) throw syntaxError(w.text, `"${word}" is not a day (monday … sunday, day, weekday, weekend day)`);
  return i + 1;
}

/** Reads "at TIME" or "every N unit [between T and T]" into the schedule. */
function parseTimeOfDay(w: Words, s: ScheduleTiming): void {
  if (w.accept('at')) {
    s.freq_subday_type = SubdayType.AtTime;
    s.active_start_time = w.time();
  } else if (w.peek() === 'every' && /^\d+$/.test(w.peek(1) ?? '') && UNITS[w.peek(2) ?? ''] !== undefined) {
    w.next('every');
    s.freq_subday_interval = w.count('the interval');
    s.freq_subday_type = UNITS[w.next('a unit')];
    if (w.accept('between')) {
      s.active_start_time = w.time();
      w.expect('and');
      s.active_end_time = w.time();
    }
  }
}

/** Reads a recurrence word group; returns true when a time of day may follow. */
function parseRecurrence(w: Words, s: ScheduleTiming): boolean {
  const first = w.next('a schedule');
  if (first === 'once') {
    w.accept('at', 'on');
    s.freq_type = FreqType.Once;
    s.active_start_date = w.date();
    s.active_start_time = w.peek() !== undefined && /^\d/.test(w.peek() ?? '') ? w.time() : 0;
    return false;
  }
  if (first === 'when' || (first === 'at' && w.peek() === 'agent') || first === 'startup') {
    for (const word of ['the', 'agent', 'start', 'starts']) w.accept(word);
    s.freq_type = FreqType.AgentStart;
    return false;
  }
  s.freq_subday_type = SubdayType.AtTime;
  s.freq_recurrence_factor = 1;
  let n = 1;
  let unit = first;
  if (first === 'every') {
    if (/^\d+$/.test(w.peek() ?? '')) n = w.count('the interval');
    unit = w.next('a unit (days, weeks, months, hours, minutes, seconds)');
  }
  if (UNITS[unit] !== undefined) {
    if (first !== 'every') throw syntaxError(w.text, `"${unit}" needs "every N" before it`);
    s.freq_type = FreqType.Daily;
    s.freq_interval = 1;
    s.freq_subday_type = UNITS[unit];
    s.freq_subday_interval = n;
    if (w.accept('between')) {
      s.active_start_time = w.time();
      w.expect('and');
      s.active_end_time = w.time();
    }
    return false;
  }
  if (unit === 'daily' || unit === 'day' || unit === 'days') {
    s.freq_type = FreqType.Daily;
    s.freq_interval = n;
    return true;
  }
  if (unit === 'weekly' || unit === 'week' || unit === 'weeks') {
    s.freq_type = FreqType.Weekly;
    s.freq_recurrence_factor = n;
    w.expect('on');
    s.freq_interval = parseDays(w);
    return true;
  }
  if (unit === 'monthly' || unit === 'month' || unit === 'months') {
    s.freq_recurrence_factor = n;
    w.expect('on');
    if (w.accept('day')) {
      s.freq_type = FreqType.Monthly;
      s.freq_interval = w.count('the day of the month');
    } else {
      w.accept('the');
      const ordinal = ORDINALS[w.next('first, second, third, fourth or last')];
      if (ordinal === undefined) throw syntaxError(w.text, 'a monthly schedule needs "on day N" or "on the first|second|third|fourth|last <day>"');
      s.freq_type = FreqType.MonthlyRelative;
      s.freq_relative_interval = ordinal;
      s.freq_interval = parseRelativeDay(w);
      w.accept('of');
      w.accept('the');
      w.accept('month');
    }
    return true;
  }
  throw syntaxError(w.text, `"${unit}" does not start a schedule`);
}

/**
 * Reads the `--schedule` syntax into sysschedules timing columns. `today` (yyyymmdd) is the
 * default start date, as `sp_add_schedule` uses the current date.
 */
export function parseScheduleText(text: string, today: number): ScheduleTiming {
  const w = new Words(text, text.toLowerCase().replace(/,/g, ' ').trim().split(/\s+/).filter(Boolean));
  const s = defaultTiming(today);
  if (parseRecurrence(w, s)) parseTimeOfDay(w, s);
  while (!w.done) {
    const word = w.next('more');
    if (word === 'from' || word === 'starting') s.active_start_date = w.date();
    else if (word === 'until' || word === 'ending') s.active_end_date = w.date();
    else throw syntaxError(text, `"${word}" is not expected here`);
  }
  validateTiming(s);
  return s;
}

/** A schedule for a cron expression (the OpenDTS extension), validated. */
export function cronTiming(expression: string, today: number): ScheduleTiming {
  const s = { ...defaultTiming(today), freq_type: FreqType.Cron, cron_expression: expression.trim() };
  validateTiming(s);
  return s;
}

const ORDINAL_WORDS: Record<number, string> = { 1: 'first', 2: 'second', 4: 'third', 8: 'fourth', 16: 'last' };

function every(n: number, unit: string): string {
  return n <= 1 ? `every ${unit}` : `every ${n} ${unit}(s)`;
}

function timeOfDayText(s: ScheduleTiming): string {
  if (s.freq_subday_type === SubdayType.AtTime || s.freq_subday_type === 0) return `at ${formatAgentTime(s.active_start_time)}`;
  const unit = s.freq_subday_type === SubdayType.Hours ? 'hour' : s.freq_subday_type === SubdayType.Minutes ? 'minute' : 'second';
  return `every ${s.freq_subday_interval} ${unit}(s) between ${formatAgentTime(s.active_start_time)} and ${formatAgentTime(s.active_end_time)}`;
}

/** The sentence SSMS shows for a schedule, e.g. "Occurs every week on Monday, Friday at 07:30:00. Schedule will be used starting on 2026-11-25." */
export function describeSchedule(s: ScheduleTiming): string {
  const range = ` Schedule will be used starting on ${formatAgent(s.active_start_date, 0).slice(0, 10)}${s.active_end_date === 99991231 ? '' : ` and ending on ${formatAgent(s.active_end_date, 0).slice(0, 10)}`}.`;
  switch (s.freq_type) {
    case FreqType.Once:
      return `Occurs on ${formatAgent(s.active_start_date, s.active_start_time)}.`;
    case FreqType.AgentStart:
      return 'Start automatically when SQL Server Agent starts.';
    case FreqType.Idle:
      return 'Start whenever the CPUs become idle.';
    case FreqType.Cron:
      return `Occurs when the cron expression "${s.cron_expression}" matches.${range}`;
    case FreqType.Daily:
      return `Occurs ${every(s.freq_interval, 'day')} ${timeOfDayText(s)}.${range}`;
    case FreqType.Weekly: {
      const days = DAY_NAMES.filter((_, i) => (s.freq_interval & WEEKDAY_BITS[i]) !== 0).map((d) => d[0].toUpperCase() + d.slice(1));
      return `Occurs ${every(s.freq_recurrence_factor, 'week')} on ${days.join(', ')} ${timeOfDayText(s)}.${range}`;
    }
    case FreqType.Monthly:
      return `Occurs ${every(s.freq_recurrence_factor, 'month')} on day ${s.freq_interval} of that month ${timeOfDayText(s)}.${range}`;
    case FreqType.MonthlyRelative: {
      const day = s.freq_interval <= 7 ? DAY_NAMES[s.freq_interval - 1][0].toUpperCase() + DAY_NAMES[s.freq_interval - 1].slice(1) : ['day', 'weekday', 'weekend day'][s.freq_interval - 8];
      return `Occurs ${every(s.freq_recurrence_factor, 'month')} on the ${ORDINAL_WORDS[s.freq_relative_interval]} ${day} of that month ${timeOfDayText(s)}.${range}`;
    }
    default:
      return `Unknown schedule type ${s.freq_type}.`;
  }
}
