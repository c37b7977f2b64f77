/** @module What a dtexec command line asks for, once parsed: the package source and every setting, in command-line order where order matters. */

/** Where the package comes from. */
export type PackageSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'sql'; readonly path: string }
  | { readonly kind: 'dts'; readonly path: string }
  | { readonly kind: 'isserver'; readonly path: string }
  | { readonly kind: 'project'; readonly path: string };

/** A `/Set`, `/Conn` or `/ConfigFile`: applied together, in command-line order (ssis-tooling §1.2). */
export type CommandLineSetting =
  | { readonly kind: 'set'; readonly path: string; readonly value: string; readonly sensitive: boolean }
  | { readonly kind: 'conn'; readonly connection: string; readonly connectionString: string }
  | { readonly kind: 'configFile'; readonly file: string };

/** A `/Par` value. */
export interface ParameterSetting {
  readonly scope: 'Package' | 'Project' | 'ServerOption';
  readonly name: string;
  /** The CLR TypeCode name given in parentheses, e.g. `Int32`; String when absent. */
  readonly type: string;
  readonly value: string;
}

/** The event classes `/Rep` selects. */
export type ReportLevel = 'E' | 'W' | 'I' | 'C' | 'D' | 'P';

/** `/Rep`: which messages reach the console. */
export interface Reporting {
  readonly levels: ReadonlySet<ReportLevel>;
  /** Event names or GUIDs excluded from reporting. */
  readonly excluded: readonly string[];
}

/** `/ConsoleLog`: log entries echoed to the console. */
export interface ConsoleLog {
  /** Columns: N name, C computer, O operator, S source name, G source GUID, X execution GUID, M message, T times. */
  columns: Set<'N' | 'C' | 'O' | 'S' | 'G' | 'X' | 'M' | 'T'>;
  include: string[];
  exclude: string[];
}

/** A `/Logger` log provider added for the run. */
export interface LoggerSetting {
  readonly provider: string;
  readonly config: string;
}

/** Everything one dtexec command line asks for. */
export interface DtexecCommand {
  source?: PackageSource;
  /** `/Pack`: the package inside `/Proj`. */
  packageName?: string;
  server?: string;
  user?: string;
  password?: string;
  decrypt?: string;
  settings: CommandLineSetting[];
  parameters: ParameterSetting[];
  /** `/Checkp`: true = SaveCheckpoints + CheckpointUsage Always. */
  checkpointing?: boolean;
  /** `/CheckF`: the checkpoint file ('' when given without a value). */
  checkpointFile?: string;
  /** `/Res`: the CheckpointUsage it sets. */
  restart?: 'Never' | 'Always' | 'IfExists';
  maxConcurrent?: number;
  reporting: Reporting;
  loggers: LoggerSetting[];
  consoleLog?: ConsoleLog;
  /** `/VLog`: true, or the file of an extra text log. */
  vlog?: true | string;
  validateOnly: boolean;
  warnAsError: boolean;
  verifyBuild?: { major: number; minor?: number; build?: number };
  verifyPackageId?: string;
  verifySigned: boolean;
  verifyVersionId?: string;
  /** `/H`: true, or the option asked about. */
  help?: true | string;
  dumpCodes: string[];
  dumpOnError: boolean;
  sum: boolean;
  callerInfo?: string;
  environmentReference?: string;
}

/** A command line with nothing set: the defaults of dtexec (`/Rep EWP`). */
export function emptyCommand(): DtexecCommand {
  return {
    settings: [],
    parameters: [],
    reporting: { levels: new Set<ReportLevel>(['E', 'W', 'P']), excluded: [] },
    loggers: [],
    validateOnly: false,
    warnAsError: false,
    verifySigned: false,
    dumpCodes: [],
    dumpOnError: false,
    sum: false,
  };
}
