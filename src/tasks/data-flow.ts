/** @module The Data Flow task: hands its data flow to the data flow engine (`src/dataflow`). */
import { SsisError } from '../errors.ts';
import type { TaskImplementation } from '../runtime/task-api.ts';

/** The entry point the data flow engine offers through the run's services (`extra.dataFlow`). */
export interface DataFlowRunner {
  validate?(task: unknown, ctx: unknown): Promise<void>;
  run(task: unknown, ctx: unknown): Promise<number | void>;
}

function runner(extra: Record<string, unknown> | undefined): DataFlowRunner {
  const r = extra?.['dataFlow'] as DataFlowRunner | undefined;
  if (!r) {
    throw new SsisError('0xC0047062', 'DTS_E_DATAFLOW_NOTSUPPORTED', 'The Data Flow task is not supported yet by OpenDTS: the data flow engine is not available in this build.');
  }
  return r;
}

/** The Data Flow task. */
export const dataFlowTask: TaskImplementation = {
  async validate(ctx) {
    const r = runner(ctx.services.extra);
    await r.validate?.(ctx.task.settings['model'], ctx);
  },
  async execute(ctx) {
    const r = await runner(ctx.services.extra).run(ctx.task.settings['model'], ctx);
    return r === 1 ? 1 : 0;
  },
};
