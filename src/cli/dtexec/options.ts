/** @module The table of dtexec's options: full name, the short form it may be cut to, its argument, and the version it exists from. */
import type { VersionFeatures } from '../../versions/index.ts';

/** How an option takes its argument. */
export type Arity = 'none' | 'optional' | 'required';

/** One dtexec option as its help screen lists it. */
export interface OptionSpec {
  /** The full name as printed in the help, e.g. `Connection`. */
  readonly name: string;
  /** The shortest accepted form, e.g. `Conn`: any prefix of the name at least this long matches. */
  readonly short: string;
  readonly arity: Arity;
  /** The argument's description in the help screen. */
  readonly argHelp: string;
  /** The version feature the option needs (the 2012 options need the project deployment model). */
  readonly needs?: keyof VersionFeatures;
  /** For `optional` options: which following arguments count as its value. */
  readonly accepts?: (value: string) => boolean;
}

const ON_OFF = (v: string) => /^(on|off)$/i.test(v);
const RESTART = (v: string) => /^(deny|force|ifpossible)$/i.test(v);

/** Every option of dtexec, in the order of its help screen. */
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'CallerInfo', short: 'Ca', arity: 'required', argHelp: '', needs: 'projectDeployment' },
  { name: 'CheckFile', short: 'CheckF', arity: 'optional', argHelp: '[Filespec]' },
  { name: 'Checkpointing', short: 'Checkp', arity: 'optional', argHelp: '[{On | Off}] (On is the default)', accepts: ON_OFF },
  { name: 'CommandFile', short: 'Com', arity: 'required', argHelp: 'Filespec' },
  { name: 'ConfigFile', short: 'Conf', arity: 'required', argHelp: 'Filespec' },
  { name: 'Connection', short: 'Conn', arity: 'required', argHelp: 'IDOrName;ConnectionString' },
  { name: 'ConsoleLog', short: 'Cons', arity: 'optional', argHelp: '[[DispOpts];[{E | I};List]]' },
  { name: 'Decrypt', short: 'De', arity: 'required', argHelp: 'Password' },
  { name: 'DTS', short: 'DT', arity: 'required', argHelp: 'PackagePath' },
  { name: 'Dump', short: 'Dump', arity: 'required', argHelp: 'code[;code[;code[;...]]]' },
  { name: 'DumpOnError', short: 'DumpOnErr', arity: 'none', argHelp: '' },
  { name: 'EnvReference', short: 'Env', arity: 'required', argHelp: 'id of an Environment in the SSIS catalog', needs: 'projectDeployment' },
  { name: 'File', short: 'F', arity: 'required', argHelp: 'Filespec' },
  { name: 'Help', short: 'H', arity: 'optional', argHelp: '[Option]' },
  { name: 'ISServer', short: 'IS', arity: 'required', argHelp: 'Full path to the package in the SSIS catalog', needs: 'projectDeployment' },
  { name: 'Logger', short: 'L', arity: 'required', argHelp: 'ClassIDOrProgID;ConfigString' },
  { name: 'MaxConcurrent', short: 'M', arity: 'required', argHelp: 'ConcurrentExecutables' },
  { name: 'Package', short: 'Pack', arity: 'required', argHelp: 'Package to run inside of the project', needs: 'projectDeployment' },
  { name: 'Parameter', short: 'Par', arity: 'required', argHelp: '[$Package::|$Project::|$ServerOption::]parameter_name[(data_type)];literal_value', needs: 'parameters' },
  { name: 'Password', short: 'P', arity: 'required', argHelp: 'Password' },
  { name: 'Project', short: 'Proj', arity: 'required', argHelp: 'Project file to use', needs: 'projectDeployment' },
  { name: 'Remark', short: 'Rem', arity: 'optional', argHelp: '[Text]' },
  { name: 'Reporting', short: 'Rep', arity: 'required', argHelp: 'Level[;EventGUIDOrName[;EventGUIDOrName[...]]' },
  { name: 'Restart', short: 'Res', arity: 'optional', argHelp: '[{Deny | Force | IfPossible}] (Force is the default)', accepts: RESTART },
  { name: 'Set', short: 'Set', arity: 'required', argHelp: 'PropertyPath;Value' },
  { name: 'Server', short: 'Ser', arity: 'required', argHelp: 'ServerInstance' },
  { name: 'SQL', short: 'SQ', arity: 'required', argHelp: 'PackagePath' },
  { name: 'Sum', short: 'Su', arity: 'none', argHelp: '' },
  { name: 'User', short: 'U', arity: 'required', argHelp: 'User name' },
  { name: 'Validate', short: 'Va', arity: 'none', argHelp: '' },
  { name: 'VerifyBuild', short: 'VerifyB', arity: 'required', argHelp: 'Major[;Minor[;Build]]' },
  { name: 'VerifyPackageID', short: 'VerifyP', arity: 'required', argHelp: 'PackageID' },
  { name: 'VerifySigned', short: 'VerifyS', arity: 'none', argHelp: '' },
  { name: 'VerifyVersionID', short: 'VerifyV', arity: 'required', argHelp: 'VersionID' },
  { name: 'VLog', short: 'VLog', arity: 'optional', argHelp: '[Filespec]' },
  { name: 'WarnAsError', short: 'W', arity: 'none', argHelp: '' },
  { name: 'X86', short: 'X86', arity: 'none', argHelp: '' },
];

/**
 * Finds the option a switch names (without its `/` or `-`), case-insensitively: the switch must be
 * a prefix of the full name at least as long as the short form. Options that the version in force
 * does not have are not found.
 */
export function findOption(word: string, features: VersionFeatures): OptionSpec | undefined {
  const w = word.toLowerCase();
  if (w === '?') return OPTIONS.find((o) => o.name === 'Help');
  return OPTIONS.find(
    (o) =>
      w.length >= o.short.length &&
      o.name.toLowerCase().startsWith(w) &&
      (o.needs === undefined || features[o.needs]),
  );
}

/** The help screen's form of an option: `/Conn[ection]`. */
export function helpName(o: OptionSpec): string {
  return o.short.length === o.name.length ? `/${o.name}` : `/${o.short}[${o.name.slice(o.short.length)}]`;
}
