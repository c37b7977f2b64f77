/** @module The runtime's view of a package: the executables, variables and constraints it runs, lifted from the package model once per run. */

/** `DTSExecResult`: Success 0, Failure 1, Completion 2, Canceled 3. */
export type ExecResult = 0 | 1 | 2 | 3;
export const SUCCESS: ExecResult = 0;
export const FAILURE: ExecResult = 1;
export const COMPLETION: ExecResult = 2;
export const CANCELED: ExecResult = 3;

/** A variable as declared on a container. */
export interface VariableSpec {
  readonly namespace: string;
  readonly name: string;
  /** The variable type code (`DTS:DataType`): 3 Int32, 8 String, 11 Boolean, 7 DateTime, 20 Int64, 13 Object, … */
  readonly dataType: number;
  readonly value: unknown;
  readonly expression?: string;
  readonly evaluateAsExpression?: boolean;
  readonly readOnly?: boolean;
  readonly raiseChangedEvent?: boolean;
  readonly sensitive?: boolean;
  readonly id?: string;
  readonly description?: string;
}

/** A precedence constraint between two siblings, by their index in the container's executables. */
export interface ConstraintSpec {
  readonly from: number;
  readonly to: number;
  /** Success 0 (default), Failure 1, Completion 2. */
  readonly value: ExecResult;
  /** Expression 1, Constraint 2 (default), ExpressionAndConstraint 3, ExpressionOrConstraint 4. */
  readonly evalOp: 1 | 2 | 3 | 4;
  readonly expression?: string;
  readonly logicalAnd: boolean;
  readonly name?: string;
}

/** Foreach enumerator settings. */
export type EnumeratorSpec =
  | { readonly kind: 'file'; readonly folder: string; readonly fileSpec: string; readonly retrieve: 0 | 1 | 2; readonly recurse: boolean }
  | { readonly kind: 'item'; readonly rows: readonly (readonly unknown[])[] }
  | { readonly kind: 'ado'; readonly variable: string; readonly mode: 0 | 1 | 2 }
  | { readonly kind: 'variable'; readonly variable: string }
  | {
      readonly kind: 'nodelist';
      /** FileConnection 0, Variable 1, DirectInput 2. */
      readonly sourceType: 0 | 1 | 2;
      readonly source: string;
      /** Navigator 0, Node 1, NodeText 2, ElementCollection 3. */
      readonly enumerationType: 0 | 1 | 2 | 3;
      readonly outerXPathSourceType: 0 | 1 | 2;
      readonly outerXPath: string;
      readonly innerElementType?: 0 | 1 | 2;
      readonly innerXPathSourceType?: 0 | 1 | 2;
      readonly innerXPath?: string;
    }
  | { readonly kind: 'schemaRowset'; readonly connection: string; readonly schema: string }
  | { readonly kind: 'unsupported'; readonly name: string };

/** Logging options of a container: which providers and events it logs. */
export interface LoggingSpec {
  /** UseParentSetting 0, Enabled 1, Disabled 2. */
  readonly mode: 0 | 1 | 2;
  /** Log provider IDs or names this container writes to. */
  readonly providers: readonly string[];
  /** Event names selected; empty = every event. */
  readonly events: readonly string[];
}

/** What every executable shares. */
export interface ExecutableSpec {
  readonly kind: 'package' | 'sequence' | 'forLoop' | 'foreachLoop' | 'task' | 'eventHandler';
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly creationName: string;
  /** `Package\Seq\Task`: the path used by checkpoints and messages. */
  readonly path: string;
  readonly disabled?: boolean;
  readonly delayValidation?: boolean;
  readonly failPackageOnFailure?: boolean;
  readonly failParentOnFailure?: boolean;
  /** 0 means no limit. Default 1. */
  readonly maximumErrorCount?: number;
  /** None -1 (default), Success 0, Failure 1, Completion 2. */
  readonly forceExecutionResult?: -1 | 0 | 1 | 2;
  readonly forcedExecutionValue?: unknown;
  /** NotSupported 0, Supported 1 (default), Required 2. */
  readonly transactionOption?: 0 | 1 | 2;
  readonly disableEventHandlers?: boolean;
  readonly variables: readonly VariableSpec[];
  /** Property name → expression, evaluated before the executable runs. */
  readonly propertyExpressions: Readonly<Record<string, string>>;
  /** Other properties by name (for property expressions, `/Set`, and tasks). */
  readonly properties: Record<string, unknown>;
  readonly eventHandlers: readonly EventHandlerSpec[];
  readonly logging?: LoggingSpec;
}

/** A container with a control flow: package, Sequence, loops, event handlers. */
export interface ContainerSpec extends ExecutableSpec {
  readonly kind: 'package' | 'sequence' | 'forLoop' | 'foreachLoop' | 'eventHandler';
  readonly executables: readonly (ContainerSpec | TaskSpec)[];
  readonly constraints: readonly ConstraintSpec[];
  readonly forLoop?: { readonly init?: string; readonly eval: string; readonly assign?: string };
  readonly foreach?: { readonly enumerator: EnumeratorSpec; readonly mappings: readonly { readonly index: number; readonly variable: string }[] };
}

/** An event handler: a container that runs when its event reaches its owner. */
export interface EventHandlerSpec extends ContainerSpec {
  readonly kind: 'eventHandler';
  readonly eventName: string;
}

/** A task: its canonical kind picks the implementation; settings are the task's own. */
export interface TaskSpec extends ExecutableSpec {
  readonly kind: 'task';
  /** Canonical task kind: `ExecuteSQL`, `FileSystem`, `Expression`, `Script`, `Pipeline`, … */
  readonly taskKind: string;
  readonly settings: Record<string, unknown>;
}

/** A connection manager as the runtime needs it. */
export interface ConnectionSpec {
  readonly id: string;
  readonly name: string;
  readonly creationName: string;
  connectionString: string;
  readonly properties: Record<string, unknown>;
  readonly propertyExpressions: Readonly<Record<string, string>>;
  /** The package model's own object (handed to the connection resolver and the data flow). */
  readonly source?: unknown;
}

/** A log provider defined on the package. */
export interface LogProviderSpec {
  readonly id: string;
  readonly name: string;
  readonly creationName: string;
  /** The connection manager name or ID the provider writes through (file or database). */
  readonly configString: string;
}

/** A package configuration (2005/2008 deployment model). */
export interface ConfigurationSpec {
  readonly name: string;
  /** DTSConfigurationType: 0 parent variable, 1 XML file, 2 env, 3 registry, 4 indirect parent, 5 indirect XML, 6 indirect registry, 7 SQL Server, 9 indirect SQL. */
  readonly type: number;
  readonly configurationString: string;
  /** For single-value configurations: the property path the value goes to. */
  readonly configurationVariable?: string;
}

/** A package or project parameter. */
export interface ParameterSpec {
  readonly scope: 'Package' | 'Project';
  readonly name: string;
  readonly dataType: number;
  readonly value: unknown;
  readonly required?: boolean;
  readonly sensitive?: boolean;
}

/** The whole package, as the runtime runs it. */
export interface PackageSpec extends ContainerSpec {
  readonly kind: 'package';
  readonly formatVersion: number;
  readonly versionMajor?: number;
  readonly versionMinor?: number;
  readonly versionBuild?: number;
  readonly versionGuid?: string;
  readonly creatorName?: string;
  readonly creatorComputerName?: string;
  readonly creationDate?: string;
  /** -1 = processors + 2. */
  readonly maxConcurrentExecutables: number;
  readonly checkpointFileName?: string;
  /** Never 0, IfExists 1, Always 2. */
  readonly checkpointUsage?: 0 | 1 | 2;
  readonly saveCheckpoints?: boolean;
  readonly enableConfigurations?: boolean;
  readonly connections: ConnectionSpec[];
  readonly logProviders: readonly LogProviderSpec[];
  readonly configurations: readonly ConfigurationSpec[];
  readonly parameters: readonly ParameterSpec[];
  /** The file the package was loaded from, for resolving relative paths. */
  readonly fileName?: string;
}
