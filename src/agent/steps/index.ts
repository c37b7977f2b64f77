/** @module The step kinds by `sysjobsteps.subsystem`. */
import { Subsystem } from '../codes.ts';
import { cmdExecStep } from './cmdexec-step.ts';
import { ssisStep } from './ssis-step.ts';
import { sqlStep } from './sql-step.ts';
import { stepMessage, type StepKind } from './step-result.ts';

export type { StepKind, StepContext, StepResult } from './step-result.ts';
export { DTEXEC_SCRIPT } from './ssis-step.ts';

const KINDS: Record<string, StepKind> = {
  [Subsystem.Ssis.toLowerCase()]: ssisStep,
  [Subsystem.CmdExec.toLowerCase()]: cmdExecStep,
  [Subsystem.TSql.toLowerCase()]: sqlStep,
};

/** The step kind of a subsystem; other subsystems (PowerShell, ActiveScripting, …) fail with a clear message. */
export function stepKindOf(subsystem: string): StepKind {
  return (
    KINDS[subsystem.toLowerCase()] ??
    (async (ctx) => {
      const message = `The ${subsystem} subsystem is not supported yet by OpenDTS (use SSIS, CmdExec or TSQL).`;
      return { succeeded: false, output: message, message: stepMessage(ctx.user, message, 'The step failed.') };
    })
  );
}
