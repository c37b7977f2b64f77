/** @module The Lookup's reference data: a full cache from a query or a Cache connection manager, or per-row queries (partial / no cache). */
import type { Connection } from '../../connections/driver.ts';
import type { CacheStore } from '../../dataflow/context.ts';
import type { TypeSpec } from '../../types/index.ts';
import { translateBrackets } from '../database/sql-names.ts';
import { pipelineValue } from '../database/values.ts';
import { keyOf } from '../shared/rows.ts';

/** Reference rows by join key: the values of the copied columns, already in pipeline form. */
export interface ReferenceTable {
  readonly rows: Map<string, unknown[]>;
  readonly duplicates: number;
}

/** How reference columns map: join columns (with the input column's type) and copied columns (with the target type). */
export interface ReferenceShape {
  readonly joins: readonly { readonly reference: string; readonly type: TypeSpec }[];
  readonly copies: readonly { readonly reference: string; readonly type: TypeSpec }[];
}

function columnIndex(names: readonly string[], name: string): number {
  const i = names.indexOf(name);
  return i >= 0 ? i : names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
}

/** Adds rows (arrays in `names` order) to a table; the first row of a key wins. */
function addRows(table: { rows: Map<string, unknown[]>; duplicates: number }, names: readonly string[], rows: readonly unknown[][], shape: ReferenceShape): void {
  const ji = shape.joins.map((j) => columnIndex(names, j.reference));
  const ci = shape.copies.map((c) => columnIndex(names, c.reference));
  const missing = [...shape.joins, ...shape.copies].find((_, k) => (k < ji.length ? ji[k]! : ci[k - ji.length]!) < 0);
  if (missing) throw new Error(`the reference data has no column "${missing.reference}"`);
  for (const r of rows) {
    const key = keyOf(ji.map((i, k) => (r[i] === null || r[i] === undefined ? null : pipelineValue(r[i], shape.joins[k]!.type))));
    if (table.rows.has(key)) {
      table.duplicates++;
      continue;
    }
    table.rows.set(key, ci.map((i, k) => (r[i] === null || r[i] === undefined ? null : pipelineValue(r[i], shape.copies[k]!.type))));
  }
}

/** Loads a full cache from a query. */
export async function loadFromQuery(conn: Connection, sql: string, shape: ReferenceShape): Promise<ReferenceTable> {
  const table = { rows: new Map<string, unknown[]>(), duplicates: 0 };
  for await (const b of conn.queryBatches(translateBrackets(sql, conn.kind), [], 10_000)) {
    addRows(table, b.columns.map((c) => c.name), b.rows, shape);
  }
  return table;
}

/** Loads a full cache from a Cache connection manager's contents. */
export function loadFromCache(cache: CacheStore, shape: ReferenceShape): ReferenceTable {
  const table = { rows: new Map<string, unknown[]>(), duplicates: 0 };
  addRows(table, cache.columns.map((c) => c.name), cache.rows, shape);
  return table;
}

/** Runs the parameterised query for one row; gives the copied values of the first match, or undefined. */
export async function queryOne(conn: Connection, sql: string, params: readonly unknown[], shape: ReferenceShape): Promise<unknown[] | undefined> {
  const result = await conn.query(translateBrackets(sql, conn.kind), params as unknown[]);
  const set = result.resultSets[0];
  if (!set || set.rows.length === 0) return undefined;
  const t = { rows: new Map<string, unknown[]>(), duplicates: 0 };
  addRows(t, set.columns.map((c) => c.name), [set.rows[0]!], { joins: [], copies: shape.copies });
  return [...t.rows.values()][0];
}
