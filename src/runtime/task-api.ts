/** @module What a task implementation sees of the run (variables, expressions, connections, events) and the registry of tasks by canonical kind. */
import type { QueryParams, QueryResult } from '../connections/driver.ts';
import type { ExecResult, TaskSpec, ConnectionSpec, PackageSpec } from './model.ts';
import type { Variable } from './variables.ts';

/** A database connection opened for a task, joined to the container's transaction when there is one. */
export interface TaskDatabase {
  /** The connection manager's name. */
  readonly name: string;
  /** The connection type as SSIS names it (`OLEDB`, `ADO.NET`, `ODBC`, `SQLite`, …): decides the parameter markers. */
  readonly connectionType: string;
  /** The SQL dialect of the driver (`sqlite`, `postgres`, `mysql`, `mssql`). */
  readonly dialect: string;
  /** Runs statements with parameters in the package's marker style (`?` array or `@name` record); gives every result set. */
  query(sql: string, params: QueryParams, opts?: { timeoutSeconds?: number }): Promise<QueryResult>;
  /** Ends the task's use of the connection (a transaction keeps it open until the container ends). */
  release(): Promise<void>;
}

/** What a running task can do. */
export interface TaskContext {
  readonly task: TaskSpec;
  /** The task's settings with its property expressions applied. */
  readonly settings: Record<string, unknown>;
  readonly package: PackageSpec;
  readonly signal: AbortSignal;
  /** A variable visible from the task (`User::X`, `X`, `$Package::P`). */
  variable(reference: string): Variable;
  /** Evaluates an expression in the task's scope. */
  evaluate(expression: string): unknown;
  /** Runs an `@[User::V] = expression` assignment in the task's scope; gives the assigned value. */
  assign(expression: string): Promise<unknown>;
  /** The connection manager with this name or ID, with its expressions applied. */
  connection(nameOrId: string): ConnectionSpec;
  /** At validation: checks that a connection manager's database can be opened here (throws otherwise). */
  checkDatabase(nameOrId: string): void;
  /** Opens a database through a connection manager. */
  openDatabase(nameOrId: string): Promise<TaskDatabase>;
  /** The local path a File connection manager (or a path in a package) points at, Windows paths mapped. */
  filePath(nameOrIdOrPath: string, opts?: { isConnection?: boolean }): string;
  /** Raises OnInformation. */
  information(code: string, description: string): Promise<void>;
  /** Raises OnWarning. */
  warning(code: string, description: string): Promise<void>;
  /** Raises OnError (the task then fails when its error count reaches MaximumErrorCount). */
  error(code: string, description: string): Promise<void>;
  /** Raises OnProgress. */
  progress(description: string, percent: number): Promise<void>;
  /** Writes a custom log entry (e.g. `ExecuteSQLExecutingQuery`). */
  log(eventName: string, message: string): Promise<void>;
  /** Services the run offers tasks (child packages, script modules, the data flow). */
  readonly services: RunServices;
}

/** A task's implementation, registered under its canonical kind. */
export interface TaskImplementation {
  /** Checks the settings before the run (and just before execution for DelayValidation); throws SsisError. */
  validate?(ctx: TaskContext): void | Promise<void>;
  /** Runs the task; returning nothing means success. Throwing an SsisError raises OnError and fails the task. */
  execute(ctx: TaskContext): Promise<ExecResult | void>;
}

/** Services a run offers tasks, supplied by whoever runs the package (dtexec, the service, tests). */
export interface RunServices {
  /** Loads a child package for the Execute Package task (file path or project package name). */
  loadPackage?(ref: { file?: string; projectPackage?: string; password?: string }): Promise<PackageSpec>;
  /** Runs a child package in-process with the parent's variables visible. */
  runChildPackage?(child: PackageSpec, opts: { parentVariable: (name: string) => Variable | undefined; parameters: Record<string, unknown> }): Promise<ExecResult>;
  /** The JavaScript module that stands in for a Script task (by task name or ID), if the user supplied one. */
  scriptModule?(task: { name: string; id: string }): Promise<ScriptModule | undefined>;
  /** Extra services by name (the data flow engine, mail transport options, …). */
  readonly extra?: Record<string, unknown>;
}

/** A user's JavaScript port of a Script task: `export async function main(dts)`. */
export interface ScriptModule {
  main(dts: unknown): unknown;
}

const REGISTRY = new Map<string, TaskImplementation>();

/** Registers a task implementation under its canonical kind (`ExecuteSQL`, `FileSystem`, …). */
export function registerTask(kind: string, impl: TaskImplementation): void {
  REGISTRY.set(kind.toLowerCase(), impl);
}

/** The implementation of a task kind, if OpenDTS has one. */
export function findTask(kind: string): TaskImplementation | undefined {
  return REGISTRY.get(kind.toLowerCase());
}
