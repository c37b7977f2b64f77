/** @module The operating system (CmdExec) step: the command runs through /bin/sh; success is the step's `cmdexec_success_code`. */
import { runChild } from './child-process.ts';
import { flatten, stepMessage, type StepKind } from './step-result.ts';

/** Runs a CmdExec step. */
export const cmdExecStep: StepKind = async (ctx) => {
  const r = await runChild('/bin/sh', ['-c', ctx.step.command ?? ''], { cwd: ctx.cwd, env: ctx.env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  const succeeded = r.error === undefined && r.exitCode === ctx.step.cmdexec_success_code;
  const problem = r.error !== undefined ? `The process could not run: ${r.error}.` : '';
  return {
    succeeded,
    output: r.output,
    message: stepMessage(ctx.user, flatten(r.output) || 'The step did not generate any output.', problem, `Process Exit Code ${r.exitCode}.`, `The step ${succeeded ? 'succeeded' : 'failed'}.`),
  };
};
