/** @module The one answer of a command or feature that is not built yet: a clear message naming it and a non-zero exit code. */
import type { CliIo } from './io.ts';

/** Says that `feature` is not supported yet and returns the exit code 1. */
export function notSupported(io: CliIo, feature: string): number {
  io.err(`${feature} is not supported yet by OpenDTS.`);
  return 1;
}
