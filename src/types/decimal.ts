/** @module An exact decimal number (unscaled bigint and scale) for DT_NUMERIC, DT_DECIMAL and DT_CY: no floating-point error. */

const TEN = 10n;
const POW10: bigint[] = [];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power of ten');
  return (POW10[n] ??= TEN ** BigInt(n));
}

/** Divides and rounds half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const ad = d < 0n ? -d : d;
  if (twice >= ad) return (n < 0n) !== (d < 0n) ? q - 1n : q + 1n;
  return q;
}

/** An exact decimal value: `unscaled / 10^scale`. Immutable. */
export class SsisDecimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /** Parses `-12.50`, `+3`, `.5`, `1e3` (exponent allowed); returns undefined when the text is not a number. */
  static parse(text: string): SsisDecimal | undefined {
    const m = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
    const frac = m[3] ?? '';
    let unscaled = BigInt((m[2] || '0') + frac);
    let scale = frac.length;
    if (m[4] !== undefined) {
      const e = Number(m[4]);
      if (Math.abs(e) > 400) return undefined;
      if (e >= scale) { unscaled *= pow10(e - scale); scale = 0; } else scale -= e;
    }
    if (m[1] === '-') unscaled = -unscaled;
    return new SsisDecimal(unscaled, scale);
  }

  /** The exact decimal of an integer. */
  static fromInteger(value: number | bigint, scale = 0): SsisDecimal {
    return new SsisDecimal(BigInt(value) * pow10(scale), scale);
  }

  /**
   * The decimal of a double: first its 15 significant digits (as OLE Automation's VarDecFromR8 does, so 1.005 stays
   * 1.005), then rounded half away from zero to `scale` digits.
   */
  static fromNumber(value: number, scale: number): SsisDecimal {
    if (!Number.isFinite(value)) throw new RangeError('not a finite number');
    return SsisDecimal.parse(value.toPrecision(15))!.rescale(scale);
  }

  /** The same value with `scale` fractional digits, rounding half away from zero when digits are dropped. */
  rescale(scale: number): SsisDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new SsisDecimal(this.unscaled * pow10(scale - this.scale), scale);
    return new SsisDecimal(divRound(this.unscaled, pow10(this.scale - scale)), scale);
  }

  /** Number of significant integer+fraction digits of the unscaled value (at least 1). */
  get digits(): number {
    const u = this.unscaled < 0n ? -this.unscaled : this.unscaled;
    return u === 0n ? 1 : u.toString().length;
  }

  get sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  add(o: SsisDecimal): SsisDecimal {
    const s = Math.max(this.scale, o.scale);
    return new SsisDecimal(this.rescale(s).unscaled + o.rescale(s).unscaled, s);
  }

  sub(o: SsisDecimal): SsisDecimal {
    return this.add(o.neg());
  }

  mul(o: SsisDecimal): SsisDecimal {
    return new SsisDecimal(this.unscaled * o.unscaled, this.scale + o.scale);
  }

  /** Quotient rounded half away from zero to `scale` digits; the caller checks for a zero divisor. */
  div(o: SsisDecimal, scale: number): SsisDecimal {
    const num = this.unscaled * pow10(scale + o.scale);
    const den = o.unscaled * pow10(this.scale);
    return new SsisDecimal(divRound(num, den), scale);
  }

  neg(): SsisDecimal {
    return new SsisDecimal(-this.unscaled, this.scale);
  }

  abs(): SsisDecimal {
    return this.unscaled < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  compare(o: SsisDecimal): number {
    const s = Math.max(this.scale, o.scale);
    const a = this.rescale(s).unscaled;
    const b = o.rescale(s).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Largest integer ≤ value, keeping the scale. */
  floor(): SsisDecimal {
    const p = pow10(this.scale);
    let q = this.unscaled / p;
    if (this.unscaled < 0n && this.unscaled % p !== 0n) q -= 1n;
    return new SsisDecimal(q * p, this.scale);
  }

  /** Smallest integer ≥ value, keeping the scale. */
  ceiling(): SsisDecimal {
    return this.neg().floor().neg();
  }

  /** Rounded half away from zero to `digits` fractional digits, keeping the scale (`ROUND(137.1575,3)` = 137.1580). */
  round(digits: number): SsisDecimal {
    if (digits >= this.scale) return this;
    return this.rescale(digits).rescale(this.scale);
  }

  /** The integer part (toward zero). */
  toBigInt(): bigint {
    return this.unscaled / pow10(this.scale);
  }

  /** The integer nearest the value; ties to even (OLE Automation conversion rounding). */
  toBigIntRoundHalfEven(): bigint {
    const p = pow10(this.scale);
    const q = this.unscaled / p;
    const r = this.unscaled % p;
    if (r === 0n) return q;
    const twice = (r < 0n ? -r : r) * 2n;
    const step = this.unscaled < 0n ? -1n : 1n;
    if (twice > p || (twice === p && q % 2n !== 0n)) return q + step;
    return q;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** `-12.50`: all `scale` digits kept, a leading zero before the point. */
  toString(): string {
    const neg = this.unscaled < 0n;
    const digits = (neg ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    const int = digits.slice(0, digits.length - this.scale);
    const frac = digits.slice(digits.length - this.scale);
    return (neg ? '-' : '') + int + (this.scale > 0 ? '.' + frac : '');
  }
}
