/** @module Walking a package's tree: every executable, container, data flow; look-ups by refId. */
import type { Package } from './package.ts';
import type { Container, Executable, EventHandler, Task } from './executable.ts';
import { isContainer } from './executable.ts';
import type { DataFlow } from './data-flow.ts';
import type { Variable } from './variable.ts';

/** Every executable under `root` (itself first), event handlers and their contents included, depth first. */
export function* walkExecutables(root: Container | Executable): Generator<Executable | EventHandler> {
  yield root as Executable | EventHandler;
  if (isContainer(root)) for (const child of root.executables) yield* walkExecutables(child);
  for (const handler of root.eventHandlers) yield* walkExecutables(handler);
}

/** Every task of a package (including those inside event handlers). */
export function allTasks(pkg: Package): Task[] {
  const out: Task[] = [];
  for (const e of walkExecutables(pkg)) if (!isContainer(e)) out.push(e as Task);
  return out;
}

/** Every data flow of a package with the task that holds it. */
export function allDataFlows(pkg: Package): { task: Task; dataFlow: DataFlow }[] {
  const out: { task: Task; dataFlow: DataFlow }[] = [];
  for (const t of allTasks(pkg)) if (t.dataFlow) out.push({ task: t, dataFlow: t.dataFlow });
  return out;
}

/** Every variable of a package, at every scope. */
export function allVariables(pkg: Package): Variable[] {
  const out: Variable[] = [];
  for (const e of walkExecutables(pkg)) out.push(...e.variables);
  return out;
}

/** The executable (or event handler) with this refId. */
export function findExecutable(pkg: Package, refId: string): Executable | EventHandler | undefined {
  for (const e of walkExecutables(pkg)) if (e.refId === refId) return e;
  return undefined;
}

/** The chain of containers from the package down to (and including) the executable with this refId. */
export function ancestry(pkg: Package, refId: string): (Executable | EventHandler)[] {
  const path: (Executable | EventHandler)[] = [];
  const visit = (node: Container | Executable): boolean => {
    path.push(node as Executable);
    if (node.refId === refId) return true;
    const children: (Executable | EventHandler)[] = [...(isContainer(node) ? node.executables : []), ...node.eventHandlers];
    for (const c of children) if (visit(c)) return true;
    path.pop();
    return false;
  };
  return visit(pkg) ? path : [];
}
