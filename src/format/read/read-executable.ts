/** @module Reading the executable tree: containers, tasks, event handlers, precedence constraints and logging options. */
import type { XmlElement } from '../../xml/index.ts';
import type {
  Container, EventHandler, Executable, ExecutableBase, ExecutableKind, LoggingOptions, PrecedenceConstraint, Task,
} from '../../package/index.ts';
import { parseBool, parseIntOr } from '../dialect.ts';
import { attrLocal, elementChildren, elementNamed } from '../dom.ts';
import { addProblem, readPropertyExpressions, type ReadContext } from './context.ts';
import { readVariables } from './read-variables.ts';
import { readEnumerator, readTaskSettings, readVariableMappings } from './read-task-settings.ts';
import { readDataFlow } from './read-data-flow.ts';
import { canonicalClass } from './class-names.ts';

const KIND_BY_CLASS: Record<string, ExecutableKind> = {
  'Microsoft.Package': 'Package',
  'STOCK:SEQUENCE': 'Sequence',
  'STOCK:FORLOOP': 'ForLoop',
  'STOCK:FOREACHLOOP': 'ForeachLoop',
  'Microsoft.ExecuteSQLTask': 'ExecuteSQL',
  'Microsoft.FileSystemTask': 'FileSystem',
  'Microsoft.ExecuteProcess': 'ExecuteProcess',
  'Microsoft.ExecutePackageTask': 'ExecutePackage',
  'Microsoft.ExpressionTask': 'Expression',
  'Microsoft.SendMailTask': 'SendMail',
  'Microsoft.BulkInsertTask': 'BulkInsert',
  'Microsoft.FtpTask': 'FTP',
  'Microsoft.Pipeline': 'Pipeline',
  'Microsoft.ScriptTask': 'Script',
};

/** The executable kind of a canonical class ID. */
export function kindOfClass(classId: string): ExecutableKind {
  return KIND_BY_CLASS[classId] ?? 'Task';
}

function readLogging(el: XmlElement, ctx: ReadContext): LoggingOptions | undefined {
  const lo = elementNamed(el, 'LoggingOptions');
  if (!lo) return undefined;
  const d = ctx.dialect;
  const props = d.propertiesOf(lo);
  return {
    loggingMode: parseIntOr(props.get('LoggingMode'), 0),
    filterKind: parseIntOr(props.get('FilterKind'), 1),
    eventFilter: props.get('EventFilter') ?? '',
    selectedLogProviders: d.items(lo, 'SelectedLogProviders', 'SelectedLogProvider').map((s) => attrLocal(s, 'InstanceID') ?? ''),
    element: lo,
  };
}

function base(el: XmlElement, kind: ExecutableKind, refId: string, ctx: ReadContext): ExecutableBase {
  const props = ctx.dialect.props(el);
  const executableType = attrLocal(el, 'ExecutableType') ?? props['ExecutableType'] ?? '';
  const creationName = props['CreationName'] ?? executableType;
  return {
    kind,
    refId,
    dtsId: props['DTSID'] ?? '',
    name: props['ObjectName'] ?? '',
    description: props['Description'] ?? '',
    creationName,
    executableType,
    classId: canonicalClass(executableType || creationName, 'executable'),
    disabled: parseBool(props['Disabled'], false),
    delayValidation: parseBool(props['DelayValidation'], false),
    disableEventHandlers: parseBool(props['DisableEventHandlers'], false),
    failPackageOnFailure: parseBool(props['FailPackageOnFailure'], false),
    failParentOnFailure: parseBool(props['FailParentOnFailure'], false),
    maxErrorCount: parseIntOr(props['MaxErrorCount'], 1),
    forceExecutionResult: parseIntOr(props['ForceExecutionResult'], -1),
    forceExecutionValue: parseBool(props['ForceExecValue'], false),
    transactionOption: parseIntOr(props['TransactionOption'], 1),
    isolationLevel: parseIntOr(props['ISOLevel'], 1048576),
    localeId: parseIntOr(props['LocaleID'], -1),
    properties: props,
    propertyExpressions: readPropertyExpressions(el),
    variables: readVariables(el, refId, ctx),
    loggingOptions: readLogging(el, ctx),
    eventHandlers: [],
    element: el,
  };
}

/** The precedence constraints of a container; `byDtsId` maps the DTSIDs of its children to their refIds. */
export function readConstraints(el: XmlElement, containerRefId: string, byDtsId: Map<string, string>, ctx: ReadContext): PrecedenceConstraint[] {
  const d = ctx.dialect;
  return d.items(el, 'PrecedenceConstraints', 'PrecedenceConstraint').map((pc) => {
    const props = d.propertiesOf(pc);
    const name = props.get('ObjectName') ?? '';
    const refId = props.get('refId') ?? `${containerRefId}.PrecedenceConstraints[${name}]`;
    let from = attrLocal(pc, 'From');
    let to = attrLocal(pc, 'To');
    if (d.legacy) {
      for (const ex of elementChildren(pc).filter((c) => c.localName === 'Executable')) {
        const idref = (attrLocal(ex, 'IDREF') ?? '').toUpperCase();
        const target = byDtsId.get(idref);
        if (target === undefined) addProblem(ctx, ex, refId, `refers to executable ${attrLocal(ex, 'IDREF') ?? '(none)'}, which the container does not have`);
        if (parseBool(attrLocal(ex, 'IsFrom'), false)) from = target ?? attrLocal(ex, 'IDREF');
        else to = target ?? attrLocal(ex, 'IDREF');
      }
    } else {
      const known = new Set(byDtsId.values());
      for (const [end, value] of [['From', from], ['To', to]] as const) {
        if (value !== undefined && !known.has(value)) addProblem(ctx, pc, refId, `${end} refers to "${value}", which the container does not have`);
      }
    }
    if (from === undefined || to === undefined) addProblem(ctx, pc, refId, 'has no executable to start from or to lead to');
    return {
      refId,
      dtsId: props.get('DTSID') ?? '',
      name,
      from: from ?? '',
      to: to ?? '',
      value: parseIntOr(props.get('Value'), 0),
      evalOp: parseIntOr(props.get('EvalOp'), 2),
      expression: props.get('Expression') ?? '',
      logicalAnd: parseBool(props.get('LogicalAnd'), d.legacy),
      element: pc,
    };
  });
}

/** The event handlers of an executable. */
export function readEventHandlers(el: XmlElement, ownerRefId: string, ctx: ReadContext): EventHandler[] {
  const d = ctx.dialect;
  return d.items(el, 'EventHandlers', 'EventHandler').map((h) => {
    const eventName = d.prop(h, 'EventName') ?? d.prop(h, 'CreationName') ?? '';
    const refId = d.prop(h, 'refId') ?? `${ownerRefId}.EventHandlers[${eventName}]`;
    // Fields are added to the base object rather than spread into a copy: copying ~30 fields per executable costs.
    const handler = Object.assign(base(h, 'EventHandler', refId, ctx), { eventName, executables: [], precedenceConstraints: [] }) as EventHandler;
    fillContainer(handler, h, ctx);
    return handler;
  });
}

/** Reads a container's children and the constraints between them. */
function fillContainer(container: Container, el: XmlElement, ctx: ReadContext): void {
  const byDtsId = new Map<string, string>();
  for (const child of ctx.dialect.items(el, 'Executables', 'Executable')) {
    const exe = readExecutable(child, container.refId, ctx);
    container.executables.push(exe);
    byDtsId.set(exe.dtsId.toUpperCase(), exe.refId);
  }
  container.precedenceConstraints = readConstraints(el, container.refId, byDtsId, ctx);
  container.eventHandlers = readEventHandlers(el, container.refId, ctx);
}

/** Reads one executable element (and everything under it). `parentRefId` is undefined for the package itself. */
export function readExecutable(el: XmlElement, parentRefId: string | undefined, ctx: ReadContext): Executable {
  const d = ctx.dialect;
  const props = d.propertiesOf(el);
  const executableType = attrLocal(el, 'ExecutableType') ?? props.get('CreationName') ?? '';
  const classId = canonicalClass(executableType, 'executable');
  const name = props.get('ObjectName') ?? '';
  const refId = parentRefId === undefined ? 'Package' : props.get('refId') ?? `${parentRefId}\\${name}`;
  let kind = kindOfClass(classId);
  if (parentRefId === undefined) kind = 'Package';
  else if (kind === 'Package') kind = 'Task';
  if (executableType === '') addProblem(ctx, el, refId, 'has no executable type (DTS:ExecutableType)');
  const common = base(el, kind, refId, ctx);

  if (kind === 'Package' || kind === 'Sequence' || kind === 'ForLoop' || kind === 'ForeachLoop') {
    const container = common as unknown as Container & Record<string, unknown>;
    container.executables = [];
    container.precedenceConstraints = [];
    if (kind === 'ForLoop') {
      container.initExpression = props.get('InitExpression') ?? '';
      container.evalExpression = props.get('EvalExpression') ?? '';
      container.assignExpression = props.get('AssignExpression') ?? '';
      container.maxConcurrent = parseIntOr(props.get('MaxConcurrent'), -1);
    } else if (kind === 'ForeachLoop') {
      container.enumerator = readEnumerator(el, ctx);
      if (!container.enumerator) addProblem(ctx, el, refId, 'is a Foreach Loop container without an enumerator (<DTS:ForEachEnumerator>)');
      container.variableMappings = readVariableMappings(el, ctx);
      container.maxConcurrent = parseIntOr(props.get('MaxConcurrent'), -1);
    }
    fillContainer(container, el, ctx);
    return container as unknown as Executable;
  }

  const objectData = elementNamed(el, 'ObjectData');
  const payload = objectData ? elementChildren(objectData)[0] : undefined;
  const task = Object.assign(common, { settings: readTaskSettings(kind, payload), objectData: payload }) as Task;
  if (kind === 'Pipeline') {
    if (payload && payload.localName === 'pipeline') task.dataFlow = readDataFlow(payload, refId, ctx);
    else addProblem(ctx, el, refId, 'is a Data Flow task without a <pipeline> element');
  }
  task.eventHandlers = readEventHandlers(el, refId, ctx);
  return task;
}
