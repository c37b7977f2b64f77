/** @module The `dtexec`, `dtutil` and `dtsserver` launchers of `DTS/Binn`: shell scripts that run OpenDTS pinned to one version. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolYear } from '../versions/index.ts';

/** The tools every version's `Binn` folder holds. */
export const LAUNCHED_TOOLS = ['dtexec', 'dtutil', 'dtsserver'] as const;

/** The repository (or installed package) root holding `bin/`. */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The text of the launcher of `tool` pinned to `year`: it execs `bin/<tool>.js` with
 * `OPENDTS_PINNED_VERSION`, and `OPENDTS_HOME` set to the installation root it belongs to.
 */
export function launcherScript(tool: (typeof LAUNCHED_TOOLS)[number], year: ToolYear, opts: { node?: string; root?: string; home?: string } = {}): string {
  const node = opts.node ?? process.execPath;
  const script = path.join(opts.root ?? packageRoot(), 'bin', `${tool}.js`);
  return [
    '#!/bin/sh',
    `# OpenDTS ${tool}, pinned to SQL Server ${year}. Written by "opendts install"; re-running it rewrites this file.`,
    `OPENDTS_PINNED_VERSION=${year}`,
    'export OPENDTS_PINNED_VERSION',
    ...(opts.home ? [`OPENDTS_HOME=${shellQuote(opts.home)}`, 'export OPENDTS_HOME'] : []),
    `exec ${shellQuote(node)} ${shellQuote(script)} "$@"`,
    '',
  ].join('\n');
}
