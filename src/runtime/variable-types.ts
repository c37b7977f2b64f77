/** @module The conversion of an assigned value to a variable's type (`DTS:DataType` code). */
import { SsisError } from '../errors.ts';
import { SsisDateTime, parseDateTime } from '../types/date-time.ts';
import { SsisDecimal } from '../types/decimal.ts';
import { variableTypeOfCode } from '../types/variable-types.ts';

const INT_RANGES: Readonly<Record<number, readonly [number, number]>> = {
  2: [-32768, 32767], 3: [-2147483648, 2147483647], 16: [-128, 127], 17: [0, 255], 18: [0, 65535], 19: [0, 4294967295],
};

function bad(value: unknown, code: number, name: string): SsisError {
  return new SsisError(
    '0xC001F009', 'DTS_E_VARIABLETYPECONVERSION',
    `The type of the value (${typeof value === 'object' && value !== null ? value.constructor.name : typeof value}) being assigned to variable "${name}" differs from the current variable type (${variableTypeOfCode(code)?.netName ?? code}), or the value "${String(value)}" cannot be converted to it. Variables may not change type during execution.`,
  );
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? -1 : 0;
  if (value instanceof SsisDecimal) return Number(value.toString());
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return Number.NaN;
}

/**
 * Converts a value to a variable's type the way an assignment does: numbers, bigints (Int64/UInt64),
 * booleans (`True`/`False`, `-1`/`0`), SsisDateTime, SsisDecimal and strings. Text from
 * configurations and `/Set` is parsed. Raises DTS_E_VARIABLETYPECONVERSION when it cannot.
 */
export function coerceToVariableType(value: unknown, code: number, name: string): unknown {
  if (value === null || value === undefined) {
    if (code === 8) return '';
    return value ?? null;
  }
  switch (code) {
    case 8:
      return typeof value === 'string' ? value : value instanceof Date ? SsisDateTime.fromDate(value).toString() : String(value);
    case 2: case 3: case 16: case 17: case 18: case 19: {
      const n = toNumber(value);
      const [lo, hi] = INT_RANGES[code]!;
      if (!Number.isInteger(n) || n < lo || n > hi) throw bad(value, code, name);
      return n;
    }
    case 4: case 5: case 6: {
      const n = toNumber(value);
      if (Number.isNaN(n)) throw bad(value, code, name);
      return code === 4 ? Math.fround(n) : n;
    }
    case 20: case 21: {
      try {
        const b = typeof value === 'bigint' ? value : typeof value === 'boolean' ? (value ? -1n : 0n) : BigInt(typeof value === 'string' ? value.trim() : (value as number));
        if (code === 21 ? b < 0n || b > 0xffffffffffffffffn : b < -(2n ** 63n) || b >= 2n ** 63n) throw bad(value, code, name);
        return b;
      } catch (error) {
        if (error instanceof SsisError) throw error;
        throw bad(value, code, name);
      }
    }
    case 11:
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const t = value.trim().toLowerCase();
        if (t === 'true' || t === '-1' || t === '1') return true;
        if (t === 'false' || t === '0') return false;
        throw bad(value, code, name);
      }
      if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
      throw bad(value, code, name);
    case 7:
      if (value instanceof SsisDateTime) return value;
      if (value instanceof Date) return SsisDateTime.fromDate(value);
      if (typeof value === 'string') {
        const p = parseDateTime(value.trim());
        if (!p) throw bad(value, code, name);
        return p.value;
      }
      throw bad(value, code, name);
    case 14:
      if (value instanceof SsisDecimal) return value;
      {
        const d = SsisDecimal.parse(String(value).trim());
        if (!d) throw bad(value, code, name);
        return d;
      }
    default:
      return value;
  }
}
