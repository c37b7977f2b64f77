/** @module Wall-clock times as Agent keeps them: local date and time with no zone, as a number of milliseconds (the wall time read as if it were UTC), and msdb's int forms (yyyymmdd, hhmmss). */

/** A local wall-clock time with second precision: `Date.UTC(y, m-1, d, h, mi, s)` of the local reading. */
export type WallTime = number;

const DAY_MS = 86_400_000;

/** The wall time of an instant, read in the process's time zone. */
export function wallOf(instant: Date): WallTime {
  return Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours(), instant.getMinutes(), instant.getSeconds());
}

/** Builds a wall time from its parts (month 1-12). */
export function wall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The midnight that starts a wall time's day. */
export function dayStart(t: WallTime): WallTime {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/** Seconds since midnight of a wall time. */
export function secondOfDay(t: WallTime): number {
  return Math.floor((t - dayStart(t)) / 1000);
}

/** Whole days between two wall times' days (b − a). */
export function daysBetween(a: WallTime, b: WallTime): number {
  return Math.round((dayStart(b) - dayStart(a)) / DAY_MS);
}

/** Adds whole days. */
export function addDays(t: WallTime, days: number): WallTime {
  return t + days * DAY_MS;
}

/** msdb's date int `yyyymmdd`. */
export function toAgentDate(t: WallTime): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** msdb's time int `hhmmss`. */
export function toAgentTime(t: WallTime): number {
  const d = new Date(t);
  return d.getUTCHours() * 10000 + d.getUTCMinutes() * 100 + d.getUTCSeconds();
}

/** Seconds since midnight of an `hhmmss` int. */
export function agentTimeSeconds(hhmmss: number): number {
  return Math.floor(hhmmss / 10000) * 3600 + (Math.floor(hhmmss / 100) % 100) * 60 + (hhmmss % 100);
}

/** The wall time of msdb's `(yyyymmdd, hhmmss)` pair. */
export function fromAgent(date: number, time = 0): WallTime {
  return wall(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100) + agentTimeSeconds(time) * 1000;
}

/** `sysjobhistory.run_duration`: elapsed time as an `hhmmss` int (hours may exceed 99). */
export function toAgentDuration(ms: number): number {
  const s = Math.max(0, Math.round(ms / 1000));
  return Math.floor(s / 3600) * 10000 + (Math.floor(s / 60) % 60) * 100 + (s % 60);
}

/** `2026-11-25 02:00:00` for a wall time. */
export function formatWall(t: WallTime): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-11-25 02:00:00` for msdb's `(yyyymmdd, hhmmss)`; empty when the date is 0 (never). */
export function formatAgent(date: number, time: number): string {
  return date === 0 ? '' : formatWall(fromAgent(date, time));
}

/** `HH:MM:SS` for an `hhmmss` int. */
export function formatAgentTime(hhmmss: number): string {
  return formatWall(fromAgent(20000101, hhmmss)).slice(11);
}
