/** @module Data flows: components, their inputs, outputs, columns and custom properties, and the paths between them, all addressed by 2012-style refIds. */
import type { XmlElement } from '../xml/index.ts';

/** A custom property of a component, input, output or column. */
export interface ComponentProperty {
  name: string;
  /** The value as written; for expression properties in 2008 files, `#123` lineage references are kept as read. */
  value: string;
  /** .NET type of the value (`System.Int32`, `System.String`, …). */
  dataType: string;
  /** `expressionType`: None, Notify (the value is an expression over columns). */
  expressionType: string;
  /** True when the value holds lineage references (`#{refId}` / `#123`). */
  containsId: boolean;
  /** The `UITypeEditor` / `typeConverter` as written (enum-valued properties). */
  typeConverter: string;
  isArray: boolean;
  /** Array values (`<arrayElements>`). */
  arrayElements?: string[];
  /** True when the value was encrypted (`Sensitive`) and could not be decrypted. */
  sensitive: boolean;
  readonly element: XmlElement;
}

/** Shape of a column's data. */
export interface ColumnType {
  /** The .dtsx spelling: `i4`, `wstr`, `str`, `numeric`, `dbTimeStamp`, … */
  dataType: string;
  length: number;
  precision: number;
  scale: number;
  codePage: number;
}

/** An external metadata column: the schema of the source or destination outside the data flow. */
export interface ExternalMetadataColumn extends ColumnType {
  refId: string;
  name: string;
  /** The 2008 integer ID (undefined in 2012+ files). */
  id?: number;
  properties: ComponentProperty[];
  readonly element: XmlElement;
}

/** An output column. */
export interface OutputColumn extends ColumnType {
  /** `Package\DFT\Source.Outputs[Output].Columns[Col]`; also the lineage identifier in 2012+. */
  refId: string;
  name: string;
  description: string;
  /** The 2008 integer lineage ID (undefined in 2012+ files). */
  lineageId?: number;
  /** The 2008 integer ID. */
  id?: number;
  /** refId of the external metadata column it maps to. */
  externalMetadataColumnRefId?: string;
  sortKeyPosition: number;
  comparisonFlags: number;
  /** 1 = ErrorCode, 2 = ErrorColumn of an error output. */
  specialFlags: number;
  /** FailComponent, IgnoreFailure, RedirectRow, NotUsed. */
  errorRowDisposition: string;
  truncationRowDisposition: string;
  errorOrTruncationOperation: string;
  properties: ComponentProperty[];
  readonly element: XmlElement;
}

/** An input column: a reference to an upstream output column. */
export interface InputColumn {
  refId: string;
  /** refId of the upstream output column (the lineage). */
  lineageRefId: string;
  /** The 2008 integer lineage ID. */
  lineageId?: number;
  /** The column's name in this component (`cachedName` or `name`). */
  name: string;
  cachedDataType: string;
  cachedLength: number;
  cachedPrecision: number;
  cachedScale: number;
  cachedCodePage: number;
  /** readOnly or readWrite. */
  usageType: string;
  externalMetadataColumnRefId?: string;
  errorRowDisposition: string;
  truncationRowDisposition: string;
  properties: ComponentProperty[];
  readonly element: XmlElement;
}

/** An input of a component. */
export interface Input {
  refId: string;
  name: string;
  description: string;
  /** 2008 integer ID. */
  id?: number;
  hasSideEffects: boolean;
  errorRowDisposition: string;
  truncationRowDisposition: string;
  columns: InputColumn[];
  externalColumns: ExternalMetadataColumn[];
  properties: ComponentProperty[];
  readonly element: XmlElement;
}

/** An output of a component. */
export interface Output {
  refId: string;
  name: string;
  description: string;
  /** 2008 integer ID. */
  id?: number;
  isErrorOut: boolean;
  isSorted: boolean;
  /** refId of the input whose buffer this output shares (synchronous output); undefined for asynchronous outputs. */
  synchronousInputRefId?: string;
  exclusionGroup: number;
  errorRowDisposition: string;
  truncationRowDisposition: string;
  columns: OutputColumn[];
  externalColumns: ExternalMetadataColumn[];
  properties: ComponentProperty[];
  readonly element: XmlElement;
}

/** A runtime connection of a component to a connection manager. */
export interface ComponentConnection {
  refId: string;
  name: string;
  description: string;
  /** refId of the connection manager (`Package.ConnectionManagers[X]`), resolved from a DTSID in 2008 files; as written when unresolved. */
  connectionManagerRefId: string;
  /** The connection manager ID as written (`{GUID}` or refId). */
  connectionManagerId: string;
  readonly element: XmlElement;
}

/** A data flow component. */
export interface Component {
  /** `Package\Data Flow Task\Component Name`. */
  refId: string;
  name: string;
  description: string;
  /** 2008 integer ID. */
  id?: number;
  /**
   * The canonical class (2014 moniker), e.g. `Microsoft.DerivedColumn`; for managed components the hosted
   * component (`Microsoft.DataReaderSourceAdapter`, `Microsoft.ScriptComponentHost`); third-party as written.
   */
  classId: string;
  /** `componentClassID` as written. */
  rawClassId: string;
  /** `UserComponentTypeName` of a managed component, as written. */
  userComponentTypeName?: string;
  contactInfo: string;
  version: number;
  usesDispositions: boolean;
  validateExternalMetadata: boolean;
  localeId: number;
  /** Custom properties, in order (look one up with {@link componentProperty}). */
  properties: ComponentProperty[];
  connections: ComponentConnection[];
  inputs: Input[];
  outputs: Output[];
  readonly element: XmlElement;
}

/** A path from an output to an input. */
export interface Path {
  /** `Package\Data Flow Task.Paths[Name]`. */
  refId: string;
  name: string;
  /** refId of the output. */
  startRefId: string;
  /** refId of the input. */
  endRefId: string;
  id?: number;
  readonly element: XmlElement;
}

/** The data flow of one Data Flow task. */
export interface DataFlow {
  components: Component[];
  paths: Path[];
  /** 2005/2008 files: integer lineage ID → refId of the output column (empty for 2012+ files). */
  lineageIds: Map<number, string>;
  /** The data flow task's properties (`defaultBufferMaxRows`, …) live on the task's settings. */
  readonly element: XmlElement;
}

/** A custom property by name. */
export function componentProperty(owner: { properties: ComponentProperty[] }, name: string): ComponentProperty | undefined {
  return owner.properties.find((p) => p.name === name);
}
