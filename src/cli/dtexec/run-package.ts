/** @module dtexec's package run: load (upgraded in memory, never written back), configure (/Set, /Conn, /ConfigFile), verify, validate and execute, printing events as dtexec does. */
import { resolve } from 'node:path';
import { SsisError, errorMessage } from '../../errors.ts';
import { mapWindowsPath } from '../../connections/windows-path.ts';
import { combineOverrides, loadConnectionSettings } from '../../connections/overrides.ts';
import { isConnectionUrl } from '../../connections/connection-url.ts';
import { createEngine, loggerFor } from './host.ts';
import { loadSource, LoadFailure, type LoadedSource } from './load-source.ts';
import { installationOf, readSettings, resolveRoot } from '../../installation/index.ts';
import { databaseAccess, applyConfigurations, CheckpointStore, textFileLogger, type ListenerRegistration, type RuntimeEvent, type ExecResult, type PackageSpec } from '../../runtime/index.ts';
import '../../tasks/index.ts';
import type { ProductVersion, ToolYear } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';
import type { DtexecCommand } from './command.ts';
import { formatBlock, type BlockKind } from './console.ts';

/** What a run ended with: the exit code, and the DTSExecResult when the package ran. */
export interface RunResult {
  readonly exit: number;
  readonly result?: ExecResult;
}

const BLOCK_OF: Record<string, { kind: BlockKind; level: string }> = {
  OnError: { kind: 'Error', level: 'E' },
  OnWarning: { kind: 'Warning', level: 'W' },
  OnInformation: { kind: 'Info', level: 'I' },
  OnProgress: { kind: 'Progress', level: 'P' },
};

/** The console listener: prints the events `/Rep` selects as dtexec's message blocks. */
function consoleListener(cmd: DtexecCommand, io: CliIo): ListenerRegistration {
  const excluded = new Set(cmd.reporting.excluded.map((e) => e.toLowerCase()));
  const levels = cmd.reporting.levels;
  return {
    listener: (e: RuntimeEvent) => {
      if (excluded.has(e.event.toLowerCase())) return;
      const block = BLOCK_OF[e.event];
      const level = block?.level ?? (e.dataFlow ? 'D' : e.custom ? 'C' : undefined);
      if (!level || !levels.has(level as never)) return;
      const source = e.subComponent ? `${e.sourceName} ${e.subComponent}` : e.sourceName;
      const description = e.event === 'OnProgress' ? `${e.message}${e.percent !== undefined ? `: ${e.percent}% complete` : ''}` : e.message;
      for (const line of formatBlock({ kind: block?.kind ?? 'Info', time: e.time, code: e.code, source, description })) io.out(line);
    },
  };
}

/** `/ConsoleLog`: log entries echoed with the chosen columns. */
function consoleLogListener(cmd: DtexecCommand, io: CliIo, executionId: () => string): ListenerRegistration | undefined {
  const log = cmd.consoleLog;
  if (!log) return undefined;
  const inc = new Set(log.include.map((x) => x.toLowerCase()));
  const exc = new Set(log.exclude.map((x) => x.toLowerCase()));
  return {
    listener: (e: RuntimeEvent) => {
      const keys = [e.event, e.sourceName, e.sourceId].map((k) => k.toLowerCase());
      if (inc.size > 0 && !keys.some((k) => inc.has(k))) return;
      if (keys.some((k) => exc.has(k))) return;
      const c = log.columns;
      const parts = [
        c.has('N') ? `Log: Name: ${e.event}` : '',
        c.has('S') ? `Source Name: ${e.sourceName}` : '',
        c.has('G') ? `Source GUID: ${e.sourceId}` : '',
        c.has('X') ? `Execution GUID: ${executionId()}` : '',
        c.has('M') ? `Message: ${e.message}` : '',
        c.has('T') ? `Start Time: ${e.time.toISOString()} End Time: ${e.time.toISOString()}` : '',
      ].filter(Boolean);
      parts.forEach((p, i) => io.out(i === 0 ? p : `    ${p}`));
    },
  };
}

function loadFailure(io: CliIo, path: string, error: unknown): RunResult {
  const e = error instanceof SsisError ? error : new SsisError('0xC0011002', 'DTS_E_OPENPACKAGEFILE', errorMessage(error));
  io.out(`Could not load package "${path}" because of error ${e.code}.`);
  io.out(`Description: ${e.message}`);
  for (const d of e.details) io.out(`Description: ${d.message}`);
  io.out(`Source: ${e.symbol}`);
  return { exit: 5 };
}

function verify(cmd: DtexecCommand, spec: PackageSpec): string | undefined {
  const b = cmd.verifyBuild;
  if (b && (b.major !== spec.versionMajor || (b.minor !== undefined && b.minor !== spec.versionMinor) || (b.build !== undefined && b.build !== spec.versionBuild))) {
    return `The package version ${spec.versionMajor}.${spec.versionMinor}.${spec.versionBuild} does not match /VerifyBuild ${b.major}${b.minor !== undefined ? `.${b.minor}` : ''}${b.build !== undefined ? `.${b.build}` : ''}.`;
  }
  if (cmd.verifyPackageId && cmd.verifyPackageId.toLowerCase() !== spec.id.toLowerCase()) return `The package ID ${spec.id} does not match /VerifyPackageID ${cmd.verifyPackageId}.`;
  if (cmd.verifyVersionId && cmd.verifyVersionId.toLowerCase() !== (spec.versionGuid ?? '').toLowerCase()) return `The package version ID ${spec.versionGuid} does not match /VerifyVersionID ${cmd.verifyVersionId}.`;
  if (cmd.verifySigned) return 'The package is not signed: OpenDTS does not verify package signatures, so /VerifySigned refuses every package.';
  return undefined;
}

/** The "registry" of the version in force: the values of its settings (`<root>/<folder>/SSIS/settings.json`). */
function registryOf(year: ToolYear, io: CliIo): (key: string) => string | undefined {
  let values: Record<string, string> | undefined;
  return (key) => {
    values ??= readSettings(installationOf(resolveRoot(io.env), year)).values;
    const wanted = key.toLowerCase();
    return Object.entries(values).find(([k]) => k.toLowerCase() === wanted)?.[1];
  };
}

/** The checkpoint settings after configurations and /Set: dtexec's /CheckFile, /Checkpointing and /Restart win over the package's. */
function checkpointStore(cmd: DtexecCommand, spec: PackageSpec, local: (path: string) => string): CheckpointStore | undefined {
  const file = cmd.checkpointFile ?? spec.checkpointFileName ?? '';
  const usage = cmd.restart !== undefined ? { Never: 0, IfExists: 1, Always: 2 }[cmd.restart] : cmd.checkpointing ? 2 : spec.checkpointUsage ?? 0;
  const save = cmd.checkpointing ?? spec.saveCheckpoints ?? false;
  if (!file && !save && usage === 0) return undefined;
  return new CheckpointStore({ file: file ? local(file) : '', usage: usage as 0 | 1 | 2, save });
}

/** Loads, configures and runs the package a dtexec command names. */
export async function runPackageFile(cmd: DtexecCommand, version: ProductVersion, io: CliIo): Promise<RunResult> {
  let overrides;
  try {
    const settingsFile = io.env['OPENDTS_CONNECTIONS'];
    const urlConns = cmd.settings.filter((s) => s.kind === 'conn' && isConnectionUrl(s.connectionString)).map((s) => (s.kind === 'conn' ? `${s.connection};${s.connectionString}` : ''));
    overrides = combineOverrides({ settings: settingsFile ? loadConnectionSettings(resolve(io.cwd, settingsFile)) : undefined, conn: urlConns, env: io.env });
  } catch (error) {
    io.out(errorMessage(error));
    return { exit: 6 };
  }
  const rules = overrides.pathRules ?? [];
  const mapPath = (p: string) => mapWindowsPath(p, rules);
  const databases = databaseAccess(overrides);
  let loaded: LoadedSource;
  try {
    loaded = await loadSource(cmd, version.year as ToolYear, io, mapPath);
  } catch (error) {
    if (!(error instanceof LoadFailure)) throw error;
    if (error.exit === 6) {
      io.out(error.message);
      return { exit: 6 };
    }
    loadFailure(io, cmd.source!.path, error.error);
    return { exit: error.exit };
  }
  const { spec, file } = loaded;
  const failedVerify = verify(cmd, spec);
  if (failedVerify) {
    for (const line of formatBlock({ kind: 'Error', time: new Date(), code: '0xC0010004', source: spec.name, description: failedVerify })) io.out(line);
    return { exit: 5 };
  }
  const holder = { id: '' };
  const listeners: ListenerRegistration[] = [consoleListener(cmd, io)];
  const consoleLog = consoleLogListener(cmd, io, () => holder.id);
  if (consoleLog) listeners.push(consoleLog);
  if (typeof cmd.vlog === 'string') listeners.push(textFileLogger(resolve(io.cwd, mapPath(cmd.vlog)), () => holder.id));
  const engine = createEngine(spec, file, {
    year: version.year as ToolYear,
    io,
    listeners,
    databases,
    mapPath,
    password: cmd.decrypt,
    validateOnly: cmd.validateOnly,
    warnAsError: cmd.warnAsError,
    maxConcurrent: cmd.maxConcurrent,
    registryValue: registryOf(version.year as ToolYear, io),
    project: loaded.project,
  });
  holder.id = engine.executionId;
  for (const l of cmd.loggers) {
    // /L: the configuration string names a connection manager of the package, else (file providers) a file.
    const known = spec.connections.some((c) => c.name.toLowerCase() === l.config.toLowerCase() || c.id.toLowerCase() === l.config.toLowerCase());
    try {
      const logger = loggerFor(l.provider, known ? l.config : resolve(io.cwd, mapPath(l.config)), engine, databases);
      if (logger) engine.addListener(logger);
      else io.out(`The log provider "${l.provider}" is not supported yet by OpenDTS; the text file, XML file and SQL Server providers are.`);
    } catch (error) {
      io.out(`The log provider "${l.provider}" cannot write to "${l.config}": ${errorMessage(error)}`);
      return { exit: 6 };
    }
  }
  try {
    const parameters = cmd.parameters
      .filter((p) => p.scope !== 'ServerOption')
      .map((p) => ({ kind: 'set' as const, path: `\\Package.Variables[$${p.scope}::${p.name}]`, value: p.value }));
    // A /CONN whose value is a URL redirects the connection (an override); any other value is its new connection string.
    const settings = cmd.settings.filter((s) => !(s.kind === 'conn' && isConnectionUrl(s.connectionString)));
    await applyConfigurations(engine, [...settings, ...parameters], { env: io.env, mapPath, registryValue: registryOf(version.year as ToolYear, io) });
  } catch (error) {
    const e = error instanceof SsisError ? error : new SsisError('0xC0010001', 'DTS_E_COMMANDLINE', errorMessage(error));
    for (const line of formatBlock({ kind: 'Warning', time: new Date(), code: e.code, source: spec.name, description: e.message })) io.out(line);
    const set = cmd.settings.find((s) => s.kind === 'set' && e.message.includes(s.path));
    // A $Sensitive:: value is never printed (OpenDTS's choice; SSIS's text for this case is not documented).
    if (set && set.kind === 'set') io.out(`DTExec: Could not set ${set.path} value to ${set.sensitive ? '********' : set.value}.`);
    return { exit: 6 };
  }
  engine.checkpoints = checkpointStore(cmd, spec, (p) => resolve(io.cwd, mapPath(p)));
  const outcome = await engine.run();
  const exit = outcome.result === 0 ? 0 : outcome.result === 3 ? 3 : outcome.result === 2 ? 0 : 1;
  return { exit, result: outcome.result };
}
