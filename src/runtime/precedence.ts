/** @module Precedence constraints: the four evaluation modes, Success/Failure/Completion, and AND/OR between the constraints into one executable. */
import type { ConstraintSpec, ExecResult } from './model.ts';

/** What a constraint's source did: not finished yet, not run (and never will), or finished with a result. */
export type SourceState = { readonly done: false } | { readonly done: true; readonly ran: boolean; readonly result: ExecResult };

/** Does an outcome match a constraint's value? Completion matches success and failure. */
export function outcomeMatches(value: ExecResult, result: ExecResult): boolean {
  if (value === 2) return result === 0 || result === 1;
  return value === result;
}

/**
 * Evaluates one constraint whose source has finished. `expression` is called only when the
 * evaluation mode needs it (the expression must give a Boolean).
 */
export function constraintHolds(c: ConstraintSpec, result: ExecResult, expression: () => boolean): boolean {
  const matches = outcomeMatches(c.value, result);
  switch (c.evalOp) {
    case 1:
      return expression();
    case 2:
      return matches;
    case 3:
      return matches && expression();
    case 4:
      return matches || expression();
  }
}

/** The decision for an executable with incoming constraints: run it, never run it, or wait. */
export type Readiness = 'run' | 'skip' | 'wait';

/**
 * Combines the constraints into one executable. With LogicalAnd (the designer's default) all must
 * hold; otherwise one is enough. A constraint whose source did not run never holds. Constraints
 * are decided as their sources finish, so OR can run before every source has finished.
 */
export function decide(
  constraints: readonly ConstraintSpec[],
  state: (index: number) => SourceState,
  holds: (c: ConstraintSpec, result: ExecResult) => boolean,
): Readiness {
  const and = constraints.every((c) => c.logicalAnd);
  let pending = false;
  for (const c of constraints) {
    const s = state(c.from);
    if (!s.done) {
      pending = true;
      continue;
    }
    const ok = s.ran && holds(c, s.result);
    if (and && !ok) return 'skip';
    if (!and && ok) return 'run';
  }
  if (pending) return 'wait';
  return and ? 'run' : 'skip';
}
