/** @module The Script task: .NET code cannot run here, so a user's JavaScript port (a module exporting `main(dts)`) stands in for it. */
import { SsisError } from '../errors.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';
import { FAILURE, SUCCESS } from '../runtime/model.ts';

/** `Dts.TaskResult` values a port may set. */
export const ScriptResults = { Success: SUCCESS, Failure: FAILURE } as const;

/** The `Dts` object a ported script receives: Variables, Events, TaskResult, like the .NET one. */
export interface DtsObject {
  Variables: Record<string, { Value: unknown }>;
  Events: {
    FireInformation(code: number, subComponent: string, description: string): Promise<void>;
    FireWarning(code: number, subComponent: string, description: string): Promise<void>;
    FireError(code: number, subComponent: string, description: string): Promise<void>;
  };
  TaskResult: number;
}

const hex = (code: number) => `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

function dtsObject(ctx: TaskContext): DtsObject {
  const variables = new Proxy({} as Record<string, { Value: unknown }>, {
    get: (_t, name) => {
      const v = ctx.variable(String(name));
      return {
        get Value() {
          return v.value;
        },
        set Value(x: unknown) {
          void v.set(x);
        },
      };
    },
  });
  return {
    Variables: variables,
    Events: {
      FireInformation: (code, _sub, description) => ctx.information(hex(code), description),
      FireWarning: (code, _sub, description) => ctx.warning(hex(code), description),
      FireError: (code, _sub, description) => ctx.error(hex(code), description),
    },
    TaskResult: SUCCESS,
  };
}

/** The Script task: runs the user's JavaScript port, or fails validation naming the task. */
export const scriptTask: TaskImplementation = {
  async validate(ctx) {
    const mod = await ctx.services.scriptModule?.({ name: ctx.task.name, id: ctx.task.id });
    if (!mod) {
      throw new SsisError(
        '0xC0010025', 'DTS_E_SCRIPTTASK_NOTSUPPORTED',
        `The Script task "${ctx.task.name}" (${ctx.task.id}) contains .NET code that OpenDTS cannot run. Port it to JavaScript: put a module exporting main(dts) named "${ctx.task.name}.mjs" (or "${ctx.task.id}.mjs") in a "scripts" folder beside the package, or in the folder the OPENDTS_SCRIPTS environment variable names.`,
      );
    }
  },
  async execute(ctx) {
    const mod = await ctx.services.scriptModule?.({ name: ctx.task.name, id: ctx.task.id });
    if (!mod) return FAILURE;
    const dts = dtsObject(ctx);
    await mod.main(dts);
    return dts.TaskResult === SUCCESS ? SUCCESS : FAILURE;
  },
};
