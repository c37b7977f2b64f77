/** @module The date/time value of every SSIS date and time type: a day number, 100-ns ticks of the day and an offset, exact to DT_DBTIMESTAMP2's precision. */

/** 100-ns ticks in a second, a minute, an hour and a day. */
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
/** Day number (days since 1970-01-01) of 1899-12-30, the OLE Automation epoch of DT_DATE. */
const OLE_EPOCH_DAY = -25569;
/** Day number of 1601-01-01, the FILETIME epoch. */
const FILETIME_EPOCH_DAY = -134774;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day number. */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** The calendar fields of a date/time value. */
export interface DateTimeFields {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number;
  /** Fraction of the second in 100-ns ticks (0 … 9 999 999). */
  fraction: number;
  /** Time-zone offset in minutes (DT_DBTIMESTAMPOFFSET), 0 otherwise. */
  offset: number;
}

/**
 * A date and/or time. `day` counts days since 1970-01-01, `tick` 100-ns units since midnight, both in the local
 * clock of the value; `offset` (minutes) is non-zero only for DT_DBTIMESTAMPOFFSET values. Time-only values have day 0.
 */
export class SsisDateTime {
  readonly day: number;
  readonly tick: number;
  readonly offset: number;

  constructor(day: number, tick: number, offset = 0) {
    const extra = Math.floor(tick / TICKS_PER_DAY);
    this.day = day + extra;
    this.tick = tick - extra * TICKS_PER_DAY;
    this.offset = offset;
  }

  /** A value from calendar fields (month 1-12, fraction in 100-ns ticks). */
  static of(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, fraction = 0, offset = 0): SsisDateTime {
    return new SsisDateTime(daysFromCivil(year, month, day), hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE + second * TICKS_PER_SECOND + fraction, offset);
  }

  /** The local-clock value of a JavaScript Date (its local time) or its UTC clock when `utc`. */
  static fromDate(d: Date, utc = false): SsisDateTime {
    return utc
      ? SsisDateTime.of(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds() * 10_000)
      : SsisDateTime.of(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds() * 10_000);
  }

  /** A DT_DATE (OLE Automation) double: days since 1899-12-30, the fraction is the time of day (sign-magnitude below zero). */
  static fromOleDate(value: number): SsisDateTime {
    const whole = Math.trunc(value);
    const frac = Math.abs(value - whole);
    return new SsisDateTime(OLE_EPOCH_DAY + whole, Math.round(frac * TICKS_PER_DAY / 10_000) * 10_000);
  }

  /** A FILETIME: 100-ns ticks since 1601-01-01. */
  static fromFileTime(ticks: bigint): SsisDateTime {
    const day = ticks / BigInt(TICKS_PER_DAY);
    return new SsisDateTime(FILETIME_EPOCH_DAY + Number(day), Number(ticks - day * BigInt(TICKS_PER_DAY)));
  }

  get fields(): DateTimeFields {
    const { year, month, day } = civilFromDays(this.day);
    const t = this.tick;
    return {
      year, month, day,
      hour: Math.floor(t / TICKS_PER_HOUR),
      minute: Math.floor(t / TICKS_PER_MINUTE) % 60,
      second: Math.floor(t / TICKS_PER_SECOND) % 60,
      fraction: t % TICKS_PER_SECOND,
      offset: this.offset,
    };
  }

  /** Day of the week, Sunday = 1 … Saturday = 7 (T-SQL default DATEFIRST 7). */
  get weekday(): number {
    return ((this.day % 7) + 7 + 4) % 7 + 1;
  }

  /** Day of the year, 1-366. */
  get dayOfYear(): number {
    return this.day - daysFromCivil(civilFromDays(this.day).year, 1, 1) + 1;
  }

  /** The same instant at offset 0. */
  toUtc(): SsisDateTime {
    return this.offset === 0 ? this : new SsisDateTime(this.day, this.tick - this.offset * TICKS_PER_MINUTE, 0);
  }

  /** The value moved by a number of 100-ns ticks. */
  addTicks(ticks: number): SsisDateTime {
    const days = Math.floor(ticks / TICKS_PER_DAY);
    return new SsisDateTime(this.day + days, this.tick + (ticks - days * TICKS_PER_DAY), this.offset);
  }

  /** The value moved by whole months, the day clamped to the end of the month (T-SQL DATEADD). */
  addMonths(months: number): SsisDateTime {
    const f = civilFromDays(this.day);
    const total = f.year * 12 + (f.month - 1) + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    const day = Math.min(f.day, daysInMonth(year, month));
    return new SsisDateTime(daysFromCivil(year, month, day), this.tick, this.offset);
  }

  /** Only the date (time 00:00). */
  datePart(): SsisDateTime {
    return new SsisDateTime(this.day, 0, 0);
  }

  /** Only the time of day (day 0). */
  timePart(): SsisDateTime {
    return new SsisDateTime(0, this.tick, 0);
  }

  /** The fraction truncated to `digits` fractional-second digits (0-7). */
  truncateFraction(digits: number): SsisDateTime {
    const unit = 10 ** (7 - digits);
    return new SsisDateTime(this.day, this.tick - (this.tick % unit), this.offset);
  }

  /** Compares instants (offsets taken into account). */
  compare(o: SsisDateTime): number {
    const a = this.toUtc();
    const b = o.toUtc();
    return a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.tick < b.tick ? -1 : a.tick > b.tick ? 1 : 0;
  }

  /** The DT_DATE double of this clock value. */
  toOleDate(): number {
    const days = this.day - OLE_EPOCH_DAY;
    const frac = this.tick / TICKS_PER_DAY;
    return days >= 0 ? days + frac : days - frac;
  }

  /** FILETIME ticks since 1601-01-01 of this clock value. */
  toFileTime(): bigint {
    return BigInt(this.day - FILETIME_EPOCH_DAY) * BigInt(TICKS_PER_DAY) + BigInt(this.tick);
  }

  /** ISO-like text `yyyy-mm-dd hh:mm:ss.fffffff [+hh:mm]`, for debugging and display. */
  toString(): string {
    return formatDateTime(this, 'DT_DBTIMESTAMPOFFSET', 7);
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `yyyy-mm-dd` of recently formatted day numbers: data repeats dates, so each text is built once (bounded). */
const dayTexts = new Map<number, string>();

/** The `yyyy-mm-dd` text of a day number. */
export function dayText(day: number): string {
  let s = dayTexts.get(day);
  if (s === undefined) {
    const c = civilFromDays(day);
    s = `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
    if (dayTexts.size >= 65536) dayTexts.clear();
    dayTexts.set(day, s);
  }
  return s;
}

/** The date/time types' string shapes (§2.2): `yyyy-mm-dd`, `hh:mm:ss[.f…]`, `yyyy-mm-dd hh:mm:ss[.f…] [+hh:mm]`. */
export function formatDateTime(v: SsisDateTime, type: string, scale: number): string {
  if (type === 'DT_DBDATE') return dayText(v.day);
  const f = v.fields;
  const date = dayText(v.day);
  const time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`;
  const fraction = (digits: number) => (digits > 0 ? '.' + pad(f.fraction, 7).slice(0, digits) : '');
  switch (type) {
    case 'DT_DBDATE': return date;
    case 'DT_DBTIME': return time;
    case 'DT_DBTIME2': return time + fraction(scale);
    case 'DT_FILETIME': return `${date} ${time}:${pad(f.fraction, 7).slice(0, 3)}`;
    case 'DT_DBTIMESTAMP':
      // SSIS prints DT_DBTIMESTAMP with nine fractional digits (GETDATE() is "29 characters"); a zero fraction is left out [unverified].
      return `${date} ${time}${f.fraction === 0 ? '' : '.' + pad(f.fraction, 7) + '00'}`;
    case 'DT_DBTIMESTAMP2': return `${date} ${time}${fraction(scale)}`;
    case 'DT_DBTIMESTAMPOFFSET': {
      const o = Math.abs(f.offset);
      return `${date} ${time}${fraction(scale)} ${f.offset < 0 ? '-' : '+'}${pad(Math.floor(o / 60), 2)}:${pad(o % 60, 2)}`;
    }
    default:
      // DT_DATE: "the date is in the ISO format of YYYY-MM-DD, regardless of the locale" (cast documentation).
      return `${date} ${time}`;
  }
}

/** What a date/time string held. */
export interface ParsedDateTime {
  value: SsisDateTime;
  hasDate: boolean;
  hasTime: boolean;
  hasOffset: boolean;
  /** Fractional-second digits written. */
  fractionDigits: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parses the date/time strings SSIS casts accept: ISO `yyyy-mm-dd[ hh:mm[:ss[.fffffff]]][ ±h:mm]` (also with `T`),
 * US `m/d/yyyy[ h:mm[:ss] [AM|PM]]`, `d-Mon-yyyy`, `yyyymmdd`, and time-only `hh:mm[:ss[.f]]`. Undefined when invalid.
 */
export function parseDateTime(text: string): ParsedDateTime | undefined {
  const s = text.trim();
  let rest = s;
  let y = 1900, mo = 1, d = 1;
  let hasDate = false;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(rest) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(rest);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    hasDate = true;
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(rest))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    hasDate = true;
  } else if ((m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\d{4})/.exec(rest)) && MONTHS.includes(m[2].toLowerCase())) {
    [d, mo, y] = [Number(m[1]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[3])];
    hasDate = true;
  } else if ((m = /^(\d{4})(\d{2})(\d{2})(?=$|[T ])/.exec(rest))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    hasDate = true;
  }
  if (m) {
    if (!validDate(y, mo, d)) return undefined;
    rest = rest.slice(m[0].length);
    if (rest.startsWith('T')) rest = rest.slice(1);
    rest = rest.trimStart();
  }
  let hour = 0, minute = 0, second = 0, fraction = 0, fractionDigits = 0, hasTime = false;
  const t = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.:](\d{1,9}))?)?(?:\s*([AaPp][Mm]))?/.exec(rest);
  if (t) {
    [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (t[4]) {
      fractionDigits = t[4].length;
      fraction = Number(t[4].padEnd(7, '0').slice(0, 7));
    }
    if (t[5]) {
      if (hour < 1 || hour > 12) return undefined;
      const pm = t[5].toLowerCase() === 'pm';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    hasTime = true;
    rest = rest.slice(t[0].length).trimStart();
  }
  if (!hasDate && !hasTime) return undefined;
  let offset = 0, hasOffset = false;
  const z = /^([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(rest);
  if (z) {
    const h = Number(z[2]), mi = Number(z[3] ?? 0);
    if (h > 14 || mi > 59 || (h === 14 && mi > 0)) return undefined;
    offset = (z[1] === '-' ? -1 : 1) * (h * 60 + mi);
    hasOffset = true;
    rest = '';
  } else if (rest === 'Z') rest = '';
  if (rest !== '') return undefined;
  const value = hasDate
    ? SsisDateTime.of(y, mo, d, hour, minute, second, fraction, offset)
    : new SsisDateTime(0, hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE + second * TICKS_PER_SECOND + fraction, offset);
  return { value, hasDate, hasTime, hasOffset, fractionDigits };
}
