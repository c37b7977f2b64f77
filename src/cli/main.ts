/** @module Entry point of every command: picks the tool, runs it, and turns the result into the process's exit code. */
import { processIo, type CliIo } from './io.ts';

/** The commands OpenDTS installs. */
export type ToolName = 'dtexec' | 'dtutil' | 'dtsserver' | 'opendts';

type Runner = (args: string[], io: CliIo) => Promise<number>;

const TOOLS: Record<ToolName, () => Promise<Runner>> = {
  dtexec: async () => (await import('./dtexec/index.ts')).runDtexec,
  dtutil: async () => (await import('./dtutil/index.ts')).runDtutil,
  dtsserver: async () => (await import('./dtsserver/index.ts')).runDtsserver,
  opendts: async () => (await import('./opendts/index.ts')).runOpendts,
};

/** Runs a tool in-process and returns its exit code. */
export async function runTool(tool: ToolName, args: string[], io: CliIo): Promise<number> {
  const run = await TOOLS[tool]();
  return run(args, io);
}

/** Runs a tool as the process: Ctrl-C raises the abort signal, the exit code becomes the process's. */
export async function runProcess(tool: ToolName, args: string[]): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    process.exitCode = await runTool(tool, args, processIo(controller.signal));
  } catch (error) {
    process.stderr.write(`${tool}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
