/** @module Execute SQL task parameter bindings → query parameters, by the rules of each connection type (OLE DB 0-based ordinals, ODBC 1-based, ADO by order, ADO.NET by name). */
import { SsisError } from '../errors.ts';
import type { QueryParams } from './driver.ts';
import { connectionFamily, parameterStyleOf } from './connection-type.ts';

/** One input binding: the binding's ParameterName as written and the value to send. */
export interface ParameterBinding {
  readonly name: string;
  readonly value: unknown;
}

function bindingError(message: string): SsisError {
  return new SsisError('0xC002F210', 'DTS_E_EXECUTESQLTASK_PARAMETERBINDING', message);
}

/**
 * The query parameters of an Execute SQL task (or a source's parameter mapping) for a connection manager type:
 * - OLE DB and Excel: names `0, 1, 2, …` are the 0-based positions of the `?` markers;
 * - ODBC: names `1, 2, 3, …` are 1-based positions;
 * - ADO, or names that are not numbers (e.g. `@StartID` with OLE DB): the order of the bindings;
 * - ADO.NET (SqlClient and other native providers): `@name` markers by name.
 * A position given twice or a gap between positions is an error naming it.
 */
export function parametersFromBindings(creationName: string, bindings: readonly ParameterBinding[]): QueryParams {
  if (parameterStyleOf(creationName) === 'named') {
    const out: Record<string, unknown> = {};
    for (const b of bindings) out[b.name.replace(/^@/, '')] = b.value;
    return out;
  }
  const family = connectionFamily(creationName);
  const base = family === 'ODBC' || /odbc/i.test(creationName) ? 1 : 0;
  const ordinal = family !== 'OTHER' && bindings.length > 0 && bindings.every((b) => /^\d+$/.test(b.name.trim()));
  if (!ordinal) return bindings.map((b) => b.value);
  const values: unknown[] = [];
  const seen = new Set<number>();
  for (const b of bindings) {
    const index = Number(b.name) - base;
    if (index < 0) throw bindingError(`The parameter name "${b.name}" is not a valid position for ${family} (positions start at ${base}).`);
    if (seen.has(index)) throw bindingError(`The parameter position "${b.name}" is bound twice.`);
    seen.add(index);
    values[index] = b.value;
  }
  for (let i = 0; i < values.length; i++) {
    if (!seen.has(i)) throw bindingError(`No value is bound to parameter position ${i + base}; positions must follow each other.`);
  }
  return values;
}
