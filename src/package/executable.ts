/** @module Executables: the package, containers (Sequence, For Loop, Foreach Loop), event handlers and tasks, as one tree. */
import type { XmlElement } from '../xml/index.ts';
import type { Variable } from './variable.ts';
import type { PrecedenceConstraint } from './precedence-constraint.ts';
import type { PropertyExpression } from './property-expression.ts';
import type { LoggingOptions } from './logging.ts';
import type { TaskSettings, ForEachEnumerator } from './task-settings.ts';
import type { DataFlow } from './data-flow.ts';
import type { Package } from './package.ts';

/** The canonical kinds of executables. `Task` is any task OpenDTS has no typed settings for. */
export type ExecutableKind =
  | 'Package'
  | 'Sequence'
  | 'ForLoop'
  | 'ForeachLoop'
  | 'EventHandler'
  | 'ExecuteSQL'
  | 'FileSystem'
  | 'ExecuteProcess'
  | 'ExecutePackage'
  | 'Expression'
  | 'SendMail'
  | 'BulkInsert'
  | 'FTP'
  | 'Pipeline'
  | 'Script'
  | 'Task';

/** What every executable (package, container, task, event handler) has. */
export interface ExecutableBase {
  readonly kind: ExecutableKind;
  /** The 2012-style path: `Package\Sequence\Task`, `Package.EventHandlers[OnError]\Task`. */
  refId: string;
  /** `DTS:DTSID`, a `{GUID}`. */
  dtsId: string;
  /** `DTS:ObjectName`. */
  name: string;
  description: string;
  /** `DTS:CreationName` as written. */
  creationName: string;
  /** `DTS:ExecutableType` as written. */
  executableType: string;
  /** The canonical class (2014 moniker), e.g. `Microsoft.ExecuteSQLTask`, `STOCK:SEQUENCE`; third-party types as written. */
  classId: string;
  disabled: boolean;
  delayValidation: boolean;
  disableEventHandlers: boolean;
  failPackageOnFailure: boolean;
  failParentOnFailure: boolean;
  maxErrorCount: number;
  /** DTSForcedExecResult: -1 none, 0 success, 1 failure, 2 completion. */
  forceExecutionResult: number;
  forceExecutionValue: boolean;
  /** NotSupported 0, Supported 1, Required 2. */
  transactionOption: number;
  isolationLevel: number;
  localeId: number;
  /** Every property as written, by name (attributes in 2012+, `<DTS:Property>` elements before), values as strings. */
  properties: Record<string, string>;
  propertyExpressions: PropertyExpression[];
  variables: Variable[];
  loggingOptions?: LoggingOptions;
  eventHandlers: EventHandler[];
  /** The element it was read from. */
  readonly element: XmlElement;
}

/** What containers (package, Sequence, loops, event handlers) add: children and the constraints between them. */
export interface ContainerBase extends ExecutableBase {
  executables: Executable[];
  precedenceConstraints: PrecedenceConstraint[];
}

/** A Sequence container. */
export interface SequenceContainer extends ContainerBase {
  readonly kind: 'Sequence';
}

/** A For Loop container. */
export interface ForLoopContainer extends ContainerBase {
  readonly kind: 'ForLoop';
  initExpression: string;
  evalExpression: string;
  assignExpression: string;
  maxConcurrent: number;
}

/** A Foreach Loop container. */
export interface ForeachLoopContainer extends ContainerBase {
  readonly kind: 'ForeachLoop';
  enumerator: ForEachEnumerator | undefined;
  /** Item column index → variable (`User::X`). */
  variableMappings: { valueIndex: number; variableName: string }[];
  maxConcurrent: number;
}

/** An event handler: a container run when its executable (or a descendant) raises the event. */
export interface EventHandler extends ContainerBase {
  readonly kind: 'EventHandler';
  /** `OnError`, `OnPostExecute`, … or a custom event name. */
  eventName: string;
}

/** A task: one unit of work, with typed settings for the tasks OpenDTS knows. */
export interface Task extends ExecutableBase {
  readonly kind: Exclude<ExecutableKind, 'Package' | 'Sequence' | 'ForLoop' | 'ForeachLoop' | 'EventHandler'>;
  /** Typed settings read from `<DTS:ObjectData>`. */
  settings: TaskSettings;
  /** The data flow of a Data Flow task (`kind === 'Pipeline'`). */
  dataFlow?: DataFlow;
  /** The task's `<DTS:ObjectData>` payload element, kept as XML. */
  readonly objectData?: XmlElement;
}

/** Any executable in a package's tree. */
export type Executable = SequenceContainer | ForLoopContainer | ForeachLoopContainer | Task | Package;

/** Containers that hold child executables. */
export type Container = Package | SequenceContainer | ForLoopContainer | ForeachLoopContainer | EventHandler;

/** True for executables that hold children. */
export function isContainer(e: ExecutableBase): e is Container {
  return e.kind === 'Package' || e.kind === 'Sequence' || e.kind === 'ForLoop' || e.kind === 'ForeachLoop' || e.kind === 'EventHandler';
}
