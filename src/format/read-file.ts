/** @module Reading a package from a file, with a missing or unreadable file reported as an SsisError. */
import { readFileSync } from 'node:fs';
import { SsisError, errorMessage } from '../errors.ts';
import type { Package } from '../package/index.ts';
import { readPackage, type ReadOptions } from './read/read-package.ts';

/** Reads and loads the package in `path` (see {@link readPackage}). */
export function readPackageFile(path: string, opts: Omit<ReadOptions, 'fileName'> = {}): Package {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SsisError('0xC0011002', 'DTS_E_OPENPACKAGEFILE', `Failed to open package file "${path}": ${errorMessage(e)}`, { location: { file: path } });
  }
  return readPackage(bytes, { ...opts, fileName: path });
}

/** The lines a command prints for an error: the error itself, then each detail. Never a stack trace. */
export function errorLines(error: unknown): string[] {
  if (error instanceof SsisError) return [error.format(), ...error.details.map((d) => `  ${d.format()}`)];
  return [`Error: ${errorMessage(error)}`];
}
