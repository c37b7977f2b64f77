/** @module The Execute Package task: runs a child package (file or project reference) in-process, its parent variables visible, 2012 parameter bindings applied. */
import { SsisError } from '../errors.ts';
import { FAILURE } from '../runtime/model.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

const str = (ctx: TaskContext, name: string) => String(ctx.settings[name] ?? '');

function childReference(ctx: TaskContext): { file?: string; projectPackage?: string; password?: string } {
  const password = str(ctx, 'packagePassword') || undefined;
  if (ctx.settings['useProjectReference'] === true) return { projectPackage: str(ctx, 'packageName'), password };
  const conn = str(ctx, 'connection');
  if (!conn) throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_NOCONNECTION', `The Execute Package task "${ctx.task.name}" has no connection to its child package.`);
  const cm = ctx.connection(conn);
  if (!/^file$/i.test(cm.creationName)) {
    throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_SQLSERVERNOTSUPPORTED', `The Execute Package task "${ctx.task.name}" loads its child from SQL Server ("${cm.name}"), which is not supported yet by OpenDTS; use a file reference.`);
  }
  return { file: ctx.filePath(conn), password };
}

/** The Execute Package task. */
export const executePackageTask: TaskImplementation = {
  validate(ctx) {
    childReference(ctx);
    if (!ctx.services.loadPackage || !ctx.services.runChildPackage) {
      throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_NOTSUPPORTED', `The Execute Package task "${ctx.task.name}" cannot run here: this host does not run child packages.`);
    }
  },
  async execute(ctx) {
    const child = await ctx.services.loadPackage!(childReference(ctx));
    const parameters: Record<string, unknown> = {};
    for (const a of (ctx.settings['parameterAssignments'] as { parameterName: string; bindedVariableOrParameterName: string }[] | undefined) ?? []) {
      parameters[a.parameterName] = ctx.variable(a.bindedVariableOrParameterName).value;
    }
    const result = await ctx.services.runChildPackage!(child, {
      parentVariable: (name) => {
        try {
          return ctx.variable(name);
        } catch {
          return undefined;
        }
      },
      parameters,
    });
    return result === 0 ? 0 : FAILURE;
  },
};
