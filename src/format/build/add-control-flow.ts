/** @module Builder functions for the control flow: variables, connection managers, tasks, containers, precedence constraints, event handlers. */
import type { XmlElement } from '../../xml/index.ts';
import { SsisError } from '../../errors.ts';
import type {
  ConnectionManager, Container, EventHandler, Executable, ExecutableBase, ForLoopContainer, ForeachLoopContainer, Package, PrecedenceConstraint,
  SequenceContainer, Task, Variable,
} from '../../package/index.ts';
import { packageOf } from '../package-registry.ts';
import { classIdForFormat, versionOfFormat } from '../../versions/index.ts';
import { encodeXmlEscapes } from '../xml-escapes.ts';
import { readConnectionManagers } from '../read/read-connections.ts';
import { readVariables } from '../read/read-variables.ts';
import { readConstraints, readEventHandlers } from '../read/read-executable.ts';
import { ensureWrapper, h, insertIndented, type Attrs } from './tree.ts';
import { addExecutable, bool, objectData } from './add-executable.ts';
import { connectionId, type ConnectionRef } from './connection-ref.ts';
import { assertNewName, editContext, newId } from './builder-state.ts';



/** A variable to add. */
export interface VariableSpec {
  name: string;
  namespace?: string;
  /** VARIANT type code: 3 Int32, 8 String (default), 11 Boolean, 7 DateTime, 20 Int64, 5 Double, 13 Object, … */
  dataType?: number;
  /** The value as SSIS writes it (Booleans `True`/`False` or `-1`/`0`, dates `M/d/yyyy h:mm:ss AM`). */
  value?: string;
  expression?: string;
  readOnly?: boolean;
  raiseChangedEvent?: boolean;
}

/** Adds a variable to a container (or task) of `pkg`. */
export function addVariable(owner: ExecutableBase, spec: VariableSpec): Variable {
  const pkg = packageOf(owner);
  const ctx = editContext(pkg, 'addVariable');
  const namespace = spec.namespace ?? 'User';
  assertNewName(owner.variables.filter((v) => v.namespace === namespace).map((v) => v.name), spec.name, `Variable ${namespace}::`);
  const el = h('DTS:Variable', {
    'DTS:CreationName': '',
    'DTS:DTSID': newId(pkg),
    'DTS:EvaluateAsExpression': spec.expression ? 'True' : undefined,
    'DTS:Expression': spec.expression,
    'DTS:Namespace': namespace,
    'DTS:ObjectName': spec.name,
    'DTS:RaiseChangedEvent': spec.raiseChangedEvent ? 'True' : undefined,
    'DTS:ReadOnly': spec.readOnly ? 'True' : undefined,
  }, [h('DTS:VariableValue', { 'DTS:DataType': String(spec.dataType ?? 8) }, spec.value === undefined || spec.value === '' ? [] : [spec.value])]);
  insertIndented(ensureWrapper(owner.element, 'Variables'), el);
  owner.variables = readVariables(owner.element, owner.refId, ctx);
  return owner.variables[owner.variables.length - 1];
}

/** A flat file column of a connection manager to add. */
export interface FlatFileColumnSpec {
  name: string;
  /** Pipeline type code (129 DT_STR, 130 DT_WSTR, 3 DT_I4, 5 DT_R8, 135 DT_DBTIMESTAMP, …); default 129. */
  dataType?: number;
  /** Width for DT_STR/DT_WSTR (default 50). */
  maximumWidth?: number;
  precision?: number;
  scale?: number;
  /** Default: the connection's column delimiter, or its row delimiter for the last column. */
  delimiter?: string;
  textQualified?: boolean;
}

/** A connection manager to add. */
export interface ConnectionManagerSpec {
  name: string;
  /** `OLEDB`, `FLATFILE`, `FILE`, `SMTP`, `ADO.NET:System.Data.SqlClient.SqlConnection, System.Data, …`, … */
  type: string;
  connectionString: string;
  description?: string;
  /** FLATFILE only. */
  flatFile?: {
    format?: 'Delimited' | 'FixedWidth' | 'RaggedRight';
    columnNamesInFirstDataRow?: boolean;
    codePage?: number;
    unicode?: boolean;
    columnDelimiter?: string;
    rowDelimiter?: string;
    textQualifier?: string;
    headerRowsToSkip?: number;
    columns: FlatFileColumnSpec[];
  };
}

/** Adds a package connection manager. */
export function addConnectionManager(pkg: Package, spec: ConnectionManagerSpec): ConnectionManager {
  const ctx = editContext(pkg, 'addConnectionManager');
  assertNewName(pkg.connectionManagers.map((c) => c.name), spec.name, 'Connection manager');
  const ff = spec.flatFile;
  const inner: Attrs = { 'DTS:ConnectionString': spec.connectionString };
  const innerChildren: XmlElement[] = [];
  if (ff) {
    const colDelim = ff.columnDelimiter ?? ',';
    const rowDelim = ff.rowDelimiter ?? '\r\n';
    Object.assign(inner, {
      'DTS:Format': ff.format ?? 'Delimited',
      'DTS:LocaleID': '1033',
      'DTS:Unicode': ff.unicode ? 'True' : undefined,
      'DTS:HeaderRowDelimiter': encodeXmlEscapes('\r\n'),
      'DTS:HeaderRowsToSkip': ff.headerRowsToSkip ? String(ff.headerRowsToSkip) : undefined,
      'DTS:ColumnNamesInFirstDataRow': ff.columnNamesInFirstDataRow ? 'True' : undefined,
      'DTS:RowDelimiter': '',
      'DTS:TextQualifier': encodeXmlEscapes(ff.textQualifier ?? '<none>'),
      'DTS:CodePage': String(ff.codePage ?? (ff.unicode ? 1200 : 1252)),
    });
    delete inner['DTS:ConnectionString'];
    inner['DTS:ConnectionString'] = spec.connectionString;
    innerChildren.push(h('DTS:FlatFileColumns', {}, ff.columns.map((c, i) => h('DTS:FlatFileColumn', {
      'DTS:ColumnType': ff.format ?? 'Delimited',
      'DTS:ColumnDelimiter': encodeXmlEscapes(c.delimiter ?? (i === ff.columns.length - 1 ? rowDelim : colDelim)),
      'DTS:MaximumWidth': String(c.maximumWidth ?? 50),
      'DTS:DataType': String(c.dataType ?? 129),
      'DTS:DataPrecision': c.precision ? String(c.precision) : undefined,
      'DTS:DataScale': c.scale ? String(c.scale) : undefined,
      'DTS:TextQualified': bool(c.textQualified ?? true),
      'DTS:ObjectName': c.name,
      'DTS:DTSID': newId(pkg),
      'DTS:CreationName': '',
    }))));
  }
  const el = h('DTS:ConnectionManager', {
    'DTS:refId': `Package.ConnectionManagers[${spec.name}]`,
    'DTS:CreationName': spec.type,
    'DTS:Description': spec.description,
    'DTS:DTSID': newId(pkg),
    'DTS:ObjectName': spec.name,
  }, [h('DTS:ObjectData', {}, [h('DTS:ConnectionManager', inner, innerChildren)])]);
  insertIndented(ensureWrapper(pkg.element, 'ConnectionManagers'), el);
  pkg.connectionManagers = readConnectionManagers(pkg.element, ctx);
  return pkg.connectionManagers.find((c) => c.name === spec.name)!;
}




/** An Execute SQL task to add. */
export interface ExecuteSqlSpec {
  name: string;
  connection: ConnectionRef;
  sql: string;
  resultSet?: 'None' | 'SingleRow' | 'Full' | 'XML';
  /** Single row: column name or 0-based ordinal → variable (`User::X`); full/XML: `0` → variable. */
  resultBindings?: { resultName: string; variable: string }[];
  /** OLE DB: `0`, `1`, …; ADO.NET: `@name`. */
  parameterBindings?: { name: string; variable: string; direction?: 'Input' | 'Output' | 'ReturnValue'; dataType?: number; size?: number }[];
  timeout?: number;
  isStoredProcedure?: boolean;
  bypassPrepare?: boolean;
}

const RESULT_TYPES = { None: 'ResultSetType_None', SingleRow: 'ResultSetType_SingleRow', Full: 'ResultSetType_Rowset', XML: 'ResultSetType_XML' };

/** Adds an Execute SQL task. */
export function addExecuteSqlTask(container: Container, spec: ExecuteSqlSpec): Task {
  const pkg = packageOf(container);
  const NS = 'www.microsoft.com/sqlserver/dts/tasks/sqltask';
  const payload = h('SQLTask:SqlTaskData', {
    'SQLTask:Connection': connectionId(pkg, spec.connection),
    'SQLTask:SqlStatementSource': spec.sql,
    'SQLTask:ResultType': spec.resultSet && spec.resultSet !== 'None' ? RESULT_TYPES[spec.resultSet] : undefined,
    'SQLTask:TimeOut': spec.timeout ? String(spec.timeout) : undefined,
    'SQLTask:IsStoredProc': spec.isStoredProcedure ? 'True' : undefined,
    'SQLTask:BypassPrepare': bool(spec.bypassPrepare),
    'xmlns:SQLTask': NS,
  }, [
    ...(spec.resultBindings ?? []).map((r) => h('SQLTask:ResultBinding', { 'SQLTask:ResultName': r.resultName, 'SQLTask:DtsVariableName': r.variable })),
    ...(spec.parameterBindings ?? []).map((p) => h('SQLTask:ParameterBinding', {
      'SQLTask:ParameterName': p.name,
      'SQLTask:DtsVariableName': p.variable,
      'SQLTask:ParameterDirection': p.direction ?? 'Input',
      'SQLTask:DataType': String(p.dataType ?? 130),
      'SQLTask:ParameterSize': String(p.size ?? -1),
    })),
  ]);
  return addExecutable(container, spec.name, 'Microsoft.ExecuteSQLTask', 'Execute SQL Task', { 'DTS:ThreadHint': '0' }, [objectData(payload)]) as Task;
}

/** Adds an Expression task (2012+): `expression` is `@[User::V] = …`. */
export function addExpressionTask(container: Container, spec: { name: string; expression: string }): Task {
  const pkg = packageOf(container);
  if (!versionOfFormat(pkg.sourceFormat)?.features.expressionTask) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', 'The Expression task exists from SQL Server 2012 on; a 2008 package cannot have one.');
  return addExecutable(container, spec.name, 'Microsoft.ExpressionTask', 'Expression Task', {}, [objectData(h('ExpressionTask', { Expression: spec.expression }))]) as Task;
}

/** A File System task to add. */
export interface FileSystemSpec {
  name: string;
  operation: 'CopyFile' | 'MoveFile' | 'DeleteFile' | 'RenameFile' | 'SetAttributes' | 'CreateDirectory' | 'CopyDirectory' | 'MoveDirectory' | 'DeleteDirectory' | 'DeleteDirectoryContent';
  /** A variable (`User::X`) when `sourceIsVariable`, else a File connection manager's name or DTSID. */
  source: string;
  sourceIsVariable?: boolean;
  destination?: string;
  destinationIsVariable?: boolean;
  overwrite?: boolean;
}

/** Adds a File System task. */
export function addFileSystemTask(container: Container, spec: FileSystemSpec): Task {
  const pkg = packageOf(container);
  const ref = (v: string, isVar: boolean | undefined): string => (isVar ? v : connectionId(pkg, v));
  const payload = h('FileSystemData', {
    TaskOperationType: spec.operation === 'CopyFile' ? undefined : spec.operation,
    TaskOverwriteDestFile: bool(spec.overwrite),
    TaskSourcePath: ref(spec.source, spec.sourceIsVariable),
    TaskIsSourceVariable: bool(spec.sourceIsVariable),
    TaskDestinationPath: spec.destination === undefined ? undefined : ref(spec.destination, spec.destinationIsVariable),
    TaskIsDestinationVariable: bool(spec.destinationIsVariable),
  });
  return addExecutable(container, spec.name, 'Microsoft.FileSystemTask', 'File System Task', {}, [objectData(payload)]) as Task;
}

/** Adds an Execute Process task. */
export function addExecuteProcessTask(container: Container, spec: {
  name: string; executable: string; arguments?: string; workingDirectory?: string; successValue?: number; timeout?: number;
  standardOutputVariable?: string; standardErrorVariable?: string; standardInputVariable?: string; failOnReturnCode?: boolean;
}): Task {
  const payload = h('ExecuteProcessData', {
    Executable: spec.executable,
    Arguments: spec.arguments,
    WorkingDirectory: spec.workingDirectory,
    SuccessValue: spec.successValue === undefined ? undefined : String(spec.successValue),
    TimeOut: spec.timeout === undefined ? undefined : String(spec.timeout),
    StandardInputVariable: spec.standardInputVariable,
    StandardOutputVariable: spec.standardOutputVariable,
    StandardErrorVariable: spec.standardErrorVariable,
    FailTaskIfReturnCodeIsNotSuccessValue: bool(spec.failOnReturnCode),
  });
  return addExecutable(container, spec.name, 'Microsoft.ExecuteProcess', 'Execute Process Task', {}, [objectData(payload)]) as Task;
}

/** Adds an Execute Package task: a project reference (`packageName` like `Child.dtsx`) or a File connection manager. */
export function addExecutePackageTask(container: Container, spec: { name: string; packageName?: string; connection?: ConnectionRef }): Task {
  const pkg = packageOf(container);
  const children: XmlElement[] = [];
  if (spec.connection !== undefined) children.push(h('Connection', {}, [connectionId(pkg, spec.connection)]));
  else children.push(h('UseProjectReference', {}, ['True']), h('PackageName', {}, [spec.packageName ?? '']));
  return addExecutable(container, spec.name, 'Microsoft.ExecutePackageTask', 'Execute Package Task', {}, [objectData(h('ExecutePackageTask', {}, children))]) as Task;
}

/** Adds a Send Mail task. */
export function addSendMailTask(container: Container, spec: { name: string; smtpConnection: ConnectionRef; from: string; to: string; cc?: string; subject: string; body: string }): Task {
  const pkg = packageOf(container);
  const payload = h('SendMailTask:SendMailTaskData', {
    'SendMailTask:SMTPServer': connectionId(pkg, spec.smtpConnection),
    'SendMailTask:From': spec.from,
    'SendMailTask:To': spec.to,
    'SendMailTask:CC': spec.cc,
    'SendMailTask:Subject': spec.subject,
    'SendMailTask:MessageSource': spec.body,
    'xmlns:SendMailTask': 'www.microsoft.com/sqlserver/dts/tasks/sendmailtask',
  });
  return addExecutable(container, spec.name, 'Microsoft.SendMailTask', 'Send Mail Task', {}, [objectData(payload)]) as Task;
}

/** Adds a Sequence container. */
export function addSequence(container: Container, spec: { name: string }): SequenceContainer {
  return addExecutable(container, spec.name, 'STOCK:SEQUENCE', 'Sequence Container', {}, [h('DTS:Executables')]) as SequenceContainer;
}

/** Adds a For Loop container (`init` and `assign` like `@i = 0`, `eval` like `@i < 10`). */
export function addForLoop(container: Container, spec: { name: string; init?: string; eval: string; assign?: string }): ForLoopContainer {
  return addExecutable(container, spec.name, 'STOCK:FORLOOP', 'For Loop Container', {
    'DTS:AssignExpression': spec.assign,
    'DTS:EvalExpression': spec.eval,
    'DTS:InitExpression': spec.init,
  }, [h('DTS:Executables')]) as ForLoopContainer;
}

/** The enumerator of a Foreach Loop to add. */
export type EnumeratorSpec =
  | { kind: 'File'; folder: string; fileSpec: string; retrieve?: 'FullyQualified' | 'NameAndExtension' | 'NameOnly'; recurse?: boolean }
  | { kind: 'ADO'; variable: string; mode?: 'EnumerateTables' | 'EnumerateAllRows' | 'EnumerateRowsInFirstTable' };

/** Adds a Foreach Loop container with a File or ADO enumerator and its variable mappings. */
export function addForeachLoop(container: Container, spec: { name: string; enumerator: EnumeratorSpec; mappings: { variable: string; index?: number }[] }): ForeachLoopContainer {
  const pkg = packageOf(container);
  const e = spec.enumerator;
  const id = newId(pkg);
  const retrieval = { FullyQualified: '0', NameAndExtension: '1', NameOnly: '2' };
  const payload = e.kind === 'File'
    ? h('ForEachFileEnumeratorProperties', {}, [
        h('FEFEProperty', { Folder: e.folder }),
        h('FEFEProperty', { FileSpec: e.fileSpec }),
        h('FEFEProperty', { FileNameRetrievalType: retrieval[e.retrieve ?? 'FullyQualified'] }),
        h('FEFEProperty', { Recurse: e.recurse ? '-1' : '0' }),
      ])
    : h('FEEADO', { EnumType: e.mode ?? 'EnumerateRowsInFirstTable', VarName: e.variable });
  const classId = e.kind === 'File' ? 'Microsoft.ForEachFileEnumerator' : 'Microsoft.ForEachADOEnumerator';
  const enumerator = h('DTS:ForEachEnumerator', {
    'DTS:CreationName': classIdForFormat(classId, pkg.xmlFormat as 6 | 8),
    'DTS:DTSID': id,
    'DTS:ObjectName': id,
  }, [objectData(payload)]);
  const mappings = h('DTS:ForEachVariableMappings', {}, spec.mappings.map((m, i) => {
    const mid = newId(pkg);
    return h('DTS:ForEachVariableMapping', { 'DTS:CreationName': '', 'DTS:DTSID': mid, 'DTS:ObjectName': mid, 'DTS:ValueIndex': String(m.index ?? i), 'DTS:VariableName': m.variable });
  }));
  return addExecutable(container, spec.name, 'STOCK:FOREACHLOOP', 'Foreach Loop Container', {}, [enumerator, mappings, h('DTS:Executables')]) as ForeachLoopContainer;
}

/** How a precedence constraint is evaluated. */
export interface ConstraintSpec {
  /** Default Success. */
  value?: 'Success' | 'Failure' | 'Completion';
  /** With an expression the default evaluation is ExpressionAndConstraint. */
  expression?: string;
  evalOp?: 'Constraint' | 'Expression' | 'ExpressionAndConstraint' | 'ExpressionOrConstraint';
  /** Default true (AND with the other constraints into `to`). */
  logicalAnd?: boolean;
  name?: string;
}

/** Adds a precedence constraint between two children of `container`. */
export function addPrecedenceConstraint(container: Container, from: Executable, to: Executable, spec: ConstraintSpec = {}): PrecedenceConstraint {
  const pkg = packageOf(container);
  const ctx = editContext(pkg, 'addPrecedenceConstraint');
  for (const end of [from, to]) {
    if (!container.executables.includes(end)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${end.refId}" is not a child of "${container.refId}".`);
  }
  const names = container.precedenceConstraints.map((c) => c.name);
  let name = spec.name ?? 'Constraint';
  for (let i = 1; spec.name === undefined && names.includes(name); i++) name = `Constraint ${i}`;
  assertNewName(names, name, 'Precedence constraint');
  const evalOps = { Expression: '1', Constraint: undefined, ExpressionAndConstraint: '3', ExpressionOrConstraint: '4' };
  const values = { Success: undefined, Failure: '1', Completion: '2' };
  const el = h('DTS:PrecedenceConstraint', {
    'DTS:refId': `${container.refId}.PrecedenceConstraints[${name}]`,
    'DTS:CreationName': '',
    'DTS:DTSID': newId(pkg),
    'DTS:EvalOp': evalOps[spec.evalOp ?? (spec.expression ? 'ExpressionAndConstraint' : 'Constraint')],
    'DTS:Expression': spec.expression,
    'DTS:From': from.refId,
    'DTS:LogicalAnd': bool(spec.logicalAnd ?? true),
    'DTS:ObjectName': name,
    'DTS:To': to.refId,
    'DTS:Value': values[spec.value ?? 'Success'],
  });
  insertIndented(ensureWrapper(container.element, 'PrecedenceConstraints'), el);
  const byDtsId = new Map(container.executables.map((e) => [e.dtsId.toUpperCase(), e.refId] as [string, string]));
  container.precedenceConstraints = readConstraints(container.element, container.refId, byDtsId, ctx);
  return container.precedenceConstraints.find((c) => c.name === name)!;
}

/** Adds an event handler (`OnError`, `OnPreExecute`, …) to an executable; fill it like a container. */
export function addEventHandler(owner: ExecutableBase, eventName: string): EventHandler {
  const pkg = packageOf(owner);
  const ctx = editContext(pkg, 'addEventHandler');
  assertNewName(owner.eventHandlers.map((e) => e.eventName), eventName, 'Event handler');
  const el = h('DTS:EventHandler', {
    'DTS:refId': `${owner.refId}.EventHandlers[${eventName}]`,
    'DTS:CreationName': eventName,
    'DTS:DTSID': newId(pkg),
    'DTS:EventName': eventName,
    'DTS:LocaleID': '-1',
  }, [h('DTS:Variables'), h('DTS:Executables')]);
  insertIndented(ensureWrapper(owner.element, 'EventHandlers'), el);
  owner.eventHandlers = readEventHandlers(owner.element, owner.refId, ctx);
  return owner.eventHandlers.find((e) => e.eventName === eventName)!;
}
