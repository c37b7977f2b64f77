/** @module The contract between the engine and a data flow component plug-in. */
import type { SsisError } from '../errors.ts';
import type { Batch } from './batch.ts';
import type { DataFlowConnection, DataFlowContext, DataFlowEvent } from './context.ts';
import type { BufferLayout } from './layout.ts';
import type { ComponentModel } from './model.ts';

/** A running component. Every method is optional; the engine calls what exists. */
export interface ComponentRuntime {
  /** Opens files and connections, loads caches (SSIS PreExecute). */
  preExecute?(): Promise<void> | void;
  /** Sources: produces every row by calling `host.send` (SSIS PrimeOutput). */
  produce?(): Promise<void>;
  /** Handles one batch arriving at input `input` (SSIS ProcessInput). */
  process?(input: number, batch: Batch): Promise<void> | void;
  /** Input `input` has no more rows; asynchronous outputs may now be flushed. */
  endOfInput?(input: number): Promise<void> | void;
  /** Everything succeeded: commit, rename temp files (SSIS PostExecute). */
  commit?(): Promise<void> | void;
  /** Something failed anywhere in the flow: roll back, delete temp files. Must not throw. */
  abort?(): Promise<void> | void;
}

/** What a component sees of the engine while running. */
export interface ComponentHost {
  readonly component: ComponentModel;
  readonly context: DataFlowContext;
  /** Rows per buffer for an output (DefaultBufferMaxRows within DefaultBufferSize). */
  rowsPerBuffer(output: number): number;
  /** Buffer layout of rows arriving at an input. */
  inputLayout(input: number): BufferLayout;
  /** Buffer layout of an output's tree (same as its input's for a synchronous output). */
  outputLayout(output: number): BufferLayout;
  /** Allocates an empty batch of `rows` rows for an asynchronous output, with the output's own columns allocated (all NULL). */
  newBatch(output: number, rows: number): Batch;
  /** Sends a batch down an output (awaits downstream processing: back-pressure). */
  send(output: number, batch: Batch): Promise<void>;
  /** The connection bound to one of the component's connection slots (first slot when no name given). */
  connection(slot?: string): DataFlowConnection;
  /** Raises an event with this component as source. */
  event(kind: DataFlowEvent['kind'], code: string, message: string, symbol?: string): void;
  /** True once the flow is aborting (another component failed, or cancellation). */
  readonly aborted: boolean;
  /** Makes an error for this component. */
  error(code: string, symbol: string, message: string): SsisError;
}

/** A component plug-in: validates the model and creates runtimes. Registered by its canonical class ID. */
export interface ComponentFactory {
  /** The canonical class ID (2014 moniker), e.g. `Microsoft.DerivedColumn`. */
  readonly classId: string;
  /** Other spellings seen in packages (2008 ProgIDs/GUIDs, 2012 GUIDs), in case the model did not canonicalise them. */
  readonly aliases?: readonly string[];
  /** Problems that stop the flow from running (missing properties, bad metadata). */
  validate?(component: ComponentModel, ctx: ValidationContext): SsisError[];
  /** Creates the runtime. Runs after validation succeeded. */
  create(host: ComponentHost): ComponentRuntime;
}

/** What validation may look at. */
export interface ValidationContext {
  readonly context?: DataFlowContext;
  /** Layout of rows arriving at an input, when attached. */
  inputLayout(input: number): BufferLayout | undefined;
  /** Layout of an output's tree. */
  outputLayout(output: number): BufferLayout | undefined;
  /** Makes an error for this component. */
  error(code: string, symbol: string, message: string): SsisError;
}
