/** @module The SSIS package step: `bin/dtexec.js` runs as a child process with the step's dtexec options (`/F`, `/SQL`, `/DTS`, `/SET`, `/CONN`, `/CONF`, `/DE`, `/REP`…), pinned to the Agent's product version, so packages of older formats are upgraded in memory exactly as dtexec does. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenizeCommandText } from '../../cli/dtexec/split-parts.ts';
import { runChild } from './child-process.ts';
import { flatten, stepMessage, type StepKind } from './step-result.ts';

/** The dtexec launcher of this installation of OpenDTS. */
export const DTEXEC_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'dtexec.js');

/**
 * Splits a step's command into dtexec's arguments. Quotes are kept for dtexec's own parser (a
 * `/SET` value may hold `;` inside them). SQL Server 2012 and later write job step commands with
 * escaped inner quotes (`/FILE "\"C:\pkg.dtsx\""`, `/SET "\"\Package.Variables[User::V].Value\"";"\"1\""`);
 * those escapes are read as one level of quoting, as the Agent's SSIS subsystem does.
 */
export function dtexecArgs(command: string): string[] {
  return tokenizeCommandText(command.replace(/"\\"/g, '"').replace(/\\""/g, '"'));
}

/** Runs an SSIS step; the step's command is dtexec's command line without `dtexec` itself. */
export const ssisStep: StepKind = async (ctx) => {
  const args = dtexecArgs(ctx.step.command ?? '');
  const r = await runChild(process.execPath, [DTEXEC_SCRIPT, ...args], {
    cwd: ctx.cwd,
    env: { ...ctx.env, OPENDTS_PINNED_VERSION: String(ctx.productYear) },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const succeeded = r.error === undefined && r.exitCode === 0;
  const problem = r.error !== undefined ? `dtexec could not run: ${r.error}.` : '';
  return {
    succeeded,
    output: r.output,
    // Agent's closing words: "The package execution failed.  The step failed." (seen in real job
    // history); the success wording "The package executed successfully." is from memory.
    message: stepMessage(ctx.user, flatten(r.output), problem, succeeded ? 'The package executed successfully.' : 'The package execution failed.', `The step ${succeeded ? 'succeeded' : 'failed'}.`),
  };
};
