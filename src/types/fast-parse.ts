/**
 * @module Fast parse (§2.4): the locale-insensitive parsing the Flat File source and Data Conversion use when a
 * column's FastParse is True — plain integers, ISO-8601-style dates, times and date-times.
 */
import { dataType } from './data-types.ts';
import { daysInMonth, SsisDateTime, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from './date-time.ts';
import { conversionFailed, conversionOverflow } from './conversion-errors.ts';
import { convertValue } from './convert.ts';
import { typeSpec, type TypeSpec } from './type-spec.ts';

const WSTR = typeSpec('DT_WSTR');

/** A fast-parsed time: ticks of the day, and the zone offset in minutes when one was written. */
interface ParsedTime { ticks: number; offset?: number }

/** `YYYYMMDD`, `YYYY-MM-DD`, `YYYY-MM`, `YYYY` (missing month/day = 01). */
function parseDate(s: string): SsisDateTime | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|(\d{2})(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4] ?? 1);
  const d = Number(m[3] ?? m[5] ?? 1);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return SsisDateTime.of(y, mo, d);
}

/** `HHMISS`, `HH:MI:SS`, `HHMI`, `HH:MI`, `HH`, a fraction of the last part, then `Z`, `±HH:MI`, `±HHMI` or `±HH`. */
function parseTime(s: string): ParsedTime | undefined {
  const m = /^(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number);
  const [h, mi = 0, sec = 0] = parts;
  if (h > 24 || mi > 59 || sec > 60 || (h === 24 && (mi > 0 || sec > 0)) || (sec === 60 && !(h === 23 && mi === 59))) return undefined;
  const unit = [TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND][parts.length - 1];
  const fraction = m[4] ? Math.round(Number(`0.${m[4]}`) * unit) : 0;
  // 24:00 is midnight; the leap second 23:59:60 is kept as the last instant of the day.
  const ticks = Math.min((h % 24) * TICKS_PER_HOUR + mi * TICKS_PER_MINUTE + sec * TICKS_PER_SECOND + fraction, TICKS_PER_DAY - 1);
  let offset: number | undefined;
  if (m[5] === 'Z') offset = 0;
  else if (m[5]) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[5])!;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  return { ticks, offset };
}

/**
 * Parses `text` with fast-parse rules into a value of type `to` (integers, dates, times, date-times); other types fall
 * back to the standard conversion. Throws DTS_E_EXPREVALDATACONVERSIONFAILED / …OVERFLOW like `convertValue`.
 */
export function fastParse(text: string, to: TypeSpec): unknown {
  const info = dataType(to.type);
  const fail = () => conversionFailed(WSTR, to, text);
  if (info.family === 'integer') {
    const t = text.replace(/^[ \t]+|[ \t]+$/g, '');
    if (t === '') return info.js === 'bigint' ? 0n : 0;
    if (!/^[+-]?\d+$/.test(t)) throw fail();
    const n = BigInt(t);
    if (n < info.min! || n > info.max!) throw conversionOverflow(WSTR, to, text);
    return info.js === 'bigint' ? n : Number(n);
  }
  if (info.family !== 'date' && info.family !== 'time') return convertValue(text, WSTR, to);
  const t = text.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  if (info.family === 'time') {
    const time = parseTime(t);
    if (!time) throw fail();
    return new SsisDateTime(0, time.ticks).truncateFraction(to.type === 'DT_DBTIME' ? 0 : to.scale ?? 7);
  }
  const [datePart, timePart] = t.split('T');
  const date = parseDate(datePart);
  if (!date) throw fail();
  if (to.type === 'DT_DBDATE') {
    if (timePart !== undefined) throw fail();
    return date;
  }
  const time = timePart === undefined || timePart === '' ? { ticks: 0 } : parseTime(timePart);
  if (!time) throw fail();
  const offset = to.type === 'DT_DBTIMESTAMPOFFSET' ? time.offset ?? 0 : 0;
  const value = new SsisDateTime(date.day, time.ticks, offset);
  const scale = to.type === 'DT_DBTIMESTAMP' || to.type === 'DT_FILETIME' ? 3 : to.scale ?? 7;
  return value.truncateFraction(scale);
}
