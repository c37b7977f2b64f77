/** @module The bridge from the control flow's Data Flow task to the engine: package model → engine view, task context → data flow context. */
import { SsisError } from '../errors.ts';
import type { Connection } from '../connections/driver.ts';
import { openConnection, resolveConnection } from '../connections/index.ts';
import type { ConnectionManager } from '../package/connection-manager.ts';
import type { Task } from '../package/executable.ts';
import { Recordset as RuntimeRecordset } from '../runtime/recordset.ts';
import type { TaskContext } from '../runtime/task-api.ts';
import { versionOfFormat, versionOfYear } from '../versions/index.ts';
import type { DataFlowConnection, DataFlowContext, DataFlowEvent, DataFlowResult, ScriptComponentImplementation } from './context.ts';
import { dataFlowOfTask } from './from-package.ts';
import { runDataFlow, validateDataFlow } from './run.ts';
import type { ComponentModel } from './model.ts';

/** Extra services a host may hand the data flow through `services.extra`. */
export interface DataFlowServices {
  /** Opens a driver connection for a database connection manager (name or ID). */
  openConnection?(nameOrId: string): Promise<Connection>;
  /** A JavaScript implementation of a Script Component. */
  scriptComponent?(component: { name: string; refId: string }): ScriptComponentImplementation | undefined;
  /** Receives each run's result (row counts per path for `dtexec /REP P`). */
  onResult?(task: { name: string; refId: string }, result: DataFlowResult): void;
}

const FILE_CONNECTIONS = /^(FLATFILE|FILE|EXCEL|MULTIFLATFILE|MULTIFILE|CACHE)$/i;

/** Builds the engine's context from a task context. */
export function contextFromTask(ctx: TaskContext): DataFlowContext {
  const services = (ctx.services.extra?.['dataFlowServices'] ?? {}) as DataFlowServices;
  const connections = new Map<string, DataFlowConnection>();
  const emit = (e: DataFlowEvent): void => {
    const text = `${e.source}: ${e.message}`;
    const done =
      e.kind === 'error' ? ctx.error(e.code, text)
      : e.kind === 'warning' ? ctx.warning(e.code, text)
      : e.kind === 'progress' ? ctx.progress(text, e.percent ?? 0)
      : e.kind === 'log' ? ctx.log(e.symbol ?? 'Pipeline', e.message)
      : ctx.information(e.code, text);
    void Promise.resolve(done).catch(() => undefined);
  };
  const year = versionOfFormat(ctx.package.formatVersion)?.year;
  const features = versionOfYear(year === undefined || year === 2005 ? 2014 : year).features;
  return {
    connection(ref) {
      const hit = connections.get(ref);
      if (hit) return hit;
      let spec;
      try {
        spec = ctx.connection(ref);
      } catch {
        return undefined;
      }
      const source = spec.source as ConnectionManager | undefined;
      const isFile = FILE_CONNECTIONS.test(spec.creationName);
      const props: Record<string, string> = {};
      for (const [k, v] of Object.entries(spec.properties)) props[k] = String(v);
      const conn: DataFlowConnection = {
        name: spec.name,
        refId: source?.refId ?? spec.id,
        creationName: spec.creationName,
        connectionString: isFile ? ctx.filePath(spec.name, { isConnection: true }) : spec.connectionString,
        properties: props,
        flatFile: source?.flatFile,
        open: isFile
          ? undefined
          : services.openConnection
            ? () => services.openConnection!(spec.name)
            : () => openConnection(resolveConnection({ name: spec.name, creationName: spec.creationName, connectionString: spec.connectionString, id: spec.id })),
      };
      connections.set(ref, conn);
      return conn;
    },
    variables: {
      get: (name) => ctx.variable(name).value,
      set: (name, value) => {
        void ctx.variable(name).set(value);
      },
      describe: (name) => {
        try {
          const v = ctx.variable(name);
          return { qualifiedName: v.qualifiedName, dataType: v.dataType };
        } catch {
          return undefined;
        }
      },
    },
    onEvent: emit,
    signal: ctx.signal,
    features,
    scriptComponent: services.scriptComponent ? (c: ComponentModel) => services.scriptComponent!(c) : undefined,
    // The Foreach ADO enumerator reads the control flow's recordset class.
    makeRecordset: (rs) => new RuntimeRecordset(rs.columns.map((c) => c.name), rs.rows.map((r) => [...r])),
    mapPath: (p) => ctx.filePath(p),
  };
}

/** The runner the Data Flow task calls (`services.extra.dataFlow`). */
export const dataFlowRunner = {
  /** Validates the task's data flow; throws DTS_E_TASKVALIDATIONERROR after reporting every problem. */
  async validate(task: unknown, ctx: TaskContext): Promise<void> {
    const t = task as Task;
    const dctx = contextFromTask(ctx);
    const errors = validateDataFlow(dataFlowOfTask(t), dctx);
    if (errors.length === 0) return;
    for (const e of errors) await ctx.error(e.code, `SSIS.Pipeline: ${e.message}`);
    throw new SsisError('0xC0024107', 'DTS_E_TASKVALIDATIONERROR', 'There were errors during task validation.');
  },
  /** Runs the task's data flow; 1 = failure (errors were raised as events), 0 = success. */
  async run(task: unknown, ctx: TaskContext): Promise<number> {
    const t = task as Task;
    const services = (ctx.services.extra?.['dataFlowServices'] ?? {}) as DataFlowServices;
    const result = await runDataFlow(dataFlowOfTask(t), contextFromTask(ctx));
    services.onResult?.({ name: t.name, refId: t.refId }, result);
    return result.success ? 0 : 1;
  },
};
