/** @module The host dtexec runs packages in: the engine with its services (data flow, databases, Script task ports, child packages for the Execute Package task) and the package's own log providers. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SsisError, errorMessage } from '../../errors.ts';
import type { IspacProject } from '../../project/index.ts';
import { specOf, projectPackageSpec } from './load-source.ts';
import type { DataFlowServices } from '../../dataflow/index.ts';
import type { DataFlowRunner } from '../../tasks/index.ts';
import {
  Engine, expressionHost, applyConfigurations, textFileLogger, xmlFileLogger, providerKind, sqlServerLogger, logFilter,
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
  /** The project the package came from (`/Project`): project references of the Execute Package task. */
  readonly project?: IspacProject;
  /** The version's "registry" values, for registry entry configurations. */
  readonly registryValue?: (key: string) => string | undefined;
}

/** Loads a package file for the tool version (newer formats are refused; upgrade problems stop it). */
export function loadPackageFile(file: string, tool: ToolYear, password?: string): PackageSpec {
  return specOf(readFileSync(file), file, tool, password);
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


/**
 * A log provider by its class (creation name or ProgID): text and XML files write to the file the
 * configuration names (a File connection manager or a path), the SQL Server provider to `sysssislog`
 * in the database of the connection manager it names. Undefined for the others.
 */
export function loggerFor(provider: string, config: string, engine: Engine, databases: DatabaseAccess, events?: ReadonlySet<string>): ListenerRegistration | undefined {
  const kind = providerKind(provider);
  if (kind === 'text' || kind === 'xml') return (kind === 'text' ? textFileLogger : xmlFileLogger)(engine.connectionPath(config), () => engine.executionId, events);
  if (kind === 'sql') {
    const cm = engine.connection(config);
    return sqlServerLogger(() => databases.connect(cm), () => engine.executionId, { events, named: /^ado\.net/i.test(cm.creationName) });
  }
  return undefined;
}

/** The data flow engine, loaded when a Data Flow task first needs it (it brings every driver and component). */
const lazyDataFlow: DataFlowRunner = {
  validate: async (task, ctx) => (await import('../../dataflow/index.ts')).dataFlowRunner.validate(task as never, ctx as never),
  run: async (task, ctx) => (await import('../../dataflow/index.ts')).dataFlowRunner.run(task as never, ctx as never),
};

/** The package's own log providers, with the events its logging options select. */
function packageLoggers(engine: Engine, io: CliIo, databases: DatabaseAccess): ListenerRegistration[] {
  const out: ListenerRegistration[] = [];
  for (const lp of engine.pkg.logProviders) {
    try {
      const logger = loggerFor(lp.creationName, lp.configString, engine, databases);
      const allowed = logFilter(engine.pkg, lp.id);
      if (logger) out.push({ listener: (e) => (allowed(e) ? logger.listener(e) : undefined) });
      else io.out(`Warning: the log provider "${lp.name}" (${lp.creationName}) is not supported yet by OpenDTS; its entries are not written.`);
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
  const folder = dirname(file);
  const engine: Engine = new Engine(spec, {
    expressions: expressionHost(host.year),
    listeners: host.listeners,
    signal: io.signal,
    openDatabase: host.databases.open,
    checkDatabase: host.databases.check,
    openConnection: host.databases.connect,
    mapPath: (p) => resolve(folder, host.mapPath(p)),
    validateOnly: host.validateOnly,
    warnAsError: host.warnAsError,
    maxConcurrent: host.maxConcurrent,
    systemValues: child?.systemValues,
    services: {
      extra: {
        dataFlow: lazyDataFlow,
        dataFlowServices: { openConnection: (nameOrId: string): ReturnType<DatabaseAccess['connect']> => host.databases.connect(engine.connection(nameOrId)) } satisfies DataFlowServices,
      },
      scriptModule: scriptLoader(io.env['OPENDTS_SCRIPTS'] ? resolve(io.cwd, io.env['OPENDTS_SCRIPTS']) : resolve(folder, 'scripts')),
      async loadPackage(ref) {
        if (ref.file) return loadPackageFile(ref.file, host.year, ref.password ?? host.password);
        if (!host.project) {
          throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_PROJECTREFERENCE', `The child package "${ref.projectPackage}" is a project reference; run the parent from its project (/Project and /Package) to use project references.`);
        }
        return projectPackageSpec(host.project, ref.projectPackage ?? '', file, host.year, ref.password ?? host.password);
      },
      async runChildPackage(childSpec, opts): Promise<ExecResult> {
        const childFile = childSpec.fileName ?? file;
        const childEngine = createEngine(childSpec, childFile, host, {
          parentValue: (name) => opts.parentVariable(name)?.value,
          systemValues: { ServerExecutionID: engine.root.scope.get('System::ServerExecutionID').value },
        });
        await applyConfigurations(childEngine, [], { env: io.env, mapPath: host.mapPath, parentValue: (name) => opts.parentVariable(name)?.value, registryValue: host.registryValue });
        for (const [name, value] of Object.entries(opts.parameters)) {
          const target = childEngine.root.scope.find(`$Package::${name}`);
          if (!target) throw new SsisError('0xC0012050', 'DTS_E_EXECPKGTASK_PARAMETERNOTFOUND', `The child package "${childSpec.name}" has no parameter "${name}" to bind.`);
          await target.set(value, { force: true });
        }
        return (await childEngine.run()).result;
      },
    },
  });
  for (const l of packageLoggers(engine, io, host.databases)) engine.addListener(l);
  return engine;
}
