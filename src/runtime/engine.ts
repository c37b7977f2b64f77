/** @module The control-flow engine: validates and runs a package's executables with precedence, events and handlers, error counts, forced results, checkpoints and transactions. */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { SsisError, errorMessage } from '../errors.ts';
import type { Connection } from '../connections/driver.ts';
import { SsisDateTime } from '../types/date-time.ts';
import type { CheckpointStore } from './checkpoint.ts';
import { RunTransaction, type DatabaseOpener } from './databases.ts';
import { HANDLER_EVENTS, type EventListener, type RuntimeEvent } from './events.ts';
import { compileAssignment, type ExpressionHost } from './expressions.ts';
import { runForLoop, runForeachLoop } from './loops.ts';
import type { ContainerSpec, ExecResult, ExecutableSpec, PackageSpec, TaskSpec, ConnectionSpec } from './model.ts';
import { CANCELED, FAILURE, SUCCESS } from './model.ts';
import { decide, constraintHolds, type SourceState } from './precedence.ts';
import { RunNode } from './run-node.ts';
import { Semaphore, effectiveConcurrency } from './semaphore.ts';
import { createTaskContext } from './task-context.ts';
import { findTask, type RunServices, type TaskContext } from './task-api.ts';
import { Variable } from './variables.ts';

/** A listener and the events it wants (all when `events` is absent). */
export interface ListenerRegistration {
  readonly listener: EventListener;
  readonly events?: ReadonlySet<string>;
}

/** How to run a package. */
export interface RunOptions {
  readonly expressions: ExpressionHost;
  readonly listeners?: readonly ListenerRegistration[];
  readonly signal?: AbortSignal;
  readonly services?: RunServices;
  /** Opens databases for tasks and transactions. */
  readonly openDatabase?: DatabaseOpener;
  /** Opens the driver's own connection of a connection manager (the Foreach ADO.NET Schema Rowset enumerator). */
  readonly openConnection?: (connection: ConnectionSpec) => Promise<Connection>;
  /** Checks at validation that a connection manager can be opened (throws the error opening would give). */
  readonly checkDatabase?: (connection: ConnectionSpec) => void;
  /** Maps a Windows path from the package to a local one. */
  readonly mapPath?: (path: string) => string;
  /** Only validate (dtexec /Validate). */
  readonly validateOnly?: boolean;
  /** Warnings count as errors (dtexec /WarnAsError). */
  readonly warnAsError?: boolean;
  readonly checkpoints?: CheckpointStore;
  /** Overrides the package's MaxConcurrentExecutables. */
  readonly maxConcurrent?: number;
  /** The run's ExecutionInstanceGUID (a new one by default). */
  readonly executionId?: string;
  /** Values of System variables a caller provides (e.g. ServerExecutionID for a child package). */
  readonly systemValues?: Readonly<Record<string, unknown>>;
}

/** How a run ended. */
export interface RunOutcome {
  readonly result: ExecResult;
  readonly errors: number;
  readonly warnings: number;
  readonly executionId: string;
}

/** Runs one package once. */
export class Engine {
  readonly pkg: PackageSpec;
  readonly options: RunOptions;
  readonly root: RunNode;
  readonly executionId: string;
  readonly signal: AbortSignal;
  private readonly semaphore: Semaphore;
  private readonly handlerEvents = new Set<string>();
  private listenerEvents: Set<string> | 'all';
  private readonly listeners: ListenerRegistration[];
  private readonly transactions = new Map<RunNode, RunTransaction>();
  private readonly abort = new AbortController();
  private readonly connectionsById = new Map<string, ConnectionSpec>();
  private stopping = false;
  /** The checkpoint file in use (may be set after configurations are applied, before `run`). */
  checkpoints: CheckpointStore | undefined;

  constructor(pkg: PackageSpec, options: RunOptions) {
    this.pkg = pkg;
    this.options = options;
    this.executionId = options.executionId ?? `{${randomUUID().toUpperCase()}}`;
    this.root = new RunNode(pkg, undefined);
    this.signal = options.signal ? AbortSignal.any([options.signal, this.abort.signal]) : this.abort.signal;
    this.semaphore = new Semaphore(effectiveConcurrency(options.maxConcurrent ?? pkg.maxConcurrentExecutables));
    collectHandlerEvents(pkg, this.handlerEvents);
    this.listeners = [...(options.listeners ?? [])];
    this.listenerEvents = new Set();
    for (const r of this.listeners) this.noteEvents(r);
    for (const c of pkg.connections) {
      this.connectionsById.set(c.id.toLowerCase(), c);
      this.connectionsById.set(c.name.toLowerCase(), c);
    }
    this.checkpoints = options.checkpoints;
    this.addPackageSystemVariables();
    this.wireVariableEvents(this.root);
  }

  private addPackageSystemVariables(): void {
    const p = this.pkg;
    const now = SsisDateTime.fromDate(new Date());
    let user = 'unknown';
    try {
      user = userInfo().username;
    } catch {
      // No user name on this system: SSIS would show the account; keep a placeholder.
    }
    const values: Record<string, [number, unknown]> = {
      CancelEvent: [3, 0],
      CreationDate: [7, p.creationDate ?? now],
      CreatorComputerName: [8, p.creatorComputerName ?? ''],
      CreatorName: [8, p.creatorName ?? ''],
      ExecutionInstanceGUID: [8, this.executionId],
      FailedConfigurations: [8, ''],
      IgnoreConfigurationsOnLoad: [11, false],
      InteractiveMode: [11, false],
      MachineName: [8, hostname()],
      OfflineMode: [11, false],
      PackageID: [8, p.id],
      PackageName: [8, p.name],
      StartTime: [7, now],
      ServerExecutionID: [20, 0n],
      UserName: [8, user],
      VersionBuild: [3, p.versionBuild ?? 0],
      VersionComment: [8, ''],
      VersionGUID: [8, p.versionGuid ?? ''],
      VersionMajor: [3, p.versionMajor ?? 1],
      VersionMinor: [3, p.versionMinor ?? 0],
    };
    for (const [name, [dataType, value]] of Object.entries(values)) {
      const v = this.options.systemValues?.[name] ?? value;
      this.root.scope.add(new Variable({ namespace: 'System', name, dataType, value: v, readOnly: true }));
    }
    for (const prm of p.parameters) {
      this.root.scope.add(new Variable({ namespace: `$${prm.scope}`, name: prm.name, dataType: prm.dataType, value: prm.value, readOnly: true, sensitive: prm.sensitive }));
    }
  }

  /** A Required parameter must have a value by now (from /Set, /Par or a binding): DTS_E_REQUIREDPARAMETERNOTSET. */
  private checkRequiredParameters(): void {
    for (const p of this.pkg.parameters) {
      if (!p.required) continue;
      const v = this.root.scope.find(`$${p.scope}::${p.name}`);
      if (!v || v.value === null || v.value === undefined || v.value === '') {
        throw new SsisError('0xC001F036', 'DTS_E_REQUIREDPARAMETERNOTSET', `The parameter "$${p.scope}::${p.name}" is required but was not given a value. Give one with /Set \\Package.Variables[$${p.scope}::${p.name}];value or /Par.`);
      }
    }
  }

  /** Adds a listener (a log provider set up once the engine exists). */
  addListener(registration: ListenerRegistration): void {
    this.listeners.push(registration);
    this.noteEvents(registration);
  }

  private noteEvents(r: ListenerRegistration): void {
    if (!r.events) this.listenerEvents = 'all';
    else if (this.listenerEvents !== 'all') for (const e of r.events) this.listenerEvents.add(e);
  }

  /** Requests cancellation (as Ctrl-C does). */
  cancel(): void {
    this.abort.abort();
  }

  /** Validates, then (unless validate-only) runs the package. */
  async run(): Promise<RunOutcome> {
    const root = this.root;
    await this.emit(this.event('PackageStart', root, { message: 'Beginning of package execution.' }));
    let result: ExecResult;
    try {
      await this.checkpoints?.restore(this);
      this.checkRequiredParameters();
      const valid = await this.validateTree(root, false);
      if (!valid) result = FAILURE;
      else if (this.options.validateOnly) result = SUCCESS;
      else result = await this.executeNode(root);
    } catch (error) {
      await this.raiseError(root, error);
      result = FAILURE;
    }
    // An executable with FailPackageOnFailure failed: the package fails whatever its error count allows.
    if (this.stopping && result === SUCCESS) result = FAILURE;
    if (this.signal.aborted) result = CANCELED;
    await this.checkpoints?.finish(this, result);
    await this.emit(this.event('PackageEnd', root, { message: 'End of package execution.', dataCode: result }));
    return { result, errors: root.errorCount, warnings: root.warningCount, executionId: this.executionId };
  }

  // ---- validation -------------------------------------------------------------------------

  /** Validates a node and its children (not those with DelayValidation, which validate just before they run). */
  async validateTree(node: RunNode, delayed: boolean): Promise<boolean> {
    const spec = node.spec;
    if (spec.disabled) return true;
    if (spec.delayValidation && !delayed) return true;
    await this.raiseSimple('OnPreValidate', node, '');
    const before = node.errorCount;
    try {
      if (spec.kind === 'task') {
        const t = spec as TaskSpec;
        const impl = findTask(t.taskKind);
        if (!impl) {
          throw new SsisError('0xC0010026', 'DTS_E_TASKISEMPTY', `The task "${t.name}" (${t.creationName || t.taskKind}) cannot run: OpenDTS does not support the ${t.taskKind} task yet.`);
        }
        if (impl.validate) await impl.validate(createTaskContext(this, node, false));
      } else {
        for (const child of node.children()) await this.validateTree(child, false);
      }
    } catch (error) {
      await this.raiseError(node, error, true);
    }
    await this.raiseSimple('OnPostValidate', node, '');
    return node.errorCount === before && (!this.options.warnAsError || node.warningCount === 0);
  }

  // ---- execution --------------------------------------------------------------------------

  /** Runs one executable: property expressions, events, its body, forced results, checkpoints. */
  async executeNode(node: RunNode): Promise<ExecResult> {
    const spec = node.spec;
    if (this.signal.aborted) return CANCELED;
    if (spec.disabled) return SUCCESS;
    const cp = this.checkpoints;
    if (cp?.isDone(node)) return SUCCESS;
    // Property expressions come first: a `Disable` expression decides whether the executable runs.
    try {
      this.applyPropertyExpressions(node);
    } catch (error) {
      await this.raiseError(node, error);
      return FAILURE;
    }
    if (isTrue(node.properties['Disable'] ?? node.properties['Disabled'])) return SUCCESS;
    node.started();
    let result: ExecResult;
    const tx = this.startTransaction(node);
    try {
      if (spec.delayValidation && !(await this.validateTree(node, true))) {
        result = FAILURE;
      } else {
        await this.raiseSimple('OnPreExecute', node, '');
        await this.raiseSimple('OnExecStatusChanged', node, 'Executing');
        const errorsBefore = node.errorCount;
        result = await this.executeBody(node);
        const max = spec.maximumErrorCount ?? 1;
        if (result === SUCCESS && max > 0 && node.errorCount - errorsBefore >= max) result = FAILURE;
        if (result === SUCCESS && this.options.warnAsError && node.warningCount > 0) result = FAILURE;
      }
    } catch (error) {
      await this.raiseError(node, error);
      result = this.signal.aborted ? CANCELED : FAILURE;
    }
    if (tx) await this.endTransaction(node, tx, result === SUCCESS);
    if (spec.forceExecutionResult !== undefined && spec.forceExecutionResult >= 0 && result !== CANCELED) {
      result = spec.forceExecutionResult as ExecResult;
    }
    if (result === FAILURE && spec.kind === 'task') await this.raiseSimple('OnTaskFailed', node, '');
    await this.raiseSimple('OnExecStatusChanged', node, 'Completed');
    await this.raiseSimple('OnPostExecute', node, '');
    if (result === SUCCESS && cp) await cp.completed(this, node);
    return result;
  }

  private async executeBody(node: RunNode): Promise<ExecResult> {
    const spec = node.spec;
    switch (spec.kind) {
      case 'task':
        return this.runTask(node);
      case 'forLoop':
        return runForLoop(this, node);
      case 'foreachLoop':
        return runForeachLoop(this, node);
      default:
        return this.runControlFlow(node);
    }
  }

  private async runTask(node: RunNode): Promise<ExecResult> {
    const t = node.spec as TaskSpec;
    const impl = (node.implementation ??= findTask(t.taskKind));
    if (!impl) {
      throw new SsisError('0xC0010026', 'DTS_E_TASKISEMPTY', `The task "${t.name}" (${t.creationName || t.taskKind}) cannot run: OpenDTS does not support the ${t.taskKind} task yet.`);
    }
    const release = await this.semaphore.acquire();
    // A task that was waiting for a slot when FailPackageOnFailure stopped the package does not start.
    if (this.stopping) {
      release();
      return SUCCESS;
    }
    try {
      node.taskContext ??= createTaskContext(this, node, true);
      const r = (await impl.execute(node.taskContext as TaskContext)) ?? SUCCESS;
      if (r === FAILURE && t.failPackageOnFailure) this.stopping = true;
      return r;
    } catch (error) {
      // Stop before the slot is handed to a waiting task.
      if (t.failPackageOnFailure) this.stopping = true;
      throw error;
    } finally {
      release();
    }
  }

  /**
   * Runs a container's executables: those without constraints start at once, the others when
   * their constraints decide; independent ones run concurrently (bounded by the semaphore).
   */
  async runControlFlow(node: RunNode): Promise<ExecResult> {
    const spec = node.spec as ContainerSpec;
    const children = node.children();
    if (children.length === 0) return SUCCESS;
    if (children.length === 1) {
      // One executable: nothing to schedule.
      const child = children[0]!;
      if (this.stopping || this.signal.aborted) return this.signal.aborted ? CANCELED : SUCCESS;
      const r = await this.executeNode(child);
      if (this.signal.aborted) return CANCELED;
      if (r === FAILURE && (child.spec.failParentOnFailure || child.spec.failPackageOnFailure)) {
        if (child.spec.failPackageOnFailure) this.stopping = true;
        return FAILURE;
      }
      return SUCCESS;
    }
    node.incoming ??= children.map((_, i) => spec.constraints.flatMap((c, ci) => (c.to === i ? [ci] : [])));
    const incoming = node.incoming;
    const states: SourceState[] = children.map(() => ({ done: false }));
    const started = new Array<boolean>(children.length).fill(false);
    const holdsCache = new Map<number, boolean>();
    let failed = false;
    let running = 0;
    let wake: (() => void) | undefined;
    const holds = (ci: number) => (c: (typeof spec.constraints)[number], r: ExecResult) => {
      let h = holdsCache.get(ci);
      if (h === undefined) {
        h = constraintHolds(c, r, () => this.evaluate(c.expression ?? 'TRUE', node) === true);
        holdsCache.set(ci, h);
      }
      return h;
    };
    const finishChild = (i: number, ran: boolean, result: ExecResult) => {
      states[i] = { done: true, ran, result };
      const child = children[i]!;
      if (ran && result === FAILURE && (child.spec.failParentOnFailure || child.spec.failPackageOnFailure)) {
        failed = true;
        if (child.spec.failPackageOnFailure) this.stopping = true;
      }
    };
    for (;;) {
      let progressed = false;
      for (let i = 0; i < children.length; i++) {
        if (started[i]) continue;
        let decision: 'run' | 'skip' | 'wait' = 'run';
        const into = incoming[i]!;
        if (into.length > 0) {
          decision = decide(into.map((ci) => spec.constraints[ci]!), (k) => states[k]!, (c, r) => holds(spec.constraints.indexOf(c))(c, r));
        }
        if (decision === 'wait') continue;
        started[i] = true;
        progressed = true;
        if (decision === 'skip' || failed || this.stopping || this.signal.aborted) {
          finishChild(i, false, SUCCESS);
          continue;
        }
        running++;
        void this.executeNode(children[i]!).then(
          (r) => finishChild(i, true, r),
          () => finishChild(i, true, FAILURE),
        ).finally(() => {
          running--;
          wake?.();
        });
      }
      if (running === 0 && !progressed) break;
      if (!progressed || running > 0) {
        if (running === 0) continue;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
    if (this.signal.aborted) return CANCELED;
    return failed ? FAILURE : SUCCESS;
  }

  // ---- expressions ------------------------------------------------------------------------

  /** Compiles (once per scope) and evaluates an expression in a node's scope. */
  evaluate(text: string, node: RunNode): unknown {
    return this.compile(text, node)();
  }

  /** The compiled form of an expression in a node's scope, cached for the run. */
  compile(text: string, node: RunNode): () => unknown {
    let fn = node.compiled.get(text);
    if (!fn) {
      fn = this.options.expressions.compile(text, node.scope);
      node.compiled.set(text, fn);
    }
    return fn;
  }

  /** Runs an assignment expression in a node's scope (compiled once). */
  async assign(text: string, node: RunNode): Promise<unknown> {
    let a = node.assignments.get(text);
    if (!a) {
      a = compileAssignment(this.options.expressions, text, node.scope);
      node.assignments.set(text, a);
    }
    return a.run();
  }

  private applyPropertyExpressions(node: RunNode): void {
    const exprs = node.spec.propertyExpressions;
    for (const name in exprs) node.properties[name] = this.evaluate(exprs[name]!, node);
  }

  /** A connection manager by name or ID, with its property expressions applied. */
  connection(nameOrId: string): ConnectionSpec {
    const key = nameOrId.toLowerCase().replace(/^package\.connectionmanagers\[(.*)\]$/, '$1');
    const c = this.connectionsById.get(key);
    if (!c) {
      throw new SsisError('0xC001000E', 'DTS_E_CONNECTIONNOTFOUND', `The connection "${nameOrId}" is not found. This error is thrown by Connections collection when the specific connection element is not found.${nameOrId.startsWith('{') ? ' (A connection manager referenced by ID that the package does not hold is usually a project connection manager (.conmgr): run the package from its project with /Project.)' : ''}`);
    }
    for (const name in c.propertyExpressions) {
      const value = this.evaluate(c.propertyExpressions[name]!, this.root);
      if (name.toLowerCase() === 'connectionstring') c.connectionString = String(value);
      else c.properties[name] = value;
    }
    return c;
  }

  /** The local path behind a File connection manager (its connection string), or a path given directly; Windows paths mapped. */
  connectionPath(nameOrIdOrPath: string, isConnection = true): string {
    let path = nameOrIdOrPath;
    if (isConnection) {
      const key = nameOrIdOrPath.toLowerCase();
      if (this.connectionsById.has(key)) path = this.connection(nameOrIdOrPath).connectionString;
    }
    return this.options.mapPath ? this.options.mapPath(path) : path;
  }

  // ---- transactions -----------------------------------------------------------------------

  private startTransaction(node: RunNode): RunTransaction | undefined {
    if (node.spec.transactionOption !== 2 || this.transactionOf(node.parent)) return undefined;
    const tx = new RunTransaction(node.spec.name);
    this.transactions.set(node, tx);
    return tx;
  }

  private async endTransaction(node: RunNode, tx: RunTransaction, commit: boolean): Promise<void> {
    this.transactions.delete(node);
    try {
      await tx.end(commit);
    } catch (error) {
      await this.raiseError(node, error);
    }
  }

  /** The transaction a node takes part in: the nearest one, unless a NotSupported container shields it. */
  transactionOf(node: RunNode | undefined): RunTransaction | undefined {
    for (let n = node; n; n = n.parent) {
      const tx = this.transactions.get(n);
      if (tx) return tx;
      if (n.spec.transactionOption === 0) return undefined;
    }
    return undefined;
  }

  // ---- events -----------------------------------------------------------------------------

  private wants(event: string): boolean {
    return this.handlerEvents.has(event) || this.listenerEvents === 'all' || this.listenerEvents.has(event);
  }

  /** Builds an event raised by a node. */
  event(name: string, node: RunNode, fields: Partial<RuntimeEvent> & { message: string }): RuntimeEvent {
    return { event: name, sourceName: node.spec.name, sourceId: node.spec.id, time: new Date(), ...fields };
  }

  private async raiseSimple(name: string, node: RunNode, message: string): Promise<void> {
    if (!this.wants(name)) return;
    await this.raise(this.event(name, node, { message }), node);
  }

  /** Sends an event to the listeners, then to the handlers of the node and its ancestors (while Propagate stays true). */
  async raise(ev: RuntimeEvent, node: RunNode): Promise<void> {
    await this.emit(ev);
    if (!this.handlerEvents.has(ev.event)) return;
    for (const n of node.lineage()) {
      if (n.spec.disableEventHandlers) continue;
      const key = ev.event.toLowerCase();
      if (!n.handlers.has(key) || n.runningHandlers.has(key)) continue;
      const propagate = await this.runHandler(n, key, ev, node);
      if (!propagate) break;
    }
  }

  /** Sends an event to the listeners that want it. */
  async emit(ev: RuntimeEvent): Promise<void> {
    for (const r of this.listeners) {
      if (this.brokenListeners.has(r) || (r.events && !r.events.has(ev.event))) continue;
      try {
        await r.listener(ev);
      } catch (error) {
        // A log provider that cannot write is reported once and then left out, as SSIS disables a failing log.
        this.brokenListeners.add(r);
        await this.emit(this.event('OnWarning', this.root, { code: '0x8001C00E', message: `A log provider failed and was disabled for the rest of the run: ${errorMessage(error)}` }));
      }
    }
  }
  private readonly brokenListeners = new Set<ListenerRegistration>();

  private async runHandler(owner: RunNode, key: string, ev: RuntimeEvent, source: RunNode): Promise<boolean> {
    let hnode = owner.handlerNodes.get(key);
    const spec = owner.handlers.get(key)!;
    if (!hnode) {
      hnode = new RunNode(spec, owner);
      const sys = (name: string, dataType: number, value: unknown) =>
        hnode!.scope.add(new Variable({ namespace: 'System', name, dataType, value, readOnly: name !== 'Propagate' && name !== 'Cancel' }));
      sys('Propagate', 11, true);
      sys('Cancel', 11, false);
      sys('SourceName', 8, '');
      sys('SourceID', 8, '');
      sys('SourceDescription', 8, '');
      sys('SourceParentGUID', 8, '');
      sys('ErrorCode', 3, 0);
      sys('ErrorDescription', 8, '');
      sys('PercentComplete', 3, 0);
      sys('ProgressDescription', 8, '');
      sys('VariableID', 8, '');
      sys('VariableDescription', 8, '');
      sys('VariableName', 8, '');
      sys('ExecutionStatus', 3, 0);
      sys('ExecutionValue', 3, 0);
      this.wireVariableEvents(hnode);
      owner.handlerNodes.set(key, hnode);
    }
    const set = (name: string, value: unknown) => hnode!.scope.get(`System::${name}`).setInternal(value);
    set('Propagate', true);
    set('Cancel', false);
    set('SourceName', ev.sourceName);
    set('SourceID', ev.sourceId);
    set('SourceDescription', source.spec.description ?? '');
    set('SourceParentGUID', source.parent?.spec.id ?? '');
    set('ErrorCode', ev.code ? Number.parseInt(ev.code, 16) | 0 : 0);
    set('ErrorDescription', ev.code ? ev.message : '');
    set('PercentComplete', ev.percent ?? 0);
    set('ProgressDescription', ev.event === 'OnProgress' ? ev.message : '');
    if (ev.event === 'OnVariableValueChanged') set('VariableName', ev.message);
    owner.runningHandlers.add(key);
    try {
      await this.executeNode(hnode);
    } finally {
      owner.runningHandlers.delete(key);
    }
    if (hnode.scope.get('System::Cancel').value === true) this.cancel();
    return hnode.scope.get('System::Propagate').value !== false;
  }

  /** Raises OnError for anything thrown, counting it on the node and its ancestors. */
  async raiseError(node: RunNode, error: unknown, validating = false): Promise<void> {
    if (this.signal.aborted && !(error instanceof SsisError)) return;
    const e = error instanceof SsisError ? error : new SsisError('0xC0000000', 'DTS_E_TASKEXECUTEFAILED', errorMessage(error));
    const errs = [e, ...e.details];
    for (const x of errs) await this.raiseErrorEvent(node, x.code, x.message, validating);
  }

  /** Raises OnError with a code and message, counting it toward MaximumErrorCount. */
  async raiseErrorEvent(node: RunNode, code: string, message: string, validating = false, subComponent?: string): Promise<void> {
    for (const n of node.lineage()) n.errorCount++;
    await this.raise(this.event('OnError', node, { code, message, validating, subComponent }), node);
  }

  /** Raises OnWarning (counted for /WarnAsError). */
  async raiseWarning(node: RunNode, code: string, message: string, subComponent?: string): Promise<void> {
    for (const n of node.lineage()) n.warningCount++;
    await this.raise(this.event('OnWarning', node, { code, message, subComponent }), node);
  }

  /** Raises OnInformation, OnProgress or a custom log entry. */
  async raiseOther(node: RunNode, name: string, fields: Partial<RuntimeEvent> & { message: string }): Promise<void> {
    if (!this.wants(name)) return;
    await this.raise(this.event(name, node, fields), node);
  }

  /**
   * Prepares the variables of a node and its children: EvaluateAsExpression variables compute
   * their value from their expression (compiled on first use), and RaiseChangedEvent ones raise
   * OnVariableValueChanged on their container.
   */
  wireVariableEvents(node: RunNode): void {
    for (const v of node.scope.own()) {
      if (v.namespace === 'System') continue;
      if (v.evaluateAsExpression && v.expression) {
        const text = v.expression;
        let evaluating = false;
        v.evaluator = () => {
          if (evaluating) {
            throw new SsisError('0xC00470A5', 'DTS_E_EXPREVALVARIABLECYCLE', `The expression of the variable "${v.qualifiedName}" refers to itself, directly or through other variables.`);
          }
          evaluating = true;
          try {
            return this.evaluate(text, node);
          } finally {
            evaluating = false;
          }
        };
      }
      v.onChanged = async (changed) => {
        await this.raise(this.event('OnVariableValueChanged', node, { message: changed.qualifiedName }), node);
      };
    }
    if (node.spec.kind !== 'task') for (const c of node.children()) this.wireVariableEvents(c);
  }
}

/** A property value that means True (`True`, `-1`, `1`, true). */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|-1|1)$/i.test(value.trim())) || value === 1 || value === -1;
}

function collectHandlerEvents(spec: ExecutableSpec, out: Set<string>): void {
  for (const h of spec.eventHandlers) {
    const known = HANDLER_EVENTS.find((e) => e.toLowerCase() === h.eventName.toLowerCase());
    out.add(known ?? h.eventName);
    collectHandlerEvents(h, out);
  }
  for (const c of (spec as ContainerSpec).executables ?? []) collectHandlerEvents(c, out);
}
