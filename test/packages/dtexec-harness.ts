// Runs dtexec in-process for the package tests and normalizes its console output.
import { runTool } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';

/** Runs dtexec in-process as the given version's tool, from this folder. */
export async function dtexec(args: string[], year: number, env: Record<string, string> = {}): Promise<{ code: number; out: string[] }> {
  const io = memoryIo({ OPENDTS_PRODUCT_VERSION: String(year), ...env }, import.meta.dirname);
  const code = await runTool('dtexec', args, io);
  return { code, out: io.stdout };
}

/** The console output without the banner, with what changes between runs (times, durations, a temp folder) replaced. */
export function normalize(lines: string[], tmp: string): string {
  return lines
    .slice(4)
    .join('\n')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d/g, '<stamp>')
    .replace(/\d{1,2}:\d\d:\d\d [AP]M/g, '<time>')
    .replace(/Elapsed: {2}[\d.]+ seconds/g, 'Elapsed:  <n> seconds')
    .split(tmp).join('<tmp>') + '\n';
}
