/** @module The Expression task (2012+): evaluates `@[User::V] = expression` and assigns the variable. */
import { SsisError } from '../errors.ts';
import type { TaskImplementation } from '../runtime/task-api.ts';

function expressionOf(settings: Record<string, unknown>): string {
  const text = String(settings['expression'] ?? '').trim();
  if (!text) throw new SsisError('0xC0010030', 'DTS_E_EXPRESSIONTASK_EMPTY', 'The Expression task has no expression; it needs one of the form @[User::Variable] = expression.');
  return text;
}

/** The Expression task. */
export const expressionTask: TaskImplementation = {
  validate(ctx) {
    expressionOf(ctx.settings);
  },
  async execute(ctx) {
    await ctx.assign(expressionOf(ctx.settings));
  },
};
