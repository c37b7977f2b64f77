/** @module The built-in function table: every SSIS expression function by upper-case name. */
import { DATE_FUNCTIONS } from './date-functions.ts';
import type { FunctionSpec } from './function-spec.ts';
import { MATH_FUNCTIONS } from './math-functions.ts';
import { STRING_FUNCTIONS } from './string-functions.ts';

export type { FunctionSpec, CallContext, ArgChecker, CheckedCall } from './function-spec.ts';
export { datePartOf } from './date-parts.ts';

const TABLE = new Map<string, FunctionSpec>([...MATH_FUNCTIONS, ...STRING_FUNCTIONS, ...DATE_FUNCTIONS].map((f) => [f.name, f]));

/** The function named `name` (upper-case), if any. ISNULL, REPLACENULL and NULL are handled by the type checker itself. */
export function findFunction(name: string): FunctionSpec | undefined {
  return TABLE.get(name);
}

/** Every function name, for documentation and error messages. */
export function functionNames(): string[] {
  return [...TABLE.keys(), 'ISNULL', 'NULL', 'REPLACENULL'].sort();
}
