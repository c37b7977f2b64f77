/** @module Tasks OpenDTS knows by name but does not run yet: they fail validation with a clear message naming the task. */
import { SsisError } from '../errors.ts';
import type { TaskImplementation } from '../runtime/task-api.ts';

/** A task implementation that refuses to run, naming the task and its kind. */
export function notSupportedTask(kindName: string): TaskImplementation {
  const refuse = (name: string) =>
    new SsisError('0xC0010026', 'DTS_E_TASKNOTSUPPORTED', `The task "${name}" cannot run: the ${kindName} is not supported yet by OpenDTS.`);
  return {
    validate(ctx) {
      throw refuse(ctx.task.name);
    },
    async execute(ctx) {
      throw refuse(ctx.task.name);
    },
  };
}
