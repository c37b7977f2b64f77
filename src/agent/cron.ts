/** @module Cron expressions, an OpenDTS extension to Agent schedules: the classic five fields (minute hour day-of-month month day-of-week) with `*`, lists, ranges, steps and names. */
import { SsisError } from '../errors.ts';
import { type WallTime } from './wall-time.ts';

/** A parsed cron expression: the allowed values of each field. */
export interface CronExpression {
  readonly source: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is read as Sunday). */
  readonly daysOfWeek: ReadonlySet<number>;
  /** Cron's rule: when both day fields are restricted, a day matching either runs. */
  readonly dayOr: boolean;
}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function cronError(source: string, why: string): SsisError {
  return new SsisError('0x80004005', 'OPENDTS_E_CRONEXPRESSION', `The cron expression "${source}" is not valid: ${why}.`);
}

function value(text: string, spec: FieldSpec, source: string): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const n = named >= 0 ? named + (spec.min === 1 ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
    throw cronError(source, `"${text}" is not a ${spec.name} (${spec.min}-${spec.max})`);
  }
  return n;
}

function parseField(text: string, spec: FieldSpec, source: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw cronError(source, `"${part}" has a bad step in the ${spec.name} field`);
    }
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = spec.min;
      hi = spec.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a, spec, source);
      hi = value(b, spec, source);
      if (hi < lo) throw cronError(source, `the range "${range}" runs backwards`);
    } else {
      lo = value(range, spec, source);
      hi = stepText === undefined ? lo : spec.max;
    }
    for (let v = lo; v <= hi; v += step) out.add(spec.name === 'day of week' && v === 7 ? 0 : v);
  }
  return out;
}

/** Parses a five-field cron expression; throws SsisError naming the bad field. */
export function parseCron(source: string): CronExpression {
  const fields = source.trim().split(/\s+/);
  if (fields.length !== 5) throw cronError(source, `it has ${fields.length} fields, cron needs 5 (minute hour day-of-month month day-of-week)`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((f, i) => parseField(f, FIELDS[i], source));
  return { source, minutes, hours, daysOfMonth, months, daysOfWeek, dayOr: fields[2] !== '*' && fields[4] !== '*' };
}

function dayMatches(c: CronExpression, d: Date): boolean {
  const dom = c.daysOfMonth.has(d.getUTCDate());
  const dow = c.daysOfWeek.has(d.getUTCDay());
  return c.dayOr ? dom || dow : dom && dow;
}

/** The first minute at or after `from` (rounded up to a whole minute) that the expression matches, within `limit`. */
export function nextCronTime(c: CronExpression, from: WallTime, limit: WallTime): WallTime | undefined {
  let t = Math.ceil(from / 60_000) * 60_000;
  while (t <= limit) {
    const d = new Date(t);
    if (!c.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else if (!dayMatches(c, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    } else if (!c.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    } else if (!c.minutes.has(d.getUTCMinutes())) {
      t += 60_000;
    } else {
      return t;
    }
  }
  return undefined;
}
