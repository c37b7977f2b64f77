/** @module The host dtexec runs packages in: the engine with its services (data flow, databases, Script task ports, child packages for the Execute Package task) and the package's own log providers. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SsisError, errorMessage } from '../../errors.ts';
import { readPackage } from '../../format/index.ts';
import { dataFlowRunner, type DataFlowServices } from '../../dataflow/index.ts';
import {
  Engine, packageSpec, expressionHost, applyConfigurations, textFileLogger, xmlFileLogger, providerKind,
  type DatabaseAccess, type ListenerRegistration, type PackageSpec, type ScriptModule, type ExecResult,
} from '../../runtime/index.ts';
import '../../tasks/index.ts';
import type { ToolYear } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';

/** What every engine of one dtexec run shares. */
export interface HostSettings {
  readonly year: ToolYear;
  readonly io: CliIo;
  /** The console and command-line loggers (child packages' events go there too). */
  readonly listeners: ListenerRegistration[];
  readonly databases: DatabaseAccess;
  /** Windows path → local path. */
  readonly mapPath: (path: string) => string;
  /** `/De`: the password of encrypted packages (children too). */
  readonly password?: string;
  readonly validateOnly?: boolean;
  readonly warnAsError?: boolean;
  readonly maxConcurrent?: number;
}

/** Loads a package file for the tool version (newer formats are refused). */
export function loadPackageFile(file: string, tool: ToolYear, password?: string): PackageSpec {
  const pkg = readPackage(readFileSync(file), { fileName: file, tool, password });
  if (pkg.problems.length > 0) {
    throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `Package migration from version ${pkg.sourceFormat} to version ${pkg.formatVersion} failed: ${pkg.problems.map((p) => p.message).join('; ')}`);
  }
  return packageSpec(pkg);
}

function scriptLoader(folder: string | undefined): ((task: { name: string; id: string }) => Promise<ScriptModule | undefined>) | undefined {
  if (!folder) return undefined;
  return async (task) => {
    for (const name of [task.name, task.id]) {
      for (const ext of ['.mjs', '.js']) {
        const file = resolve(folder, name + ext);
        if (existsSync(file)) return (await import(pathToFileURL(file).href)) as ScriptModule;
      }
    }
    return undefined;
  };
}


/** The package's own text and XML file log providers, writing through their File connection managers. */
function packageLoggers(engine: Engine, io: CliIo): ListenerRegistration[] {
  const out: ListenerRegistration[] = [];
  for (const lp of engine.pkg.logProviders) {
    const kind = providerKind(lp.creationName);
    if (kind !== 'text' && kind !== 'xml') {
      io.out(`Warning: the log provider "${lp.name}" (${lp.creationName}) is not supported yet by OpenDTS; its entries are not written.`);
      continue;
    }
    try {
      const target = engine.connectionPath(lp.configString);
      out.push((kind === 'text' ? textFileLogger : xmlFileLogger)(target, () => engine.executionId));
    } catch (error) {
      io.out(`Warning: the log provider "${lp.name}" cannot write: ${errorMessage(error)}`);
    }
  }
  return out;
}

/**
 * An engine for a package loaded from `file`: the run's listeners plus the package's own log
 * providers, the data flow engine, database access, Script task ports, and child packages for the
 * Execute Package task (run in-process, parent variables visible to Parent Package Variable
 * configurations, parameter bindings applied).
 */
export function createEngine(spec: PackageSpec, file: string, host: HostSettings, child?: { parentValue: (name: string) => unknown; systemValues?: Record<string, unknown> }): Engine {
  const { io } = host;
  const listeners = [...host.listeners];
  const folder = dirname(file);
  const engine: Engine = new Engine(spec, {
    expressions: expressionHost(host.year),
    listeners,
    signal: io.signal,
    openDatabase: host.databases.open,
    checkDatabase: host.databases.check,
    mapPath: (p) => resolve(folder, host.mapPath(p)),
    validateOnly: host.validateOnly,
    warnAsError: host.warnAsError,
    maxConcurrent: host.maxConcurrent,
    systemValues: child?.systemValues,
    services: {
      extra: {
        dataFlow: dataFlowRunner,
        dataFlowServices: { openConnection: (nameOrId: string): ReturnType<DatabaseAccess['connect']> => host.databases.connect(engine.connection(nameOrId)) } satisfies DataFlowServices,
      },
      scriptModule: scriptLoader(io.env['OPENDTS_SCRIPTS'] ? resolve(io.cwd, io.env['OPENDTS_SCRIPTS']) : resolve(folder, 'scripts')),
      async loadPackage(ref) {
        if (!ref.file) {
          throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_PROJECTREFERENCE', `The child package "${ref.projectPackage}" is a project reference; run the parent from its project (/Project) to use project references.`);
        }
        return loadPackageFile(ref.file, host.year, ref.password ?? host.password);
      },
      async runChildPackage(childSpec, opts): Promise<ExecResult> {
        const childFile = childSpec.fileName ?? file;
        const childEngine = createEngine(childSpec, childFile, host, {
          parentValue: (name) => opts.parentVariable(name)?.value,
          systemValues: { ServerExecutionID: engine.root.scope.get('System::ServerExecutionID').value },
        });
        await applyConfigurations(childEngine, [], { env: io.env, mapPath: host.mapPath, parentValue: (name) => opts.parentVariable(name)?.value });
        for (const [name, value] of Object.entries(opts.parameters)) {
          const target = childEngine.root.scope.find(`$Package::${name}`);
          if (!target) throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_PARAMETERNOTFOUND', `The child package "${childSpec.name}" has no parameter "${name}" to bind.`);
          await target.set(value, { force: true });
        }
        return (await childEngine.run()).result;
      },
    },
  });
  listeners.push(...packageLoggers(engine, io));
  return engine;
}
