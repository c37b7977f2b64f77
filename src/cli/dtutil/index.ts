/** @module The `dtutil` command: copies, moves, deletes and checks packages in the stores. */
import type { CliIo } from '../io.ts';
import { notSupported } from '../not-supported.ts';

export async function runDtutil(_args: string[], io: CliIo): Promise<number> {
  return notSupported(io, 'dtutil');
}
