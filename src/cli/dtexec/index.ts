/** @module The `dtexec` command: runs a package as SSIS's dtexec of the version in force. */
import type { CliIo } from '../io.ts';
import { notSupported } from '../not-supported.ts';

export async function runDtexec(_args: string[], io: CliIo): Promise<number> {
  return notSupported(io, 'dtexec');
}
