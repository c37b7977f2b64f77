/** @module `opendts instance`. */
import type { CliIo } from '../io.ts';
import { notSupported } from '../not-supported.ts';

export async function run(_args: string[], io: CliIo): Promise<number> {
  return notSupported(io, 'opendts instance');
}
