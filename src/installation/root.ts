/** @module Where the side-by-side installation lives: `$OPENDTS_HOME`, else `~/.opendts`. */
import os from 'node:os';
import path from 'node:path';

/** The installation root named by the environment: `OPENDTS_HOME`, else `~/.opendts` (from `HOME`, else the OS home). */
export function resolveRoot(env: Readonly<Record<string, string | undefined>>): string {
  const home = env.OPENDTS_HOME;
  if (home !== undefined && home !== '') return path.resolve(home);
  const userHome = env.HOME !== undefined && env.HOME !== '' ? env.HOME : os.homedir();
  return path.join(userHome, '.opendts');
}
