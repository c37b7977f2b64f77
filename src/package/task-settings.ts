/** @module Typed settings of the tasks OpenDTS knows, and of Foreach enumerators, read from `<DTS:ObjectData>`. */
import type { XmlElement } from '../xml/index.ts';
import type { PropertyExpression } from './property-expression.ts';

/** Settings every task has: the payload's attributes by local name (prefix removed), as written. */
export interface RawTaskData {
  /** Attributes of the `<DTS:ObjectData>` payload element, by local name; child elements with only text as well (Execute Package task). */
  readonly raw: Record<string, string>;
}

/** An Execute SQL task parameter binding. */
export interface SqlParameterBinding {
  parameterName: string;
  variableName: string;
  /** Input, Output, ReturnValue. */
  direction: string;
  /** Provider-specific type code (OLE DB DBTYPE for OLE DB). */
  dataType: number;
  size: number;
}

/** Execute SQL task. */
export interface ExecuteSqlSettings extends RawTaskData {
  readonly kind: 'ExecuteSQL';
  /** Connection manager DTSID or refId, as written. */
  connection: string;
  /** DirectInput, FileConnection, Variable. */
  sqlStatementSourceType: string;
  sqlStatementSource: string;
  /** ResultSetType_None, ResultSetType_SingleRow, ResultSetType_Rowset, ResultSetType_XML. */
  resultSetType: string;
  timeout: number;
  codePage: number;
  bypassPrepare: boolean;
  isStoredProcedure: boolean;
  typeConversionMode: string;
  parameterBindings: SqlParameterBinding[];
  resultBindings: { resultName: string; variableName: string }[];
}

/** File System task. */
export interface FileSystemSettings extends RawTaskData {
  readonly kind: 'FileSystem';
  /** CopyFile, MoveFile, DeleteFile, RenameFile, SetAttributes, CreateDirectory, CopyDirectory, MoveDirectory, DeleteDirectory, DeleteDirectoryContent. */
  operation: string;
  source: string;
  isSourceVariable: boolean;
  destination: string;
  isDestinationVariable: boolean;
  overwriteDestination: boolean;
  attributes: string;
}

/** Execute Process task. */
export interface ExecuteProcessSettings extends RawTaskData {
  readonly kind: 'ExecuteProcess';
  executable: string;
  arguments: string;
  workingDirectory: string;
  standardInputVariable: string;
  standardOutputVariable: string;
  standardErrorVariable: string;
  requireFullFileName: boolean;
  failTaskIfReturnCodeIsNotSuccessValue: boolean;
  successValue: number;
  timeout: number;
  terminateProcessAfterTimeout: boolean;
  windowStyle: string;
}

/** Execute Package task. */
export interface ExecutePackageSettings extends RawTaskData {
  readonly kind: 'ExecutePackage';
  useProjectReference: boolean;
  packageName: string;
  /** File or OLE DB connection manager (DTSID or name) of an external reference. */
  connection: string;
  executeOutOfProcess: boolean;
  parameterAssignments: { parameterName: string; bindedVariableOrParameterName: string }[];
}

/** Expression task (2012+). */
export interface ExpressionSettings extends RawTaskData {
  readonly kind: 'Expression';
  expression: string;
}

/** Send Mail task. */
export interface SendMailSettings extends RawTaskData {
  readonly kind: 'SendMail';
  smtpConnection: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  /** DirectInput, FileConnection, Variable. */
  messageSourceType: string;
  messageSource: string;
  priority: string;
  fileAttachments: string;
}

/** Bulk Insert task (settings as written). */
export interface BulkInsertSettings extends RawTaskData {
  readonly kind: 'BulkInsert';
}

/** FTP task (settings as written). */
export interface FtpSettings extends RawTaskData {
  readonly kind: 'FTP';
}

/** Script task: code OpenDTS cannot run. */
export interface ScriptSettings extends RawTaskData {
  readonly kind: 'Script';
  language: string;
  entryPoint: string;
  readOnlyVariables: string;
  readWriteVariables: string;
}

/** Data Flow task properties (the pipeline element's attributes). */
export interface PipelineSettings extends RawTaskData {
  readonly kind: 'Pipeline';
  defaultBufferMaxRows: number;
  defaultBufferSize: number;
  engineThreads: number;
  runInOptimizedMode: boolean;
  blobTempStoragePath: string;
  bufferTempStoragePath: string;
}

/** Any other task: only the raw payload. */
export interface GenericTaskSettings extends RawTaskData {
  readonly kind: 'Task';
}

/** Typed task settings, by task kind. */
export type TaskSettings =
  | ExecuteSqlSettings
  | FileSystemSettings
  | ExecuteProcessSettings
  | ExecutePackageSettings
  | ExpressionSettings
  | SendMailSettings
  | BulkInsertSettings
  | FtpSettings
  | ScriptSettings
  | PipelineSettings
  | GenericTaskSettings;

/** A Foreach Loop's enumerator. */
export interface ForEachEnumerator {
  dtsId: string;
  /** As written. */
  creationName: string;
  /** Canonical (`Microsoft.ForEachFileEnumerator`, …); third-party as written. */
  classId: string;
  /** Settings by name: `Folder`, `FileSpec`, `FileNameRetrievalType`, `Recurse` (File); `VarName`, `EnumType` (ADO); … */
  settings: Record<string, string>;
  /** Foreach Item enumerator rows: each row's values as written. */
  items: string[][];
  propertyExpressions: PropertyExpression[];
  readonly element: XmlElement;
}
