/** @module `opendts install [--root DIR]`: lays out the 2008, 2012 and 2014 installations side by side. */
import path from 'node:path';
import type { CliIo } from '../io.ts';
import { installRoot, resolveRoot } from '../../installation/index.ts';
import { errorMessage } from '../../errors.ts';

const USAGE = 'Usage: opendts install [--root DIR]   (default: $OPENDTS_HOME, else ~/.opendts)';

/** Runs `opendts install`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let root: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (a === '--root' && i + 1 < args.length) root = path.resolve(io.cwd, args[++i]!);
    else if (a.startsWith('--root=')) root = path.resolve(io.cwd, a.slice('--root='.length));
    else {
      io.err(`opendts install: unexpected argument "${a}".`);
      io.err(USAGE);
      return 1;
    }
  }
  const target = root ?? resolveRoot(io.env);
  try {
    for (const r of installRoot(target)) {
      const inst = r.installation;
      io.out(`${inst.version.productName} (${inst.version.folder}): ${inst.home}`);
      io.out(`  tools          ${inst.binn}/{dtexec,dtutil}`);
      io.out(`  package store  ${inst.packages}`);
      io.out(`  service config ${inst.serviceConfigFile}${r.kept.includes(inst.serviceConfigFile) ? ' (kept)' : ''}`);
      io.out(`  settings       ${inst.settingsFile}${r.kept.includes(inst.settingsFile) ? ' (kept)' : ''}`);
    }
  } catch (error) {
    io.err(`opendts install: ${errorMessage(error)}`);
    return 1;
  }
  io.out(`Installed under ${target}.`);
  return 0;
}
