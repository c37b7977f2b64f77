/** @module Parameter markers of the package's SQL (`?` for OLE DB/ODBC, `@name` for ADO.NET) translated to each driver's own form. */
import { SsisError } from '../errors.ts';
import type { QueryParams } from './driver.ts';
import { rewriteMarkers, type SqlMarker, type SqlStatement } from './sql-text.ts';

/** A statement ready for a driver: its SQL in the driver's marker form and the values in binding order. */
export interface BoundStatement {
  readonly sql: string;
  readonly values: unknown[];
}

/** How a driver writes its markers. */
export interface PlaceholderStyle {
  /** The marker text for the n-th distinct value (1-based), e.g. `$1`, `?`, `@P1`. */
  placeholder(n: number, marker: SqlMarker): string;
  /** True when one value may be referenced twice (`$1` … `$1`); false repeats the value (`?` … `?`). */
  readonly reuse: boolean;
}

/** Tracks which positional value comes next across the statements of one script. */
export interface BindCursor {
  next: number;
}

function namedLookup(params: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [k, v] of Object.entries(params)) map.set(k.replace(/^@/, '').toLowerCase(), v);
  return map;
}

/**
 * Binds one statement: with an array, every `?` takes the next value (`cursor` carries the position across
 * statements); with a record, every `@name` whose name is a key (case-insensitive) takes that value and other
 * `@names` (T-SQL variables, MySQL user variables) stay as written. The rest of the SQL is unchanged.
 */
export function bindStatement(stmt: SqlStatement, params: QueryParams | undefined, style: PlaceholderStyle, cursor: BindCursor = { next: 0 }): BoundStatement {
  if (params === undefined) return { sql: stmt.text, values: [] };
  const values: unknown[] = [];
  if (Array.isArray(params)) {
    const list = params as readonly unknown[];
    const markers = stmt.markers.filter((m) => m.kind === '?');
    const sql = rewriteMarkers(stmt.text, markers, (m) => {
      if (cursor.next >= list.length) throw parameterCountError(list.length, cursor.next + 1);
      values.push(list[cursor.next++]);
      return style.placeholder(values.length, m);
    });
    return { sql, values };
  }
  const named = namedLookup(params as Readonly<Record<string, unknown>>);
  const markers = stmt.markers.filter((m) => m.kind === '@' && named.has(m.name!.toLowerCase()));
  const slots = new Map<string, number>();
  const sql = rewriteMarkers(stmt.text, markers, (m) => {
    const key = m.name!.toLowerCase();
    if (style.reuse && slots.has(key)) return style.placeholder(slots.get(key)!, m);
    values.push(named.get(key));
    slots.set(key, values.length);
    return style.placeholder(values.length, m);
  });
  return { sql, values };
}

/** Throws when an array of values was not used up by the script's `?` markers. */
export function checkAllBound(params: QueryParams | undefined, cursor: BindCursor): void {
  if (Array.isArray(params) && cursor.next !== params.length) throw parameterCountError(params.length, cursor.next);
}

function parameterCountError(values: number, markers: number): SsisError {
  return new SsisError(
    '0xC002F210',
    'DTS_E_PARAMETERCOUNTMISMATCH',
    `The SQL statement has ${markers} parameter marker(s) ('?') but ${values} value(s) are bound. Bindings must match the markers one to one, in order.`,
  );
}
