/** @module What a job step hands back to the job runner, and what every step kind receives. */
import type { StepRow } from '../model.ts';

/** The outcome of one attempt at a step. */
export interface StepResult {
  readonly succeeded: boolean;
  /** The history message (Agent's wording: "Executed as user: … The step failed."). */
  readonly message: string;
  /** The full text the step printed, for its output file. */
  readonly output: string;
}

/** What a step kind needs to run. */
export interface StepContext {
  readonly step: StepRow;
  /** The folder relative paths resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user the step runs as, for "Executed as user: …". */
  readonly user: string;
  /** The product version the Agent acts as (dtexec is pinned to it), e.g. 2014. */
  readonly productYear: number;
  readonly signal?: AbortSignal;
}

/** A step kind: runs one attempt. */
export type StepKind = (ctx: StepContext) => Promise<StepResult>;

/** A step's history message: "Executed as user: U." then the non-empty parts, two spaces apart, as Agent writes them. */
export function stepMessage(user: string, ...parts: string[]): string {
  return `Executed as user: ${user}. ${parts.filter((p) => p !== '').join('  ')}`;
}

/** Agent keeps step output in history with its line breaks turned into spaces. */
export function flatten(output: string): string {
  return output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('  ');
}
