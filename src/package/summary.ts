/** @module A plain, JSON-ready summary of a package (what `opendts inspect` shows), including what OpenDTS cannot run. */
import type { Package } from './package.ts';
import type { Container, EventHandler, Executable, ExecutableKind } from './executable.ts';
import { isContainer } from './executable.ts';
import { allDataFlows, walkExecutables } from './walk.ts';
import { qualifiedVariableName } from './variable.ts';
import { classIdEntry, versionOfFormat } from '../versions/index.ts';
import { variableTypeOfCode } from '../types/index.ts';
import { formatProtectionLevel, type ProtectionLevel } from '../protection/index.ts';

/** The executable kinds OpenDTS runs (the containers and the tasks `src/tasks` implements; Bulk Insert and FTP are not yet). */
export const RUNNABLE_KINDS: ReadonlySet<ExecutableKind> = new Set<ExecutableKind>([
  'Package', 'Sequence', 'ForLoop', 'ForeachLoop', 'EventHandler', 'ExecuteSQL', 'FileSystem', 'ExecuteProcess', 'ExecutePackage',
  'Expression', 'SendMail', 'Pipeline',
]);

/** Options of {@link cannotRun} and {@link summarizePackage}. */
export interface RunnabilityOptions {
  /** Whether a data flow component class (canonical) is implemented; default: any class the versions table knows. */
  componentAvailable?: (classId: string) => boolean;
}

/** One executable in the summary tree. */
export interface ExecutableSummary {
  refId: string;
  name: string;
  kind: ExecutableKind;
  classId: string;
  disabled: boolean;
  children: ExecutableSummary[];
  constraints: { from: string; to: string; value: string; evalOp: number; expression: string; logicalAnd: boolean }[];
}

/** Something in the package that OpenDTS cannot run here. */
export interface CannotRunItem {
  refId: string;
  reason: string;
}

/** The summary of a package. */
export interface PackageSummary {
  name: string;
  fileName?: string;
  sourceFormat: number;
  sourceVersion: string;
  formatVersion: number;
  protectionLevel: number;
  /** `EncryptSensitiveWithUserKey`, … */
  protectionLevelName: string;
  executables: ExecutableSummary;
  connectionManagers: { refId: string; name: string; type: string; connectionString: string | null }[];
  variables: { refId: string; name: string; dataType: number; typeName: string; value: string | null; expression: string }[];
  parameters: { name: string; dataType: number; typeName: string; value: string | null; required: boolean; sensitive: boolean }[];
  dataFlows: {
    refId: string;
    components: { refId: string; name: string; classId: string; inputs: number; outputs: number }[];
    paths: { name: string; start: string; end: string }[];
  }[];
  cannotRun: CannotRunItem[];
  problems: { where: string; message: string; line?: number }[];
  warnings: string[];
}

const CONSTRAINT_VALUES = ['Success', 'Failure', 'Completion'];

function summarizeExecutable(e: Executable | EventHandler): ExecutableSummary {
  const c = isContainer(e) ? (e as Container) : undefined;
  return {
    refId: e.refId,
    name: e.kind === 'EventHandler' ? `${(e as EventHandler).eventName} handler` : e.name,
    kind: e.kind,
    classId: e.classId,
    disabled: e.disabled,
    children: [...(c ? c.executables : []), ...e.eventHandlers].map(summarizeExecutable),
    constraints: (c?.precedenceConstraints ?? []).map((pc) => ({
      from: pc.from, to: pc.to, value: CONSTRAINT_VALUES[pc.value] ?? String(pc.value), evalOp: pc.evalOp, expression: pc.expression, logicalAnd: pc.logicalAnd,
    })),
  };
}

/** What in the package OpenDTS cannot run: Script tasks and components, third-party parts, tasks not implemented. */
export function cannotRun(pkg: Package, opts: RunnabilityOptions = {}): CannotRunItem[] {
  const available = opts.componentAvailable ?? ((classId: string) => classIdEntry(classId) !== undefined);
  const out: CannotRunItem[] = [];
  for (const e of walkExecutables(pkg)) {
    if (e.kind === 'Script') out.push({ refId: e.refId, reason: 'Script task: its .NET (VSTA) code cannot run in OpenDTS' });
    else if (!RUNNABLE_KINDS.has(e.kind)) {
      const known = classIdEntry(e.classId);
      out.push({
        refId: e.refId,
        reason: known ? `${known.friendlyName} (${e.classId}) is not implemented by OpenDTS` : `third-party task "${e.executableType || e.creationName}" is not available in OpenDTS`,
      });
    }
  }
  for (const { dataFlow } of allDataFlows(pkg)) {
    for (const c of dataFlow.components) {
      if (c.classId === 'Microsoft.ScriptComponentHost') out.push({ refId: c.refId, reason: 'Script component: its .NET code cannot run in OpenDTS' });
      else if (!classIdEntry(c.classId)) out.push({ refId: c.refId, reason: `third-party component "${c.userComponentTypeName ?? c.rawClassId}" is not available in OpenDTS` });
      else if (!available(c.classId)) out.push({ refId: c.refId, reason: `${classIdEntry(c.classId)!.friendlyName} (${c.classId}) is not implemented by OpenDTS` });
    }
  }
  for (const w of pkg.warnings) out.push({ refId: 'Package', reason: w });
  return out;
}

/** The .NET name of a variable type code (`Int32`), or the code itself when unknown. */
function typeName(code: number): string {
  return variableTypeOfCode(code)?.netName ?? String(code);
}

function protectionName(level: number): string {
  return formatProtectionLevel(level as ProtectionLevel) ?? String(level);
}

/** A JSON-ready summary of the package. */
export function summarizePackage(pkg: Package, opts: RunnabilityOptions = {}): PackageSummary {
  const vars = [...walkExecutables(pkg)].flatMap((e) => e.variables);
  return {
    name: pkg.name,
    fileName: pkg.fileName,
    sourceFormat: pkg.sourceFormat,
    sourceVersion: versionOfFormat(pkg.sourceFormat)?.productName ?? 'unknown',
    formatVersion: pkg.formatVersion,
    protectionLevel: pkg.protectionLevel,
    protectionLevelName: protectionName(pkg.protectionLevel),
    executables: summarizeExecutable(pkg),
    connectionManagers: pkg.connectionManagers.map((cm) => ({ refId: cm.refId, name: cm.name, type: cm.type, connectionString: cm.connectionString ?? null })),
    variables: vars.map((v) => ({ refId: v.refId, name: qualifiedVariableName(v), dataType: v.dataType, typeName: typeName(v.dataType), value: v.value ?? null, expression: v.evaluateAsExpression ? v.expression : '' })),
    parameters: pkg.parameters.map((p) => ({ name: p.name, dataType: p.dataType, typeName: typeName(p.dataType), value: p.value ?? null, required: p.required, sensitive: p.sensitive })),
    dataFlows: allDataFlows(pkg).map(({ task, dataFlow }) => ({
      refId: task.refId,
      components: dataFlow.components.map((c) => ({ refId: c.refId, name: c.name, classId: c.classId, inputs: c.inputs.length, outputs: c.outputs.length })),
      paths: dataFlow.paths.map((p) => ({ name: p.name, start: p.startRefId, end: p.endRefId })),
    })),
    cannotRun: cannotRun(pkg, opts),
    problems: pkg.problems.map((p) => ({ where: p.where, message: p.message, line: p.line })),
    warnings: pkg.warnings,
  };
}
