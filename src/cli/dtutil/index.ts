/** @module The `dtutil` command: copies, moves, deletes and checks packages in the stores, and manages their folders, as the dtutil of the version in force. */
import type { CliIo } from '../io.ts';
import { resolveRoot } from '../../installation/index.ts';
import { isSsisError, errorMessage } from '../../errors.ts';
import { resolveToolYear, versionOfYear, type ToolYear } from '../../versions/index.ts';
import { msdbErrorNumber } from '../../store/index.ts';
import { dtutilBanner } from './console.ts';
import { parseDtutilArgs } from './parse.ts';
import { printHelp } from './help.ts';
import { runPackageAction } from './package-actions.ts';
import { runFolderAction } from './folder-actions.ts';
import { DtutilFailure, EXIT } from './failure.ts';

export { parseDtutilArgs, type ParseResult } from './parse.ts';
export type { DtutilCommand, DtutilAction, StoreKind } from './command.ts';
export { EXIT as DTUTIL_EXIT } from './failure.ts';

const FOLDER_ACTIONS = new Set(['FCREATE', 'FDELETE', 'FDIRECTORY', 'FEXISTS', 'FRENAME']);

/** Takes OpenDTS's `--product-version X` out of the arguments. */
function productVersionFlag(args: string[]): { rest: string[]; flag?: string } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--product-version') flag = args[++i] ?? '';
    else if (a.startsWith('--product-version=')) flag = a.slice('--product-version='.length);
    else rest.push(a);
  }
  return { rest, ...(flag !== undefined ? { flag } : {}) };
}

function printError(io: CliIo, error: unknown): void {
  if (isSsisError(error)) {
    const n = msdbErrorNumber(error);
    io.err(n === undefined ? error.format() : `Error: SQL Server error ${n}: ${error.message}`);
    for (const d of error.details) io.err(`   ${d.format()}`);
  } else io.err(`Error: ${errorMessage(error)}`);
}

/** Exit code for an error thrown outside the explicit failures: a missing package or folder is 4, the rest 1. */
function exitCodeOf(error: unknown): number {
  if (error instanceof DtutilFailure) return error.exitCode;
  if (isSsisError(error) && error.symbol === 'DTS_E_PACKAGENOTFOUND') return EXIT.notFound;
  return EXIT.failure;
}

/** Runs dtutil. */
export async function runDtutil(args: string[], io: CliIo): Promise<number> {
  const { rest, flag } = productVersionFlag(args);
  let year: ToolYear;
  try {
    year = resolveToolYear({ pinned: io.env.OPENDTS_PINNED_VERSION, flag, env: io.env.OPENDTS_PRODUCT_VERSION });
  } catch (error) {
    io.err(errorMessage(error));
    return EXIT.syntax;
  }
  for (const line of dtutilBanner(versionOfYear(year))) io.out(line);
  const parsed = parseDtutilArgs(rest);
  if (!parsed.ok) {
    io.err(parsed.message);
    io.err('Use /? to list the options.');
    return EXIT.syntax;
  }
  const cmd = parsed.command;
  if (cmd.help !== undefined) return printHelp(io, cmd.help) ? EXIT.success : EXIT.syntax;
  const ctx = { io, root: resolveRoot(io.env), year };
  try {
    const action = cmd.action!;
    if (action.kind === 'DUMP') {
      io.err('/Dump (debug dump files of a running dtexec) is not supported by OpenDTS.');
      return EXIT.failure;
    }
    return FOLDER_ACTIONS.has(action.kind) ? await runFolderAction(ctx, cmd, action) : await runPackageAction(ctx, cmd, action);
  } catch (error) {
    printError(io, error instanceof DtutilFailure ? error.error : error);
    return exitCodeOf(error);
  }
}
