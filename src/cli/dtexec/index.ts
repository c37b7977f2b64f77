/** @module The `dtexec` command: runs a package as SSIS's dtexec of the version in force. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SsisError, errorMessage } from '../../errors.ts';
import { versionOfYear, resolveToolYear, type ProductVersion } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';
import { banner, formatBlock, resultLine, timingLines, type BlockKind } from './console.ts';
import { parseDtexecArgs } from './parse-args.ts';
import type { DtexecCommand } from './command.ts';
import { helpText } from './help.ts';
import { runPackageFile } from './run-package.ts';

/** Exit codes (ssis-tooling §1.7). */
export const EXIT = { success: 0, failure: 1, canceled: 3, notFound: 4, cannotLoad: 5, commandLine: 6 } as const;

/** Prints an SsisError as one dtexec message block. */
export function printBlock(io: CliIo, kind: BlockKind, source: string, error: { code?: string; message: string }): void {
  for (const line of formatBlock({ kind, time: new Date(), code: error.code, source, description: error.message })) io.out(line);
}

function toolVersion(io: CliIo): ProductVersion {
  return versionOfYear(resolveToolYear({ pinned: io.env['OPENDTS_PINNED_VERSION'], env: io.env['OPENDTS_PRODUCT_VERSION'] }));
}

/** Runs dtexec with its arguments; returns its exit code. */
export async function runDtexec(args: string[], io: CliIo): Promise<number> {
  let version: ProductVersion;
  try {
    version = toolVersion(io);
  } catch (error) {
    io.err(errorMessage(error));
    return EXIT.commandLine;
  }
  for (const line of banner(version)) io.out(line);
  let cmd: DtexecCommand;
  try {
    cmd = parseDtexecArgs(args, { features: version.features, readCommandFile: (p) => readFileSync(resolve(io.cwd, p), 'utf8') });
  } catch (error) {
    io.out(error instanceof SsisError ? error.message : errorMessage(error));
    return EXIT.commandLine;
  }
  if (cmd.help !== undefined) {
    for (const line of helpText(version, cmd.help)) io.out(line);
    return EXIT.success;
  }
  if (!cmd.source) {
    io.out('At least one of the DTS, SQL, ISServer, Project or File options must be specified.');
    return EXIT.commandLine;
  }
  const started = new Date();
  io.out(`Started:  ${timingLines(started, started)[0]!.slice('Started:  '.length)}`);
  const code = await runPackageFile(cmd, version, io);
  const finished = new Date();
  if (code.result !== undefined) io.out(resultLine(code.result));
  for (const line of timingLines(started, finished)) io.out(line);
  return code.exit;
}
