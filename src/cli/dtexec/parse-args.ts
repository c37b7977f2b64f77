/** @module Parses a dtexec command line as SSIS does: `/` or `-`, case-insensitive short forms, quoting, `;` separators, command files. */
import { SsisError } from '../../errors.ts';
import type { VersionFeatures } from '../../versions/index.ts';
import { emptyCommand, type DtexecCommand, type PackageSource, type ReportLevel, type ConsoleLog } from './command.ts';
import { findOption, type OptionSpec } from './options.ts';
import { splitParts, tokenizeCommandText, unquote } from './split-parts.ts';

/** What the parser needs from the world: the version's features and a way to read command files. */
export interface ParseContext {
  readonly features: VersionFeatures;
  /** Reads a `/Com` file as text; throws when it cannot. */
  readonly readCommandFile: (path: string) => string;
}

/** A command-line error: dtexec prints the message and exits with 6. */
export function commandLineError(message: string): SsisError {
  return new SsisError('0xC0010009', 'DTS_E_COMMANDLINE', message);
}

const REPORT_LETTERS = new Set(['E', 'W', 'I', 'C', 'D', 'P']);

function isSwitch(token: string, features: VersionFeatures): boolean {
  return /^[/-]/.test(token) && findOption(token.slice(1), features) !== undefined;
}

/** Parses the arguments of one dtexec run; throws a command-line SsisError on bad syntax. */
export function parseDtexecArgs(args: readonly string[], ctx: ParseContext): DtexecCommand {
  const cmd = emptyCommand();
  const queue = [...args];
  let comDepth = 0;
  while (queue.length > 0) {
    const token = queue.shift()!;
    if (token === '\u0000com-end') {
      comDepth--;
      continue;
    }
    if (!/^[/-]/.test(token) || token.length < 2) {
      throw commandLineError(`Option "${token}" is not valid.`);
    }
    const spec = findOption(token.slice(1), ctx.features);
    if (!spec) throw commandLineError(`Option "${token}" is not valid.`);
    let value: string | undefined;
    if (spec.arity === 'required') {
      if (queue.length === 0 || queue[0] === '\u0000com-end') {
        throw commandLineError(`The ${spec.name} option requires a value: ${token} ${spec.argHelp}.`);
      }
      value = queue.shift()!;
    } else if (spec.arity === 'optional' && queue.length > 0 && queue[0] !== '\u0000com-end') {
      const next = queue[0]!;
      const fits = spec.accepts ? spec.accepts(unquote(next)) : !isSwitch(next, ctx.features);
      if (fits) value = queue.shift()!;
    }
    if (spec.name === 'CommandFile') {
      if (comDepth > 16) throw commandLineError('Command files nest too deeply (/Com inside /Com).');
      let text: string;
      try {
        text = ctx.readCommandFile(unquote(value!));
      } catch (error) {
        throw commandLineError(`The command file "${unquote(value!)}" could not be read: ${error instanceof Error ? error.message : String(error)}.`);
      }
      comDepth++;
      queue.unshift(...tokenizeCommandText(text), '\u0000com-end');
      continue;
    }
    apply(cmd, spec, token, value);
  }
  if (cmd.packageName !== undefined && cmd.source?.kind !== 'project') {
    throw commandLineError('The /Package option needs /Project: it names a package inside a project file.');
  }
  if (cmd.source?.kind === 'project' && cmd.packageName === undefined) {
    throw commandLineError('The /Project option needs /Package: name the package of the project to run.');
  }
  return cmd;
}

function setSource(cmd: DtexecCommand, source: PackageSource): void {
  if (cmd.source && cmd.source.kind !== source.kind) {
    throw commandLineError('The /SQL, /FILE, /DTS, /ISServer and /Project options cannot be used together; give only one.');
  }
  cmd.source = source;
}

function integer(text: string, what: string): number {
  if (!/^[+-]?\d+$/.test(text.trim())) throw commandLineError(`The value "${text}" of ${what} is not a valid integer.`);
  return Number.parseInt(text, 10);
}

function apply(cmd: DtexecCommand, spec: OptionSpec, token: string, raw: string | undefined): void {
  const value = raw === undefined ? undefined : unquote(raw);
  switch (spec.name) {
    case 'File':
      return setSource(cmd, { kind: 'file', path: value! });
    case 'SQL':
      return setSource(cmd, { kind: 'sql', path: value! });
    case 'DTS':
      return setSource(cmd, { kind: 'dts', path: value! });
    case 'ISServer':
      return setSource(cmd, { kind: 'isserver', path: value! });
    case 'Project':
      return setSource(cmd, { kind: 'project', path: value! });
    case 'Package':
      cmd.packageName = value!;
      return;
    case 'Server':
      cmd.server = value!;
      return;
    case 'User':
      cmd.user = value!;
      return;
    case 'Password':
      cmd.password = value!;
      return;
    case 'Decrypt':
      cmd.decrypt = value!;
      return;
    case 'Set':
      return applySet(cmd, raw!, token);
    case 'Connection':
      return applyConnection(cmd, raw!, token);
    case 'ConfigFile':
      cmd.settings.push({ kind: 'configFile', file: value! });
      return;
    case 'Parameter':
      return applyParameter(cmd, raw!, token);
    case 'CheckFile':
      cmd.checkpointFile = value ?? '';
      return;
    case 'Checkpointing':
      cmd.checkpointing = value === undefined || value.toLowerCase() === 'on';
      return;
    case 'Restart':
      cmd.restart = value === undefined || value.toLowerCase() === 'force' ? 'Always' : value.toLowerCase() === 'deny' ? 'Never' : 'IfExists';
      return;
    case 'MaxConcurrent': {
      const n = integer(value!, '/MaxConcurrent');
      if (n < -1) throw commandLineError(`The value ${n} of /MaxConcurrent is not valid: use -1 (processors + 2) or a number of 0 or more.`);
      cmd.maxConcurrent = n;
      return;
    }
    case 'Reporting':
      return applyReporting(cmd, raw!);
    case 'Logger': {
      const [provider, config = ''] = splitParts(raw!, 2);
      if (!provider) throw commandLineError(`The /Logger option needs ClassIDOrProgID;ConfigString, not "${raw}".`);
      cmd.loggers.push({ provider: provider.trim(), config });
      return;
    }
    case 'ConsoleLog':
      return applyConsoleLog(cmd, raw);
    case 'VLog':
      cmd.vlog = value === undefined || value === '' ? true : value;
      return;
    case 'Validate':
      cmd.validateOnly = true;
      return;
    case 'WarnAsError':
      cmd.warnAsError = true;
      return;
    case 'VerifyBuild': {
      const parts = splitParts(raw!, 3).map((p, i) => integer(p, `/VerifyBuild part ${i + 1}`));
      cmd.verifyBuild = { major: parts[0]!, minor: parts[1], build: parts[2] };
      return;
    }
    case 'VerifyPackageID':
      cmd.verifyPackageId = value!;
      return;
    case 'VerifySigned':
      cmd.verifySigned = true;
      return;
    case 'VerifyVersionID':
      cmd.verifyVersionId = value!;
      return;
    case 'Help':
      cmd.help = value ?? true;
      return;
    case 'Dump':
      cmd.dumpCodes.push(...splitParts(raw!, Number.POSITIVE_INFINITY).filter((c) => c !== ''));
      return;
    case 'DumpOnError':
      cmd.dumpOnError = true;
      return;
    case 'Sum':
      cmd.sum = true;
      return;
    case 'CallerInfo':
      cmd.callerInfo = value!;
      return;
    case 'EnvReference':
      cmd.environmentReference = value!;
      return;
    case 'Remark':
    case 'X86':
      // /Rem is a comment; /X86 is read only by SQL Server Agent and ignored on the command line.
      return;
  }
}

function applySet(cmd: DtexecCommand, raw: string, token: string): void {
  const [first, value] = splitParts(raw, 2);
  let path = first!.trim();
  let sensitive = false;
  if (/^\$Sensitive::/i.test(path)) {
    sensitive = true;
    path = path.slice('$Sensitive::'.length);
  }
  if (value === undefined || path === '') {
    throw commandLineError(`The ${token} option needs PropertyPath;Value, not "${raw}".`);
  }
  cmd.settings.push({ kind: 'set', path, value, sensitive });
}

function applyConnection(cmd: DtexecCommand, raw: string, token: string): void {
  const [connection, connectionString] = splitParts(raw, 2);
  if (connectionString === undefined || connection!.trim() === '') {
    throw commandLineError(`The ${token} option needs IDOrName;ConnectionString, not "${raw}".`);
  }
  cmd.settings.push({ kind: 'conn', connection: connection!.trim(), connectionString });
}

function applyParameter(cmd: DtexecCommand, raw: string, token: string): void {
  const [target, value] = splitParts(raw, 2);
  const m = /^\s*(?:\$(Package|Project|ServerOption)::)?([^()]+?)(?:\(([A-Za-z0-9]+)\))?\s*$/i.exec(target ?? '');
  if (!m || value === undefined) {
    throw commandLineError(`The ${token} option needs [$Package::|$Project::|$ServerOption::]name[(type)];value, not "${raw}".`);
  }
  const scope = (m[1] ?? 'Package').toLowerCase();
  cmd.parameters.push({
    scope: scope === 'project' ? 'Project' : scope === 'serveroption' ? 'ServerOption' : 'Package',
    name: m[2]!,
    type: m[3] ?? 'String',
    value,
  });
}

function applyReporting(cmd: DtexecCommand, raw: string): void {
  const [level, ...events] = splitParts(raw, Number.POSITIVE_INFINITY);
  const letters = level!.trim().toUpperCase();
  let levels: Set<ReportLevel>;
  if (letters === 'N') levels = new Set();
  else if (letters === 'V') levels = new Set(REPORT_LETTERS as Set<ReportLevel>);
  else {
    if (letters === '' || [...letters].some((c) => !REPORT_LETTERS.has(c))) {
      throw commandLineError(`The reporting level "${level}" is not valid: use N or V alone, or any of E, W, I, C, D and P.`);
    }
    levels = new Set([...letters] as ReportLevel[]);
  }
  cmd.reporting = { levels, excluded: events.filter((e) => e !== '') };
}

const COLUMN_LETTERS = new Set(['N', 'C', 'O', 'S', 'G', 'X', 'M', 'T']);

function applyConsoleLog(cmd: DtexecCommand, raw: string | undefined): void {
  const log: ConsoleLog = cmd.consoleLog ?? { columns: new Set(), include: [], exclude: [] };
  cmd.consoleLog = log;
  const parts = raw === undefined ? [] : splitParts(raw, Number.POSITIVE_INFINITY);
  const display = (parts.shift() ?? '').trim().toUpperCase();
  if ([...display].some((c) => !COLUMN_LETTERS.has(c))) {
    throw commandLineError(`The /ConsoleLog display options "${display}" are not valid: use any of N, C, O, S, G, X, M and T.`);
  }
  // A bare /ConsoleLog resets the columns to all; display letters pick them (ssis-tooling §1.6).
  log.columns = new Set([...(display === '' ? COLUMN_LETTERS : display)]) as ConsoleLog['columns'];
  if (parts.length === 0) return;
  const listKind = parts.shift()!.trim().toUpperCase();
  if (listKind !== 'E' && listKind !== 'I') {
    throw commandLineError(`The /ConsoleLog list option "${listKind}" is not valid: use E (exclude) or I (include).`);
  }
  (listKind === 'I' ? log.include : log.exclude).push(...parts.filter((p) => p !== ''));
}
