/** @module Recognising a stored procedure call written with parameter markers (`EXEC proc ?, ? OUTPUT`, `EXEC ? = proc ?`, ODBC `{? = call proc(?, ?)}`), so it can run through `callProcedure` on any database. */
import type { ParameterDirection, ProcedureParameter } from './driver.ts';
import { connectionFamily } from './connection-type.ts';

/** A call whose arguments are all `?` markers. */
export interface ProcedureCall {
  /** The procedure's name as written (`[dbo].[usp_X]`, `meta.uspStart`). */
  readonly name: string;
  /** The first marker receives the return value (`EXEC ? = proc`, `{? = call proc}`). */
  readonly returnsValue: boolean;
  /** The argument markers in order, with `OUTPUT`/`OUT` written after them. */
  readonly args: readonly { readonly output: boolean }[];
}

const NAME = String.raw`((?:\[[^\]]+\]|"[^"]+"|[\w#$@]+)(?:\s*\.\s*(?:\[[^\]]+\]|"[^"]+"|[\w#$@]+))*)`;
const EXEC = new RegExp(String.raw`^\s*EXEC(?:UTE)?\s+(\?\s*=\s*)?${NAME}\s*([\s\S]*?)\s*;?\s*$`, 'i');
const ODBC = new RegExp(String.raw`^\s*\{\s*(\?\s*=\s*)?call\s+${NAME}\s*(?:\(([\s\S]*)\))?\s*\}\s*;?\s*$`, 'i');

/** Parses a call; undefined when the SQL is anything else (or an argument is not a bare `?` marker). */
export function parseProcedureCall(sql: string): ProcedureCall | undefined {
  const m = EXEC.exec(sql) ?? ODBC.exec(sql);
  if (!m) return undefined;
  const argText = (m[3] ?? '').trim();
  const args: { output: boolean }[] = [];
  if (argText !== '') {
    for (const part of argText.split(',')) {
      const a = /^\s*\?\s*(OUT|OUTPUT)?\s*$/i.exec(part);
      if (!a) return undefined;
      args.push({ output: a[1] !== undefined });
    }
  }
  return { name: m[2]!, returnsValue: m[1] !== undefined, args };
}

/** An Execute SQL binding of a marker: its ParameterName (an ordinal) and direction. */
export interface MarkerBinding {
  readonly name: string;
  readonly direction: string;
  readonly value?: unknown;
}

const DIRECTIONS: Readonly<Record<string, ParameterDirection>> = { input: 'input', output: 'output', inputoutput: 'inputOutput', returnvalue: 'returnValue' };

/**
 * The parameters of a parsed call from the task's bindings: marker positions are the bindings' ordinals (0-based
 * for OLE DB, 1-based for ODBC), the return-value marker first. A marker with `OUTPUT` but an Input binding is
 * InputOutput. Parameters are named `@P1`, `@P2`, … in marker order (the drivers bind them by position).
 */
export function procedureParameters(call: ProcedureCall, creationName: string, bindings: readonly MarkerBinding[]): ProcedureParameter[] {
  const base = connectionFamily(creationName) === 'ODBC' ? 1 : 0;
  const byOrdinal = new Map(bindings.map((b) => [Number(b.name) - base, b]));
  const markers = [...(call.returnsValue ? [{ output: true, isReturn: true }] : []), ...call.args.map((a) => ({ ...a, isReturn: false }))];
  return markers.map((m, i) => {
    const b = byOrdinal.get(i);
    const bound = DIRECTIONS[(b?.direction ?? 'input').toLowerCase()] ?? 'input';
    const direction: ParameterDirection = m.isReturn ? 'returnValue' : bound === 'input' && m.output ? 'inputOutput' : bound;
    return { name: `@P${i + 1}`, direction, ...(b && b.value !== undefined ? { value: b.value } : {}) };
  });
}
