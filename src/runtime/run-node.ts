/** @module One executable during a run: its variable scope with its system variables, its error count and its children, built once and reused by loops. */
import { SsisDateTime } from '../types/date-time.ts';
import type { ContainerSpec, EventHandlerSpec, ExecutableSpec, TaskSpec } from './model.ts';
import { Variable, VariableScope } from './variables.ts';
import type { CompiledAssignment } from './expressions.ts';
import type { TaskImplementation } from './task-api.ts';

/** A container's or task's state for one package run. */
export class RunNode {
  readonly spec: ExecutableSpec;
  readonly parent: RunNode | undefined;
  readonly scope: VariableScope;
  errorCount = 0;
  warningCount = 0;
  /** The properties with property expressions applied (refreshed before each execution). */
  properties: Record<string, unknown>;
  private childNodes?: RunNode[];
  /** When the current execution started (ms since the epoch); System::ContainerStartTime reads it. */
  private startMs = Date.now();
  /** A task's implementation, looked up once. */
  implementation?: TaskImplementation;
  /** The task context of executions, built once (see task-context.ts). */
  taskContext?: unknown;
  /** Expressions compiled in this node's scope, by text. */
  readonly compiled = new Map<string, () => unknown>();
  /** Assignment expressions compiled in this node's scope, by text. */
  readonly assignments = new Map<string, CompiledAssignment>();
  /** For containers: the indexes of the constraints into each child, built once. */
  incoming?: number[][];
  /** Handlers of this executable by event name. */
  readonly handlers: ReadonlyMap<string, EventHandlerSpec>;
  /** Handler nodes created so far, by event name. */
  readonly handlerNodes = new Map<string, RunNode>();
  /** True while one of this node's handlers runs (a handler is not re-entered). */
  readonly runningHandlers = new Set<string>();

  constructor(spec: ExecutableSpec, parent: RunNode | undefined, scope?: VariableScope) {
    this.spec = spec;
    this.parent = parent;
    this.scope = scope ?? new VariableScope(parent?.scope);
    this.properties = { ...spec.properties };
    this.handlers = new Map(spec.eventHandlers.map((h) => [h.eventName.toLowerCase(), h]));
    for (const v of spec.variables) {
      this.scope.add(new Variable({ ...v, value: v.value }));
    }
    const sys = (name: string, dataType: number, value: unknown) =>
      this.scope.add(new Variable({ namespace: 'System', name, dataType, value, readOnly: true }));
    const start = sys('ContainerStartTime', 7, null);
    start.evaluateAsExpression = true;
    start.evaluator = () => SsisDateTime.fromDate(new Date(this.startMs));
    sys('LocaleId', 3, 1033);
    sys('ParentContainerGUID', 8, parent?.spec.id ?? '');
    if (spec.kind === 'task') {
      sys('TaskName', 8, spec.name);
      sys('TaskID', 8, spec.id);
      sys('CreationName', 8, spec.creationName);
      sys('TaskTransactionOption', 3, spec.transactionOption ?? 1);
    }
  }

  /** The package-relative path, e.g. `\Package\Seq\Task`. */
  get path(): string {
    return this.spec.path;
  }

  /** Marks the start of an execution (System::ContainerStartTime). */
  started(): void {
    this.startMs = Date.now();
  }

  /** The children of a container, created once. */
  children(): RunNode[] {
    if (!this.childNodes) {
      const spec = this.spec as ContainerSpec;
      this.childNodes = (spec.executables ?? []).map((c: ContainerSpec | TaskSpec) => new RunNode(c, this));
    }
    return this.childNodes;
  }

  /** This node and its ancestors, nearest first. */
  *lineage(): Generator<RunNode> {
    yield this;
    if (this.parent) yield* this.parent.lineage();
  }
}
