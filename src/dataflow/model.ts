/** @module The engine's view of a data flow: components, their inputs, outputs and columns, and the paths between them. */

/** How a failing row is handled (`DTSRowDisposition`). */
export type RowDisposition = 'NotUsed' | 'IgnoreFailure' | 'RedirectRow' | 'FailComponent';

/** A column's SSIS type as the pipeline spells it (`i4`, `wstr`, `numeric`, `dbTimeStamp`, …) plus its facets. */
export interface ColumnTypeInfo {
  /** The `.dtsx` pipeline spelling, e.g. `wstr`. */
  readonly dataType: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly codePage?: number;
}

/** An output column: a new lineage in the flow. */
export interface OutputColumnModel extends ColumnTypeInfo {
  /** 2012-style refId, e.g. `Package\DFT\Src.Outputs[Out].Columns[A]`. */
  readonly refId: string;
  /** The lineage this column carries (its own refId unless the model says otherwise). */
  readonly lineageId: string;
  /** The 2008 integer lineage ID, when the package had one. */
  readonly lineageNumber?: number;
  readonly name: string;
  /** Custom properties by name (Expression, FastParse, SortKeyPosition, AggregationType, …). */
  readonly properties: Readonly<Record<string, string>>;
  readonly errorRowDisposition?: RowDisposition;
  readonly truncationRowDisposition?: RowDisposition;
  /** ExternalMetadataColumn this column maps to (sources). */
  readonly externalMetadataColumnId?: string;
  /** Sort key position on a sorted output (0 = none; negative = descending). */
  readonly sortKeyPosition?: number;
  /** `ErrorCode` / `ErrorColumn` special columns of an error output. */
  readonly specialFlags?: number;
}

/** An input column: a reference to an upstream lineage. */
export interface InputColumnModel extends ColumnTypeInfo {
  readonly refId: string;
  /** The upstream output column's lineage. */
  readonly lineageId: string;
  readonly name: string;
  /** `readOnly` or `readWrite`. */
  readonly usageType: 'readOnly' | 'readWrite';
  readonly properties: Readonly<Record<string, string>>;
  readonly errorRowDisposition?: RowDisposition;
  readonly truncationRowDisposition?: RowDisposition;
  /** ExternalMetadataColumn this column maps to (destinations). */
  readonly externalMetadataColumnId?: string;
}

/** A column of the external source or destination, as the package last saw it. */
export interface ExternalColumnModel extends ColumnTypeInfo {
  readonly refId: string;
  readonly name: string;
  readonly properties?: Readonly<Record<string, string>>;
}

/** An input of a component. */
export interface InputModel {
  readonly refId: string;
  readonly name: string;
  readonly columns: readonly InputColumnModel[];
  readonly externalColumns: readonly ExternalColumnModel[];
  readonly errorRowDisposition?: RowDisposition;
  readonly truncationRowDisposition?: RowDisposition;
  readonly properties?: Readonly<Record<string, string>>;
}

/** An output of a component. */
export interface OutputModel {
  readonly refId: string;
  readonly name: string;
  readonly columns: readonly OutputColumnModel[];
  readonly externalColumns: readonly ExternalColumnModel[];
  readonly isErrorOut: boolean;
  /** refId of the input this output is synchronous with; undefined for asynchronous outputs. */
  readonly synchronousInputRefId?: string;
  /** Outputs with the same non-zero group are an exclusion group (a row goes to one of them). */
  readonly exclusionGroup: number;
  readonly isSorted?: boolean;
  readonly errorRowDisposition?: RowDisposition;
  readonly truncationRowDisposition?: RowDisposition;
  /** Custom output properties (Conditional Split Expression, EvaluationOrder, IsDefaultOut, …). */
  readonly properties: Readonly<Record<string, string>>;
}

/** A component's connection slot, bound to a connection manager. */
export interface ComponentConnectionModel {
  /** The slot name, e.g. `FlatFileConnection`, `OleDbConnection`. */
  readonly name: string;
  /** refId (or DTSID / name) of the connection manager. */
  readonly connectionManagerRefId: string;
}

/** One component of the data flow. */
export interface ComponentModel {
  readonly refId: string;
  readonly name: string;
  /** Canonical class ID (the 2014 moniker such as `Microsoft.DerivedColumn`; third-party as written). */
  readonly classId: string;
  /** The class ID as written in the package. */
  readonly rawClassId: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly connections: readonly ComponentConnectionModel[];
  readonly inputs: readonly InputModel[];
  readonly outputs: readonly OutputModel[];
  readonly validateExternalMetadata?: boolean;
}

/** A path from an output to an input. */
export interface PathModel {
  readonly refId: string;
  readonly name: string;
  readonly startRefId: string;
  readonly endRefId: string;
}

/** A data flow: its components and paths, plus the task properties that shape the engine. */
export interface DataFlowModel {
  /** refId of the Data Flow task, e.g. `Package\Data Flow Task`. */
  readonly refId: string;
  readonly name: string;
  readonly components: readonly ComponentModel[];
  readonly paths: readonly PathModel[];
  /** Task properties: DefaultBufferMaxRows, DefaultBufferSize, BufferTempStoragePath, RunInOptimizedMode, … */
  readonly properties?: Readonly<Record<string, string>>;
}
