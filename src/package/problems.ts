/** @module Upgrade problems: what kept a package from being lifted cleanly into the current model, and the rule that such a package cannot run. */
import { SsisError } from '../errors.ts';
import type { Package } from './package.ts';

/** One problem found while reading or upgrading a package. */
export interface UpgradeProblem {
  /** What went wrong, in words a user can act on. */
  readonly message: string;
  /** The refId (or element path) of the object concerned. */
  readonly where: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Throws `DTS_E_PACKAGEMIGRATIONFAILED` (0xC0016020) listing every problem when the package's upgrade met
 * problems; a package in that state can be inspected but not run.
 */
export function assertRunnable(pkg: Package): void {
  if (pkg.problems.length === 0) return;
  const file = pkg.fileName;
  const details = pkg.problems.map(
    (p) =>
      new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `${p.where}: ${p.message}`, {
        location: { file, line: p.line, column: p.column },
      }),
  );
  const list = `${pkg.problems.length} problem(s) must be fixed before the package can run: ${pkg.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`;
  // SSIS's message names the migration; a package read in its own format has nothing migrated, only broken parts.
  const message = pkg.sourceFormat === pkg.formatVersion
    ? `The package cannot be loaded for running: ${list}.`
    : `Package migration from version ${pkg.sourceFormat} to version ${pkg.formatVersion} failed with error 0xC0016020 "${list}".`;
  throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', message, { location: { file }, details });
}
