/** @module What a built-in function declares: its arity, how it types its arguments, and its implementation on non-NULL values. */
import type { TypeSpec } from '../../types/index.ts';
import type { TNode } from '../typed-ast.ts';
import type { RuntimeEnv } from '../runtime-env.ts';

/** What a function implementation receives besides its arguments. */
export interface CallContext {
  readonly fn: string;
  /** Offset of the call in the expression, for errors. */
  readonly pos: number;
  /** Static information decided by the type checker (date part, argument type, …). */
  readonly meta: unknown;
  readonly env: RuntimeEnv;
}

/** The argument helpers the type checker offers a function's `check`. */
export interface ArgChecker {
  readonly fn: string;
  readonly args: readonly TNode[];
  readonly pos: number;
  /** Argument i as DT_WSTR (DT_STR converted); other types are rejected. */
  wstr(i: number): TNode;
  /** Argument i as DT_I4 (any integer type converted); other types are rejected. */
  int(i: number): TNode;
  /** Argument i as DT_R8 (any numeric type converted). */
  r8(i: number): TNode;
  /** Argument i, which must be numeric, unchanged. */
  numeric(i: number): TNode;
  /** Argument i as a date/time value (strings converted to DT_DBTIMESTAMP). */
  date(i: number): TNode;
  /** Argument i as a static date part name (a string literal), validated and normalised (`dd` → `day`). */
  datePart(i: number): string;
  /** Raises DTS_E_EXPREVALPARAMTYPEMISMATCH for argument i. */
  mismatch(i: number): never;
}

/** The checked call: result type, converted arguments and static meta. */
export interface CheckedCall {
  readonly t: TypeSpec;
  readonly args: readonly TNode[];
  readonly meta?: unknown;
}

/** One built-in function. */
export interface FunctionSpec {
  readonly name: string;
  /** Minimum and maximum number of arguments. */
  readonly arity: readonly [number, number];
  /** New in SSIS 2012 (LEFT, REPLACENULL, TOKEN, TOKENCOUNT): unknown to the 2008 version. */
  readonly since2012?: boolean;
  /** The implementation also runs on NULL arguments (TOKENCOUNT); otherwise any NULL argument gives NULL. */
  readonly receivesNulls?: boolean;
  /** The result may be NULL for non-NULL arguments (CODEPOINT of ""). */
  readonly mayReturnNull?: boolean;
  /** Not foldable at compile time (GETDATE). */
  readonly volatile?: boolean;
  check(c: ArgChecker): CheckedCall;
  impl(ctx: CallContext, ...args: never[]): unknown;
}
