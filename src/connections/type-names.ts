/** @module Native type names as databases print them (`NUMERIC(10,2)`, `varchar(50)`, `int unsigned`), split into base name and arguments. */
import type { DataTypeName } from './data-type-name.ts';

/** A native type: upper-case base name, numeric arguments, and whether it said UNSIGNED. */
export interface NativeType {
  readonly base: string;
  readonly args: readonly number[];
  readonly unsigned: boolean;
  /** `max` was given as the length (`varchar(max)`). */
  readonly max: boolean;
}

/** Parses `NUMERIC(10, 2)`, `character varying(50)`, `int(11) unsigned`, `nvarchar(max)`. */
export function parseNativeType(text: string): NativeType {
  const open = text.indexOf('(');
  const close = open < 0 ? -1 : text.indexOf(')', open);
  const head = (open < 0 ? text : text.slice(0, open)).trim().toUpperCase().replace(/\s+/g, ' ');
  const argText = open < 0 ? '' : text.slice(open + 1, close < 0 ? undefined : close).trim();
  const tail = close < 0 ? '' : text.slice(close + 1).toUpperCase();
  const args = argText === '' ? [] : argText.split(',').map((a) => Number.parseInt(a.trim(), 10)).filter((n) => Number.isFinite(n));
  const unsigned = /\bUNSIGNED\b/.test(head) || /\bUNSIGNED\b/.test(tail);
  return { base: head.replace(/\s+UNSIGNED\b.*$/, '').replace(/\s+ZEROFILL$/, ''), args, unsigned, max: /^max$/i.test(argText) };
}

/** A DT_* type with its length, precision and scale, as a driver maps a native type. */
export interface MappedType {
  readonly dataType: DataTypeName;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
}
