/** @module Reading typed task settings and Foreach enumerators from `<DTS:ObjectData>`. */
import type { XmlElement } from '../../xml/index.ts';
import type { ExecutableKind, ForEachEnumerator, TaskSettings } from '../../package/index.ts';
import { parseBool, parseIntOr } from '../dialect.ts';
import { attrLocal, descendants, elementChildren, elementNamed, elementsNamed, ownText } from '../dom.ts';
import { readPropertyExpressions, type ReadContext } from './context.ts';
import { canonicalClass } from './class-names.ts';

function localOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The payload's attributes by local name, plus child elements that hold only text (Execute Package task). */
export function rawPayload(payload: XmlElement | undefined): Record<string, string> {
  const raw: Record<string, string> = {};
  if (!payload) return raw;
  for (const at of payload.attributes) if (!at.name.startsWith('xmlns')) raw[localOf(at.name)] = at.value;
  for (const c of elementChildren(payload)) {
    if (c.children.every((k) => k.type === 'text' || k.type === 'cdata') && !(c.localName in raw)) raw[c.localName] = ownText(c);
  }
  return raw;
}

/** Typed settings of a task of `kind` from its payload element. */
export function readTaskSettings(kind: ExecutableKind, payload: XmlElement | undefined): TaskSettings {
  const raw = rawPayload(payload);
  const s = (n: string, d = ''): string => raw[n] ?? d;
  const b = (n: string, d: boolean): boolean => parseBool(raw[n], d);
  const i = (n: string, d: number): number => parseIntOr(raw[n], d);
  const children = (name: string): XmlElement[] => (payload ? elementsNamed(payload, name) : []);
  const attrs = (el: XmlElement): Record<string, string> => rawPayload(el);
  switch (kind) {
    case 'ExecuteSQL':
      return {
        kind, raw,
        connection: s('Connection'),
        sqlStatementSourceType: s('SqlStmtSourceType', 'DirectInput'),
        sqlStatementSource: s('SqlStatementSource'),
        resultSetType: s('ResultType', 'ResultSetType_None'),
        timeout: i('TimeOut', 0),
        codePage: i('CodePage', 1252),
        bypassPrepare: b('BypassPrepare', true),
        isStoredProcedure: b('IsStoredProc', false),
        typeConversionMode: s('TypeConversionMode', 'Allowed'),
        parameterBindings: children('ParameterBinding').map(attrs).map((p) => ({
          parameterName: p['ParameterName'] ?? '',
          variableName: p['DtsVariableName'] ?? '',
          direction: p['ParameterDirection'] ?? 'Input',
          dataType: parseIntOr(p['DataType'], 130),
          size: parseIntOr(p['ParameterSize'], -1),
        })),
        resultBindings: children('ResultBinding').map(attrs).map((r) => ({ resultName: r['ResultName'] ?? '', variableName: r['DtsVariableName'] ?? '' })),
      };
    case 'FileSystem':
      return {
        kind, raw,
        operation: s('TaskOperationType', 'CopyFile'),
        source: s('TaskSourcePath'),
        isSourceVariable: b('TaskIsSourceVariable', false),
        destination: s('TaskDestinationPath'),
        isDestinationVariable: b('TaskIsDestinationVariable', false),
        overwriteDestination: b('TaskOverwriteDestFile', false),
        attributes: s('TaskFileAttributes'),
      };
    case 'ExecuteProcess':
      return {
        kind, raw,
        executable: s('Executable'),
        arguments: s('Arguments'),
        workingDirectory: s('WorkingDirectory'),
        standardInputVariable: s('StandardInputVariable'),
        standardOutputVariable: s('StandardOutputVariable'),
        standardErrorVariable: s('StandardErrorVariable'),
        requireFullFileName: b('RequireFullFileName', true),
        failTaskIfReturnCodeIsNotSuccessValue: b('FailTaskIfReturnCodeIsNotSuccessValue', true),
        successValue: i('SuccessValue', 0),
        timeout: i('TimeOut', 0),
        terminateProcessAfterTimeout: b('TerminateProcessAfterTimeOut', true),
        windowStyle: s('WindowStyle', 'Normal'),
      };
    case 'ExecutePackage':
      return {
        kind, raw,
        useProjectReference: b('UseProjectReference', false),
        packageName: s('PackageName'),
        connection: s('Connection'),
        executeOutOfProcess: b('ExecuteOutOfProcess', false),
        parameterAssignments: children('ParameterAssignment').map(rawPayload).map((p) => ({
          parameterName: p['ParameterName'] ?? '',
          bindedVariableOrParameterName: p['BindedVariableOrParameterName'] ?? '',
        })),
      };
    case 'Expression':
      return { kind, raw, expression: s('Expression') };
    case 'SendMail':
      return {
        kind, raw,
        smtpConnection: s('SMTPServer'),
        from: s('From'),
        to: s('To'),
        cc: s('CC'),
        bcc: s('BCC'),
        subject: s('Subject'),
        messageSourceType: s('MessageSourceType', 'DirectInput'),
        messageSource: s('MessageSource'),
        priority: s('Priority', 'Normal'),
        fileAttachments: s('FileAttachments'),
      };
    case 'Script':
      return {
        kind, raw,
        language: s('Language'),
        entryPoint: s('EntryPoint', 'Main'),
        readOnlyVariables: s('ReadOnlyVariables'),
        readWriteVariables: s('ReadWriteVariables'),
      };
    case 'Pipeline':
      return {
        kind, raw,
        defaultBufferMaxRows: i('defaultBufferMaxRows', 10000),
        defaultBufferSize: i('defaultBufferSize', 10485760),
        engineThreads: i('engineThreads', 10),
        runInOptimizedMode: b('runInOptimizedMode', true),
        blobTempStoragePath: s('BLOBTempStoragePath'),
        bufferTempStoragePath: s('bufferTempStoragePath'),
      };
    case 'BulkInsert':
    case 'FTP':
      return { kind, raw };
    default:
      return { kind: 'Task', raw };
  }
}

/** The enumerator of a Foreach Loop container. */
export function readEnumerator(loop: XmlElement, ctx: ReadContext): ForEachEnumerator | undefined {
  const el = elementNamed(loop, 'ForEachEnumerator');
  if (!el) return undefined;
  const d = ctx.dialect;
  const creationName = d.prop(el, 'CreationName') ?? '';
  const settings: Record<string, string> = {};
  const items: string[][] = [];
  const objectData = elementNamed(el, 'ObjectData');
  if (objectData) {
    for (const node of descendants(objectData)) {
      if (node.localName === 'FEIEItem') {
        items.push(elementsNamed(node, 'FEIEItemValue').map((v) => elementChildren(v).map(ownText).join('') || ownText(v)));
        continue;
      }
      for (const at of node.attributes) if (!at.name.startsWith('xmlns') && !(localOf(at.name) in settings)) settings[localOf(at.name)] = at.value;
    }
  }
  return {
    dtsId: d.prop(el, 'DTSID') ?? '',
    creationName,
    classId: canonicalClass(creationName, 'enumerator'),
    settings,
    items,
    propertyExpressions: readPropertyExpressions(el),
    element: el,
  };
}

/** The variable mappings of a Foreach Loop container. */
export function readVariableMappings(loop: XmlElement, ctx: ReadContext): { valueIndex: number; variableName: string }[] {
  const d = ctx.dialect;
  return d.items(loop, 'ForEachVariableMappings', 'ForEachVariableMapping').map((m) => ({
    valueIndex: parseIntOr(d.prop(m, 'ValueIndex'), 0),
    variableName: d.prop(m, 'VariableName') ?? attrLocal(m, 'VariableName') ?? '',
  }));
}
