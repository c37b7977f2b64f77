// Property tests: cron against a minute-by-minute search, and Agent schedules against their own definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCron, nextCronTime } from './cron.ts';
import { nextRunAtOrAfter } from './next-run.ts';
import { FreqType, SubdayType, WEEKDAY_BITS } from './codes.ts';
import { defaultTiming, type ScheduleTiming } from './schedule.ts';
import { wall, agentTimeSeconds, secondOfDay, formatWall } from './wall-time.ts';

const fieldText = (min: number, max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min: 1, max: Math.max(1, Math.floor((max - min) / 2)) }).map((k) => `*/${k}`),
    fc.integer({ min, max }).map(String),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${a},${b}`),
  );

function cronMatches(expr: ReturnType<typeof parseCron>, t: number): boolean {
  const d = new Date(t);
  const dom = expr.daysOfMonth.has(d.getUTCDate());
  const dow = expr.daysOfWeek.has(d.getUTCDay());
  return expr.minutes.has(d.getUTCMinutes()) && expr.hours.has(d.getUTCHours()) && expr.months.has(d.getUTCMonth() + 1) && (expr.dayOr ? dom || dow : dom && dow);
}

test('cron: the next time is the first matching minute (checked minute by minute over four days)', () => {
  fc.assert(
    fc.property(fieldText(0, 59), fieldText(0, 23), fieldText(1, 31), fieldText(1, 12), fieldText(0, 6), fc.integer({ min: 0, max: 365 * 24 * 60 }), (mi, h, dom, mo, dow, offset) => {
      const expr = parseCron(`${mi} ${h} ${dom} ${mo} ${dow}`);
      const from = wall(2027, 1, 1) + offset * 60_000;
      const end = from + 4 * 86_400_000;
      let expected: number | undefined;
      for (let t = from; t <= end; t += 60_000) {
        if (cronMatches(expr, t)) {
          expected = t;
          break;
        }
      }
      const got = nextCronTime(expr, from, end);
      assert.equal(got, expected, `${expr.source} from ${formatWall(from)}`);
    }),
    { numRuns: 300 },
  );
});

const scheduleArb: fc.Arbitrary<ScheduleTiming> = fc
  .record({
    kind: fc.constantFrom(FreqType.Daily, FreqType.Weekly, FreqType.Monthly, FreqType.MonthlyRelative),
    every: fc.integer({ min: 1, max: 4 }),
    days: fc.integer({ min: 1, max: 127 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    relativeDay: fc.integer({ min: 1, max: 10 }),
    relative: fc.constantFrom(1, 2, 4, 8, 16),
    subday: fc.constantFrom(SubdayType.AtTime, SubdayType.Minutes, SubdayType.Hours),
    subdayEvery: fc.integer({ min: 1, max: 90 }),
    start: fc.integer({ min: 0, max: 86_399 }),
    end: fc.integer({ min: 0, max: 86_399 }),
  })
  .map((r) => {
    const [lo, hi] = r.start <= r.end ? [r.start, r.end] : [r.end, r.start];
    const hhmmss = (s: number) => Math.floor(s / 3600) * 10000 + (Math.floor(s / 60) % 60) * 100 + (s % 60);
    return {
      ...defaultTiming(20261115),
      freq_type: r.kind,
      freq_interval: r.kind === FreqType.Daily ? r.every : r.kind === FreqType.Weekly ? r.days : r.kind === FreqType.Monthly ? r.dayOfMonth : r.relativeDay,
      freq_relative_interval: r.kind === FreqType.MonthlyRelative ? r.relative : 0,
      freq_recurrence_factor: r.kind === FreqType.Daily ? 0 : r.every,
      freq_subday_type: r.subday,
      freq_subday_interval: r.subday === SubdayType.AtTime ? 0 : r.subdayEvery,
      active_start_time: hhmmss(lo),
      active_end_time: hhmmss(hi),
    };
  });

/** The schedule's definition, checked on one run time (independently of the search). */
function isRun(s: ScheduleTiming, t: number): boolean {
  const d = new Date(t);
  const sec = secondOfDay(t);
  const start = agentTimeSeconds(s.active_start_time);
  const unit = s.freq_subday_type === SubdayType.Hours ? 3600 : 60;
  const timeOk = s.freq_subday_type === SubdayType.AtTime ? sec === start : sec >= start && sec <= agentTimeSeconds(s.active_end_time) && (sec - start) % (s.freq_subday_interval * unit) === 0;
  const startDay = wall(2026, 11, 15);
  const months = (d.getUTCFullYear() - 2026) * 12 + d.getUTCMonth() - 10;
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const weekday = d.getUTCDay();
  let dayOk: boolean;
  switch (s.freq_type) {
    case FreqType.Daily:
      dayOk = Math.round((t - sec * 1000 - startDay) / 86_400_000) % s.freq_interval === 0;
      break;
    case FreqType.Weekly:
      // 2026-11-15 is a Sunday: weeks count from it.
      dayOk = (s.freq_interval & WEEKDAY_BITS[weekday]) !== 0 && Math.floor((t - startDay) / (7 * 86_400_000)) % s.freq_recurrence_factor === 0;
      break;
    case FreqType.Monthly:
      dayOk = d.getUTCDate() === s.freq_interval && months % s.freq_recurrence_factor === 0;
      break;
    default: {
      const kind = s.freq_interval;
      const matches = (day: number) => {
        const wd = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day)).getUTCDay();
        return kind === 8 || (kind === 9 ? wd >= 1 && wd <= 5 : kind === 10 ? wd === 0 || wd === 6 : wd === kind - 1);
      };
      const all = Array.from({ length: daysInMonth }, (_, i) => i + 1).filter(matches);
      const pick = s.freq_relative_interval === 16 ? all.at(-1) : all[[1, 2, 4, 8].indexOf(s.freq_relative_interval)];
      dayOk = pick === d.getUTCDate() && months % s.freq_recurrence_factor === 0;
    }
  }
  return dayOk && timeOk;
}

test('Agent schedules: each next run fits the schedule, and no run is skipped before it', () => {
  fc.assert(
    fc.property(scheduleArb, fc.integer({ min: 0, max: 400 * 24 * 60 }), (s, offset) => {
      const from = wall(2026, 11, 15) + offset * 60_000;
      const next = nextRunAtOrAfter(s, from);
      assert.ok(next !== undefined, 'a recurring schedule without an end always runs again');
      assert.ok(next >= from);
      assert.ok(isRun(s, next), `${formatWall(next)} is not a run of ${JSON.stringify(s)}`);
      // Nothing between `from` and `next` is a run (checked on whole minutes, or on every hour boundary for long gaps).
      const step = next - from > 3 * 86_400_000 ? 3_600_000 : 60_000;
      for (let t = Math.ceil(from / step) * step; t < next; t += step) assert.ok(!isRun(s, t), `${formatWall(t)} was skipped for ${JSON.stringify(s)}`);
    }),
    { numRuns: 300 },
  );
});
