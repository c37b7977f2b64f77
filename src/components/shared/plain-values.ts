/** @module Buffer values as plain JavaScript values for consumers outside the data flow (recordsets, scripts, caches). */
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';

/** A pipeline value as a plain JavaScript value: dates as Date (UTC clock), decimals as numbers, the rest unchanged. */
export function plainValue(v: unknown): unknown {
  if (v instanceof SsisDateTime) {
    const u = v.toUtc();
    return new Date(u.day * 86_400_000 + Math.floor(u.tick / 10_000));
  }
  if (v instanceof SsisDecimal) return v.toNumber();
  return v;
}
