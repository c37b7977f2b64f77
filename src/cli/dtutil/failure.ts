/** @module dtutil's exit codes and the failure that carries one. */

/** dtutil's exit codes (reference §2.3). */
export const EXIT = { success: 0, failure: 1, notFound: 4, cannotLoad: 5, syntax: 6 } as const;

/** A failure with the exit code dtutil returns for it. */
export class DtutilFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}
