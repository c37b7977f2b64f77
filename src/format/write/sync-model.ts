/**
 * @module Applying edits made directly to the model (`task.disabled = true`, `variable.value = '5'`,
 * `cm.connectionString = …`) to the package's XML before it is written. Each field is compared with what its
 * element says now; only fields that differ are written, so an unchanged package keeps its bytes.
 */
import type { XmlElement } from '../../xml/index.ts';
import { setAttr, setText } from '../../xml/index.ts';
import type { ComponentProperty, Package, Task } from '../../package/index.ts';
import { allDataFlows, isContainer, walkExecutables } from '../../package/index.ts';
import { dialectOf, parseBool, parseIntOr, type Dialect } from '../dialect.ts';
import { attrLocal, elementChildren, elementNamed, ownText } from '../dom.ts';
import { readTaskSettings } from '../read/read-task-settings.ts';
import { setProp } from './respell.ts';
import { SsisError } from '../../errors.ts';
import { applyRenames } from './rename.ts';

type FieldKind = 'string' | 'bool' | 'int';
/** model field → XML property name, kind, default when absent. */
type FieldTable = [field: string, xml: string, kind: FieldKind, fallback: string | boolean | number][];

const EXECUTABLE: FieldTable = [
  ['name', 'ObjectName', 'string', ''],
  ['description', 'Description', 'string', ''],
  ['disabled', 'Disabled', 'bool', false],
  ['delayValidation', 'DelayValidation', 'bool', false],
  ['disableEventHandlers', 'DisableEventHandlers', 'bool', false],
  ['failPackageOnFailure', 'FailPackageOnFailure', 'bool', false],
  ['failParentOnFailure', 'FailParentOnFailure', 'bool', false],
  ['maxErrorCount', 'MaxErrorCount', 'int', 1],
  ['forceExecutionResult', 'ForceExecutionResult', 'int', -1],
  ['transactionOption', 'TransactionOption', 'int', 1],
  ['isolationLevel', 'ISOLevel', 'int', 1048576],
  ['localeId', 'LocaleID', 'int', -1],
];
const PACKAGE: FieldTable = [
  ['protectionLevel', 'ProtectionLevel', 'int', 1],
  ['maxConcurrentExecutables', 'MaxConcurrentExecutables', 'int', -1],
  ['checkpointFileName', 'CheckpointFileName', 'string', ''],
  ['checkpointUsage', 'CheckpointUsage', 'int', 0],
  ['saveCheckpoints', 'SaveCheckpoints', 'bool', false],
  ['enableConfigurations', 'EnableConfig', 'bool', false],
  ['versionMajor', 'VersionMajor', 'int', 1],
  ['versionMinor', 'VersionMinor', 'int', 0],
  ['versionBuild', 'VersionBuild', 'int', 0],
  ['versionComments', 'VersionComments', 'string', ''],
];
const FOR_LOOP: FieldTable = [
  ['initExpression', 'InitExpression', 'string', ''],
  ['evalExpression', 'EvalExpression', 'string', ''],
  ['assignExpression', 'AssignExpression', 'string', ''],
];
const VARIABLE: FieldTable = [
  ['name', 'ObjectName', 'string', ''],
  ['namespace', 'Namespace', 'string', 'User'],
  ['description', 'Description', 'string', ''],
  ['expression', 'Expression', 'string', ''],
  ['evaluateAsExpression', 'EvaluateAsExpression', 'bool', false],
  ['readOnly', 'ReadOnly', 'bool', false],
  ['raiseChangedEvent', 'RaiseChangedEvent', 'bool', false],
];
const CONSTRAINT: FieldTable = [
  ['value', 'Value', 'int', 0],
  ['evalOp', 'EvalOp', 'int', 2],
  ['expression', 'Expression', 'string', ''],
];
const CONNECTION: FieldTable = [
  ['name', 'ObjectName', 'string', ''],
  ['description', 'Description', 'string', ''],
  ['delayValidation', 'DelayValidation', 'bool', false],
];
/** Task settings held as attributes of the `<DTS:ObjectData>` payload: settings field → attribute local name. */
const TASK_ATTRIBUTES: Record<string, Record<string, string>> = {
  ExecuteSQL: { sqlStatementSource: 'SqlStatementSource', sqlStatementSourceType: 'SqlStmtSourceType', connection: 'Connection', resultSetType: 'ResultType', timeout: 'TimeOut' },
  Expression: { expression: 'Expression' },
  FileSystem: { operation: 'TaskOperationType', source: 'TaskSourcePath', destination: 'TaskDestinationPath' },
  ExecuteProcess: { executable: 'Executable', arguments: 'Arguments', workingDirectory: 'WorkingDirectory', successValue: 'SuccessValue', timeout: 'TimeOut' },
  SendMail: { smtpConnection: 'SMTPServer', from: 'From', to: 'To', cc: 'CC', bcc: 'BCC', subject: 'Subject', messageSource: 'MessageSource' },
};

function encode(value: unknown, kind: FieldKind, d: Dialect): string {
  if (kind === 'bool') return d.legacy ? (value ? '-1' : '0') : value ? 'True' : 'False';
  return String(value);
}

function decode(text: string | undefined, kind: FieldKind, fallback: string | boolean | number): unknown {
  if (kind === 'bool') return parseBool(text, fallback as boolean);
  if (kind === 'int') return parseIntOr(text, fallback as number);
  return text ?? fallback;
}

function syncFields(obj: object, el: XmlElement, table: FieldTable, d: Dialect): void {
  const model = obj as Record<string, unknown>;
  for (const [field, xml, kind, fallback] of table) {
    if (!(field in model)) continue;
    const value = model[field];
    if (value === decode(d.prop(el, xml), kind, fallback)) continue;
    setProp(el, d, xml, encode(value, kind, d));
  }
}

function syncTask(task: Task): void {
  const payload = task.objectData;
  const map = TASK_ATTRIBUTES[task.kind];
  if (!payload || !map) return;
  const now = readTaskSettings(task.kind, payload) as unknown as Record<string, unknown>;
  const settings = task.settings as unknown as Record<string, unknown>;
  for (const [field, local] of Object.entries(map)) {
    if (settings[field] === now[field]) continue;
    const existing = payload.attributes.find((a) => a.name === local || a.name.endsWith(`:${local}`));
    setAttr(payload, existing?.name ?? (payload.prefix ? `${payload.prefix}:${local}` : local), String(settings[field]));
  }
}

function syncProperty(p: ComponentProperty): void {
  if (p.arrayElements !== undefined) return;
  if (elementChildren(p.element).length > 0) return;
  if (ownText(p.element) !== p.value) setText(p.element, p.value);
}

/** Writes every direct model edit into the package's XML. */
export function syncModelToXml(pkg: Package): void {
  const d = dialectOf(pkg.xmlFormat);
  applyRenames(pkg, d);
  syncFields(pkg, pkg.element, PACKAGE, d);
  for (const e of walkExecutables(pkg)) {
    if (e.kind !== 'EventHandler') syncFields(e, e.element, EXECUTABLE, d);
    if (e.kind === 'ForLoop') syncFields(e, e.element, FOR_LOOP, d);
    for (const v of e.variables) {
      syncFields(v, v.element, VARIABLE, d);
      const valueEl = elementNamed(v.element, 'VariableValue');
      if (valueEl && !v.sensitive) {
        if (v.value !== undefined && ownText(valueEl) !== v.value) setText(valueEl, v.value);
        if (String(v.dataType) !== (attrLocal(valueEl, 'DataType') ?? '8')) setAttr(valueEl, valueEl.attributes.find((a) => a.name.endsWith('DataType'))?.name ?? 'DTS:DataType', String(v.dataType));
      }
    }
    if (isContainer(e)) for (const pc of e.precedenceConstraints) syncFields(pc, pc.element, CONSTRAINT, d);
    if (!isContainer(e)) syncTask(e as Task);
  }
  for (const cm of pkg.connectionManagers) {
    syncFields(cm, cm.element, CONNECTION, d);
    const objectData = elementNamed(cm.element, 'ObjectData');
    const inner = objectData ? elementChildren(objectData)[0] : undefined;
    if (inner && cm.connectionString !== undefined && cm.connectionString !== (d.prop(inner, 'ConnectionString') ?? '')) {
      setProp(inner, d, 'ConnectionString', cm.connectionString);
    }
  }
  for (const p of pkg.parameters) {
    const valueEl = elementChildren(p.element).find((c) => c.localName === 'Property' && attrLocal(c, 'Name') === 'ParameterValue');
    if (valueEl && p.value !== undefined && !p.sensitive && ownText(valueEl) !== p.value) setText(valueEl, p.value);
  }
  for (const { dataFlow } of allDataFlows(pkg)) {
    for (const c of dataFlow.components) {
      const named = [c, ...c.inputs, ...c.outputs, ...c.outputs.flatMap((o) => o.columns)];
      const renamed = named.find((o) => o.name !== (attrLocal(o.element, 'name') ?? ''));
      if (renamed) {
        throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `Renaming data flow objects (${renamed.refId} → "${renamed.name}") is not supported yet by OpenDTS.`);
      }
      const owners = [c, ...c.inputs, ...c.outputs, ...c.inputs.flatMap((i) => i.columns), ...c.outputs.flatMap((o) => o.columns)];
      for (const o of owners) for (const p of o.properties) syncProperty(p);
    }
  }
}
