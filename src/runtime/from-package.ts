/** @module Lifts the package model (`src/package`) into the runtime's view of it, once per run. */
import type { Package, Executable, EventHandler, Container, ForLoopContainer, ForeachLoopContainer, Task, Variable as ModelVariable, ForEachEnumerator } from '../package/index.ts';
import { isContainer } from '../package/index.ts';
import type { ContainerSpec, EnumeratorSpec, EventHandlerSpec, ExecutableSpec, PackageSpec, TaskSpec, VariableSpec } from './model.ts';
import { coerceToVariableType } from './variable-types.ts';

/** The value of a variable whose value the file does not hold. */
const EMPTY_VALUES: Readonly<Record<number, unknown>> = { 2: 0, 3: 0, 4: 0, 5: 0, 8: '', 11: false, 16: 0, 17: 0, 18: 0, 19: 0, 20: 0n, 21: 0n };

function variableValue(v: Pick<ModelVariable, 'dataType' | 'value' | 'namespace' | 'name'>): unknown {
  if (v.dataType === 13) return null;
  if (v.value === undefined) return EMPTY_VALUES[v.dataType] ?? null;
  try {
    return coerceToVariableType(v.value, v.dataType, `${v.namespace}::${v.name}`);
  } catch {
    return v.value;
  }
}

function variables(list: readonly ModelVariable[]): VariableSpec[] {
  return list.map((v) => ({
    namespace: v.namespace,
    name: v.name,
    dataType: v.dataType,
    value: variableValue(v),
    expression: v.expression || undefined,
    evaluateAsExpression: v.evaluateAsExpression,
    readOnly: v.readOnly,
    raiseChangedEvent: v.raiseChangedEvent,
    sensitive: v.sensitive,
    id: v.dtsId,
    description: v.description,
  }));
}

function base(e: Executable | EventHandler | Package, path: string): Omit<ExecutableSpec, 'kind'> {
  const exprs: Record<string, string> = {};
  for (const p of e.propertyExpressions) exprs[p.property] = p.expression;
  const lo = e.loggingOptions;
  return {
    id: e.dtsId,
    name: e.name,
    description: e.description,
    creationName: e.creationName,
    path,
    disabled: e.disabled,
    delayValidation: e.delayValidation,
    failPackageOnFailure: e.failPackageOnFailure,
    failParentOnFailure: e.failParentOnFailure,
    maximumErrorCount: e.maxErrorCount,
    forceExecutionResult: (e.forceExecutionResult >= -1 && e.forceExecutionResult <= 2 ? e.forceExecutionResult : -1) as -1 | 0 | 1 | 2,
    transactionOption: (e.transactionOption === 0 || e.transactionOption === 2 ? e.transactionOption : 1) as 0 | 1 | 2,
    disableEventHandlers: e.disableEventHandlers,
    variables: variables(e.variables),
    propertyExpressions: exprs,
    properties: { ...e.properties },
    eventHandlers: e.eventHandlers.map((h) => handler(h, `${path}.EventHandlers[${h.eventName}]`)),
    logging: lo
      ? {
          mode: (lo.loggingMode === 1 || lo.loggingMode === 2 ? lo.loggingMode : 0) as 0 | 1 | 2,
          providers: lo.selectedLogProviders,
          events: lo.eventFilter.split(',').filter((x) => /^[A-Za-z]/.test(x)),
        }
      : undefined,
  };
}

function handler(h: EventHandler, path: string): EventHandlerSpec {
  return { ...container(h, path), kind: 'eventHandler', eventName: h.eventName };
}

const num = (s: string | undefined, d: number) => (s === undefined || s === '' || Number.isNaN(Number(s)) ? d : Number(s));
const bool = (s: string | undefined) => s !== undefined && /^(-1|true|1)$/i.test(s.trim());

function setting(e: ForEachEnumerator, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(e.settings)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function enumerator(e: ForEachEnumerator | undefined): EnumeratorSpec {
  if (!e) return { kind: 'unsupported', name: '(none)' };
  const id = e.classId.toLowerCase();
  if (id.includes('file')) {
    return { kind: 'file', folder: setting(e, 'Folder') ?? setting(e, 'Directory') ?? '', fileSpec: setting(e, 'FileSpec') ?? '*.*', retrieve: num(setting(e, 'FileNameRetrievalType') ?? setting(e, 'FileNameRetrieval'), 0) as 0 | 1 | 2, recurse: bool(setting(e, 'Recurse')) };
  }
  if (id.includes('item')) return { kind: 'item', rows: e.items };
  if (id.includes('schemarowset')) return { kind: 'schemaRowset', connection: setting(e, 'Connection') ?? '', schema: setting(e, 'Schema') ?? '' };
  if (id.includes('ado')) return { kind: 'ado', variable: setting(e, 'VarName') ?? setting(e, 'VariableName') ?? '', mode: num(setting(e, 'EnumType'), 1) as 0 | 1 | 2 };
  if (id.includes('fromvariable') || id.includes('variable')) return { kind: 'variable', variable: setting(e, 'VariableName') ?? setting(e, 'VarName') ?? '' };
  if (id.includes('nodelist')) {
    const src = (n: string) => num(setting(e, n), 2) as 0 | 1 | 2;
    return {
      kind: 'nodelist',
      sourceType: num(setting(e, 'SourceDocumentSourceType') ?? setting(e, 'SourceType'), 2) as 0 | 1 | 2,
      source: setting(e, 'SourceDocument') ?? '',
      enumerationType: num(setting(e, 'EnumerationType'), 0) as 0 | 1 | 2 | 3,
      outerXPathSourceType: src('OuterXPathStringSourceType'),
      outerXPath: setting(e, 'OuterXPathString') ?? '',
      innerElementType: num(setting(e, 'InnerElementType'), 0) as 0 | 1 | 2,
      innerXPathSourceType: src('InnerXPathStringSourceType'),
      innerXPath: setting(e, 'InnerXPathString') ?? '',
    };
  }
  return { kind: 'unsupported', name: e.classId || e.creationName };
}

function container(c: Container, path: string): ContainerSpec {
  const byRef = new Map(c.executables.map((x, i) => [x.refId, i]));
  const kind = c.kind === 'Package' ? 'package' : c.kind === 'Sequence' ? 'sequence' : c.kind === 'ForLoop' ? 'forLoop' : c.kind === 'ForeachLoop' ? 'foreachLoop' : 'eventHandler';
  const spec: ContainerSpec = {
    ...base(c, path),
    kind,
    executables: c.executables.map((x) => executable(x, `${path}\\${x.name}`)),
    constraints: c.precedenceConstraints
      .filter((p) => byRef.has(p.from) && byRef.has(p.to))
      .map((p) => ({
        from: byRef.get(p.from)!,
        to: byRef.get(p.to)!,
        value: (p.value === 1 || p.value === 2 ? p.value : 0) as 0 | 1 | 2,
        evalOp: (p.evalOp >= 1 && p.evalOp <= 4 ? p.evalOp : 2) as 1 | 2 | 3 | 4,
        expression: p.expression || undefined,
        logicalAnd: p.logicalAnd,
        name: p.name,
      })),
  };
  if (c.kind === 'ForLoop') {
    const f = c as ForLoopContainer;
    return { ...spec, forLoop: { init: f.initExpression, eval: f.evalExpression, assign: f.assignExpression } };
  }
  if (c.kind === 'ForeachLoop') {
    const f = c as ForeachLoopContainer;
    // The enumerator's property expressions (Directory, FileSpec, …) are evaluated with the loop's, before each enumeration.
    const enumeratorExpressions: Record<string, string> = {};
    for (const p of f.enumerator?.propertyExpressions ?? []) enumeratorExpressions[p.property] = p.expression;
    return { ...spec, propertyExpressions: { ...spec.propertyExpressions, ...enumeratorExpressions }, foreach: { enumerator: enumerator(f.enumerator), mappings: f.variableMappings.map((m) => ({ index: m.valueIndex, variable: m.variableName })) } };
  }
  return spec;
}

function executable(e: Executable, path: string): ContainerSpec | TaskSpec {
  if (isContainer(e)) return container(e as Container, path);
  const t = e as Task;
  return { ...base(t, path), kind: 'task', taskKind: t.kind === 'Task' ? t.classId || t.creationName : t.kind, settings: { ...t.settings, model: t } };
}

/** The runtime's view of a loaded package. */
export function packageSpec(pkg: Package): PackageSpec {
  const root = container(pkg, `\\${pkg.name}`);
  return {
    ...root,
    kind: 'package',
    formatVersion: pkg.formatVersion,
    versionMajor: pkg.versionMajor,
    versionMinor: pkg.versionMinor,
    versionBuild: pkg.versionBuild,
    versionGuid: pkg.versionGuid,
    creatorName: pkg.creatorName,
    creatorComputerName: pkg.creatorComputerName,
    maxConcurrentExecutables: pkg.maxConcurrentExecutables,
    checkpointFileName: pkg.checkpointFileName,
    checkpointUsage: (pkg.checkpointUsage === 1 || pkg.checkpointUsage === 2 ? pkg.checkpointUsage : 0) as 0 | 1 | 2,
    saveCheckpoints: pkg.saveCheckpoints,
    enableConfigurations: pkg.enableConfigurations,
    connections: pkg.connectionManagers.map((cm) => {
      const exprs: Record<string, string> = {};
      for (const p of cm.propertyExpressions) exprs[p.property] = p.expression;
      return { id: cm.dtsId, name: cm.name, creationName: cm.creationName, connectionString: cm.connectionString ?? '', properties: { ...cm.properties }, propertyExpressions: exprs, source: cm };
    }),
    logProviders: pkg.logProviders.map((l) => ({ id: l.dtsId, name: l.name, creationName: l.classId || l.creationName, configString: l.configString })),
    configurations: pkg.configurations.map((c) => ({ name: c.name, type: c.type, configurationString: c.configurationString, configurationVariable: c.configurationVariable })),
    parameters: pkg.parameters.map((p) => ({ scope: 'Package' as const, name: p.name, dataType: p.dataType, value: variableValue({ ...p, namespace: '$Package' }), required: p.required, sensitive: p.sensitive })),
    fileName: pkg.fileName,
  };
}
