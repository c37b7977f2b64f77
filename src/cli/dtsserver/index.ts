/** @module The `dtsserver` command: the Integration Services service of the version in force. */
import type { CliIo } from '../io.ts';
import { notSupported } from '../not-supported.ts';

export async function runDtsserver(_args: string[], io: CliIo): Promise<number> {
  return notSupported(io, 'dtsserver');
}
