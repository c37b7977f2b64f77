/** @module Shared logic of stored procedure calls: which parameters go in, and matching a result row's columns to output parameters. */
import type { ColumnInfo, ProcedureParameter, Row } from './driver.ts';

/** The parameters whose values are sent (input and inputOutput), in order. */
export function sentParameters(params: readonly ProcedureParameter[]): ProcedureParameter[] {
  return params.filter((p) => p.direction === 'input' || p.direction === 'inputOutput');
}

/** The parameters whose values come back (output and inputOutput), in order. */
export function returnedParameters(params: readonly ProcedureParameter[]): ProcedureParameter[] {
  return params.filter((p) => p.direction === 'output' || p.direction === 'inputOutput');
}

const bare = (name: string): string => name.replace(/^[@:$]/, '').toLowerCase();

/**
 * Output values from one result row: a column whose name matches a parameter (case-insensitive, without `@`)
 * gives its value; the other output parameters take the remaining columns in order.
 */
export function outputsFromRow(params: readonly ProcedureParameter[], columns: readonly ColumnInfo[], row: Row | undefined): Record<string, unknown> {
  const outs = returnedParameters(params);
  const result: Record<string, unknown> = {};
  if (!row) return result;
  const used = new Set<number>();
  const pending: ProcedureParameter[] = [];
  for (const p of outs) {
    const i = columns.findIndex((c, k) => !used.has(k) && bare(c.name) === bare(p.name));
    if (i >= 0) {
      used.add(i);
      result[p.name] = row[i] ?? null;
    } else pending.push(p);
  }
  let next = 0;
  for (const p of pending) {
    while (used.has(next)) next++;
    result[p.name] = next < row.length ? row[next] ?? null : null;
    used.add(next);
  }
  return result;
}
