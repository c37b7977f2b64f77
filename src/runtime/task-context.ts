/** @module Builds the TaskContext a task implementation runs with, bound to its node in the run. */
import { SsisError } from '../errors.ts';
import type { Engine } from './engine.ts';
import type { TaskSpec } from './model.ts';
import type { RunNode } from './run-node.ts';
import type { TaskContext, TaskDatabase } from './task-api.ts';

/** The task's settings with its property expressions applied (property names match settings case-insensitively). */
function effectiveSettings(node: RunNode): Record<string, unknown> {
  const spec = node.spec as TaskSpec;
  const exprs = Object.keys(spec.propertyExpressions);
  if (exprs.length === 0) return spec.settings;
  const settings = { ...spec.settings };
  const keys = new Map(Object.keys(settings).map((k) => [k.toLowerCase(), k]));
  for (const name of exprs) settings[keys.get(name.toLowerCase()) ?? name] = node.properties[name];
  return settings;
}

/** A TaskContext for one execution (or validation) of a task. */
export function createTaskContext(engine: Engine, node: RunNode, executing: boolean): TaskContext {
  const spec = node.spec as TaskSpec;
  const services = engine.options.services ?? {};
  return {
    task: spec,
    // Property expressions are applied before each execution, so the settings are read afresh each time.
    get settings() {
      return effectiveSettings(node);
    },
    package: engine.pkg,
    signal: engine.signal,
    services,
    variable: (reference) => node.scope.get(reference),
    evaluate: (expression) => engine.evaluate(expression, node),
    assign: (expression) => engine.assign(expression, node),
    connection: (nameOrId) => engine.connection(nameOrId),
    filePath: (value, opts) => engine.connectionPath(value, opts?.isConnection ?? true),
    checkDatabase(nameOrId) {
      engine.options.checkDatabase?.(engine.connection(nameOrId));
    },
    async openDatabase(nameOrId): Promise<TaskDatabase> {
      if (!executing) throw new SsisError('0xC0010023', 'DTS_E_NOTEXECUTING', 'Databases are opened only while a task executes.');
      const open = engine.options.openDatabase;
      if (!open) throw new SsisError('0xC0202009', 'DTS_E_OLEDBERROR', `No database driver is available to open the connection "${nameOrId}".`);
      const cm = engine.connection(nameOrId);
      const tx = spec.transactionOption === 0 ? undefined : engine.transactionOf(node);
      const session = tx ? await tx.session(cm, open) : await open(cm);
      return {
        name: cm.name,
        connectionType: session.connectionType,
        dialect: session.dialect,
        query: (sql, params, opts) => session.query(sql, params, opts),
        release: async () => {
          if (!tx) await session.close();
        },
      };
    },
    information: (code, description) => engine.raiseOther(node, 'OnInformation', { code, message: description }),
    warning: (code, description) => engine.raiseWarning(node, code, description),
    error: (code, description) => engine.raiseErrorEvent(node, code, description),
    progress: (description, percent) => engine.raiseOther(node, 'OnProgress', { message: description, percent }),
    log: (eventName, message) => engine.raiseOther(node, eventName, { message, custom: true }),
  };
}
