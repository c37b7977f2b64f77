/** @module What evaluation needs from the outside world besides variables and columns: the clock. */

/** The environment of one evaluation: the clock used by GETDATE(), GETUTCDATE() and time-to-date conversions. */
export interface RuntimeEnv {
  now(): Date;
}

/** The real clock. */
export const systemEnv: RuntimeEnv = { now: () => new Date() };
