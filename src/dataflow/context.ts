/** @module What the control flow hands the data flow engine (connections, variables, events, cancellation) and what it gets back. */
import type { SsisError } from '../errors.ts';
import type { VersionFeatures } from '../versions/index.ts';
import type { Connection } from '../connections/driver.ts';
import type { FlatFileSettings } from '../package/connection-manager.ts';
import type { ComponentModel } from './model.ts';

/** An event the data flow raises, with SSIS's code and the component it concerns. */
export interface DataFlowEvent {
  /** `log` entries go to log providers only (OnPipelineRowsSent, PipelineComponentTime, PipelineExecutionTrees). */
  readonly kind: 'information' | 'warning' | 'error' | 'progress' | 'log';
  /** HRESULT as SSIS prints it, e.g. `0x4004300B`. */
  readonly code: string;
  readonly symbol?: string;
  /** The component name, or `SSIS.Pipeline` for the engine. */
  readonly source: string;
  readonly message: string;
  /** Progress percentage (progress events only). */
  readonly percent?: number;
}

/** A connection manager as the data flow sees it, already resolved (expressions applied, paths mapped). */
export interface DataFlowConnection {
  readonly name: string;
  readonly refId: string;
  /** `FLATFILE`, `OLEDB`, `ADO.NET:…`, `ODBC`, `EXCEL`, `CACHE`, `FILE`, … */
  readonly creationName: string;
  /** The connection string (for FLATFILE, EXCEL, FILE: the file path, already mapped to a local path). */
  readonly connectionString: string;
  /** Connection manager properties by name, as written. */
  readonly properties: Readonly<Record<string, string>>;
  /** FLATFILE: format, code page, header and row settings, and the columns (from the package model). */
  readonly flatFile?: FlatFileSettings;
  /** Database connection managers: opens a connection on the matching driver (the caller closes it). */
  open?(): Promise<Connection>;
  /** Cache connection manager: the shared in-memory cache (filled by a Cache Transform). */
  cache?: CacheStore;
}

/**
 * An in-memory recordset (Recordset Destination → Object variable → Foreach ADO enumerator): columns with their
 * pipeline types and rows of plain JavaScript values (NULL = null, dates as Date, decimals as numbers, DT_BOOL as 1/0).
 */
export interface Recordset {
  readonly columns: readonly { readonly name: string; readonly dataType: string }[];
  readonly rows: readonly (readonly unknown[])[];
}

/** A Cache connection manager's contents. */
export interface CacheStore {
  /** Columns in order, with pipeline types and index positions (1… = key columns). */
  columns: { name: string; dataType: string; length?: number; precision?: number; scale?: number; codePage?: number; indexPosition: number }[];
  rows: unknown[][];
}

/** Read/write access to the package's variables (`User::Count`, `System::PackageName`). */
export interface VariableAccess {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /**
   * Describes a variable for expressions: its qualified name (`User::X`) and `DTS:DataType` code (3 Int32, 8 String, …);
   * undefined when there is no such variable.
   */
  describe?(name: string): { readonly qualifiedName: string; readonly dataType: number } | undefined;
}

/** A JavaScript implementation of a Script Component: row-processing functions (see docs/dataflow.md). */
export interface ScriptComponentImplementation {
  /** Called once before rows arrive. */
  preExecute?(ctx: { variables: VariableAccess }): void | Promise<void>;
  /** Transformation / destination: called per input row (a plain object by column name); return false to drop it. */
  processInputRow?(row: Record<string, unknown>, ctx: { variables: VariableAccess; addRow(output: string, row: Record<string, unknown>): void }): void | boolean;
  /** Source: produce rows by calling addRow. */
  createNewOutputRows?(ctx: { variables: VariableAccess; addRow(output: string, row: Record<string, unknown>): void }): void | Promise<void>;
  /** Called after the last row. */
  postExecute?(ctx: { variables: VariableAccess }): void | Promise<void>;
}

/** What the Data Flow task gives the engine. */
export interface DataFlowContext {
  /** Resolves a component connection's `connectionManagerRefId` (refId, DTSID or name) to a connection. */
  connection(ref: string): DataFlowConnection | undefined;
  readonly variables: VariableAccess;
  /** Receives information, warnings, errors and progress. */
  readonly onEvent?: (event: DataFlowEvent) => void;
  /** Aborts the data flow (dtexec Ctrl+C, package cancellation). */
  readonly signal?: AbortSignal;
  /** Feature switches of the tool version running the package (flatFileParsing2012, …). */
  readonly features: VersionFeatures;
  /** Script Component implementations supplied by the user, looked up by the component. */
  readonly scriptComponent?: (component: ComponentModel) => ScriptComponentImplementation | undefined;
  /** Maps a Windows path in the package (`C:\data\in.csv`) to a local path. */
  readonly mapPath?: (path: string) => string;
  /** Folder for temporary files (Sort spill, …); defaults to the OS temp folder (BufferTempStoragePath). */
  readonly tempDir?: string;
  /**
   * Makes the value a Recordset Destination stores in its Object variable (the control flow's recordset class, which
   * the Foreach ADO enumerator reads); without it the plain {@link Recordset} object is stored.
   */
  readonly makeRecordset?: (rows: Recordset) => unknown;
  /** Receives the rows of a DataReader Destination. */
  readonly onDataReader?: (component: string, rows: Recordset) => void;
  /** Bytes of rows a Sort keeps in memory before spilling sorted runs to disk (default 256 MB). */
  readonly sortMemoryLimit?: number;
}

/** Rows that travelled one path, for `dtexec /REP P` and OnPipelineRowsSent. */
export interface PathRowCount {
  readonly path: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly rows: number;
}

/** The outcome of one data flow run. */
export interface DataFlowResult {
  readonly success: boolean;
  readonly errors: readonly SsisError[];
  readonly paths: readonly PathRowCount[];
  /** Milliseconds spent in each component (PipelineComponentTime). */
  readonly componentTimes: readonly { component: string; ms: number }[];
}
