/** @module Runs one job as Agent does: from its start step, each step with its retries, following on-success / on-failure actions, writing a history row per step and the job outcome row (step_id 0), the output files, and the operator's e-mail. */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../errors.ts';
import type { AgentStore } from './agent-store.ts';
import type { Clock } from './clock.ts';
import { NotifyLevel, RunStatus, StepAction, StepFlags } from './codes.ts';
import type { JobRow, StepRow } from './model.ts';
import type { Mailer } from './notify.ts';
import { stepKindOf, type StepKind, type StepResult } from './steps/index.ts';
import { stepMessage } from './steps/step-result.ts';
import { formatWall, toAgentDate, toAgentDuration, toAgentTime, wallOf } from './wall-time.ts';

/** sysjobhistory.message is nvarchar(4000). */
const MESSAGE_LIMIT = 4000;
/** A job that jumps between steps more often than this is stopped (Agent has no such limit; OpenDTS refuses endless loops). */
const MAX_STEP_RUNS = 1000;

/** What a job run needs besides the job. */
export interface JobRunOptions {
  readonly store: AgentStore;
  readonly clock: Clock;
  readonly sessionId: number;
  /** The instance name written to `sysjobhistory.server`. */
  readonly server: string;
  /** Who asked: "Schedule 3 (nightly)", "User opendts", "the Agent starting". */
  readonly invokedBy: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly user: string;
  readonly productYear: number;
  readonly mailer?: Mailer;
  readonly signal?: AbortSignal;
  /** Replaces the step kinds (tests). */
  readonly stepKind?: (subsystem: string) => StepKind;
}

/** How a job run ended. */
export interface JobRunResult {
  readonly succeeded: boolean;
  /** The `instance_id` of the job outcome row. */
  readonly historyId: number;
  readonly message: string;
}

function limit(message: string): string {
  return message.length <= MESSAGE_LIMIT ? message : message.slice(0, MESSAGE_LIMIT - 3) + '...';
}

function writeOutputFile(o: JobRunOptions, job: JobRow, step: StepRow, began: Date, result: StepResult, append: boolean): string | undefined {
  if (!step.output_file_name) return undefined;
  const file = path.resolve(o.cwd, step.output_file_name);
  const header = `Job '${job.name}' : Step ${step.step_id}, '${step.step_name}' : Began Executing ${formatWall(wallOf(began))}\n\n`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    (append ? fs.appendFileSync : fs.writeFileSync)(file, header + result.output + (result.output.endsWith('\n') ? '' : '\n'));
    return undefined;
  } catch (error) {
    return `  Warning: cannot write the output file "${file}": ${errorMessage(error)}.`;
  }
}

/** Runs one step with its retries; writes its history rows; returns whether it succeeded. */
async function runStep(o: JobRunOptions, job: JobRow, step: StepRow): Promise<boolean> {
  const kind = (o.stepKind ?? stepKindOf)(step.subsystem);
  for (let attempt = 0; ; attempt++) {
    const began = o.clock.now();
    let result: StepResult;
    try {
      result = await kind({ step, cwd: o.cwd, env: o.env, user: o.user, productYear: o.productYear, ...(o.signal ? { signal: o.signal } : {}) });
    } catch (error) {
      result = { succeeded: false, output: errorMessage(error), message: stepMessage(o.user, errorMessage(error), 'The step failed.') };
    }
    const ended = o.clock.now();
    const warning = writeOutputFile(o, job, step, began, result, attempt > 0 || (step.flags & StepFlags.AppendOutputFile) !== 0);
    const retrying = !result.succeeded && attempt < step.retry_attempts && !o.signal?.aborted;
    const status = result.succeeded ? RunStatus.Succeeded : retrying ? RunStatus.Retry : RunStatus.Failed;
    const duration = toAgentDuration(ended.getTime() - began.getTime());
    await o.store.recordStep(o.sessionId, {
      job_id: job.job_id,
      step_id: step.step_id,
      step_name: step.step_name,
      message: limit(result.message + (warning ?? '')),
      run_status: status,
      run_date: toAgentDate(wallOf(began)),
      run_time: toAgentTime(wallOf(began)),
      run_duration: duration,
      retries_attempted: attempt,
      server: o.server,
      ...(result.succeeded ? {} : { sql_severity: 0 }),
    });
    if (!retrying) return result.succeeded;
    // retry_interval is in minutes, as in sysjobsteps.
    await o.clock.sleep(step.retry_interval * 60_000, o.signal);
  }
}

/** The step the flow goes to next, or a final outcome. */
function nextMove(step: StepRow, succeeded: boolean, steps: StepRow[]): { quit: boolean; succeeded: boolean; next?: StepRow; why?: string } {
  const action = succeeded ? step.on_success_action : step.on_fail_action;
  const target = succeeded ? step.on_success_step_id : step.on_fail_step_id;
  switch (action) {
    case StepAction.QuitWithSuccess:
      return { quit: true, succeeded: true };
    case StepAction.QuitWithFailure:
      return { quit: true, succeeded: false };
    case StepAction.GoToStep: {
      const next = steps.find((s) => s.step_id === target);
      return next ? { quit: false, succeeded, next } : { quit: true, succeeded: false, why: `  Step ${target} (the "go to step" of step ${step.step_id}) does not exist.` };
    }
    default: {
      const next = steps.find((s) => s.step_id > step.step_id);
      // "Go to the next step" after the last step ends the job with that step's outcome.
      return next ? { quit: false, succeeded, next } : { quit: true, succeeded };
    }
  }
}

/** Mails the operator when `notify_level_email` asks for it; returns the operator id mailed, or a note on failure. */
async function notify(o: JobRunOptions, job: JobRow, succeeded: boolean, message: string): Promise<{ emailed: number; note: string }> {
  const level = job.notify_level_email;
  const wanted = level === NotifyLevel.Always || (level === NotifyLevel.OnFailure && !succeeded) || (level === NotifyLevel.OnSuccess && succeeded);
  if (!wanted || job.notify_email_operator_id === 0) return { emailed: 0, note: '' };
  const operator = await o.store.findOperator(job.notify_email_operator_id);
  if (!operator || !operator.enabled || !operator.email_address) return { emailed: 0, note: `  NOTE: Failed to notify operator ${job.notify_email_operator_id} via email (no enabled operator with an e-mail address).` };
  if (!o.mailer) return { emailed: 0, note: `  NOTE: Failed to notify '${operator.name}' via email (no SMTP server is configured).` };
  try {
    await o.mailer.send(operator.email_address, `SQL Server Job System: '${job.name}' completed on \\\\${o.server}`, `JOB RUN:\t'${job.name}' was run on ${formatWall(wallOf(o.clock.now()))}\nSTATUS:\t\t${succeeded ? 'Succeeded' : 'Failed'}\nMESSAGES:\t${message}\n`);
    await o.store.markOperatorEmailed(operator.id, wallOf(o.clock.now()));
    return { emailed: operator.id, note: `  NOTE: The job notified '${operator.name}' via email.` };
  } catch (error) {
    return { emailed: 0, note: `  NOTE: Failed to notify '${operator.name}' via email: ${errorMessage(error)}.` };
  }
}

/** Runs a job that the caller already marked as running (`AgentStore.tryStartJob` or a claimed slot) and marks it finished. */
export async function runJob(job: JobRow, o: JobRunOptions): Promise<JobRunResult> {
  const began = o.clock.now();
  let lastBeat = began.getTime();
  const steps = await o.store.listSteps(job.job_id);
  let succeeded = false;
  let tail: string;
  let step = steps.find((s) => s.step_id === job.start_step_id) ?? steps[0];
  if (!step) {
    tail = '  The job has no steps.';
  } else {
    tail = '';
    for (let runs = 0; ; runs++) {
      if (runs >= MAX_STEP_RUNS) {
        succeeded = false;
        tail = `  The job was stopped after ${MAX_STEP_RUNS} step runs (its step flow loops).`;
        break;
      }
      if (o.signal?.aborted) {
        succeeded = false;
        tail = '  The job was canceled.';
        break;
      }
      const ok = await runStep(o, job, step);
      // Between steps, say the session is alive (at most once a minute).
      if (o.clock.now().getTime() - lastBeat >= 60_000) {
        lastBeat = o.clock.now().getTime();
        await o.store.heartbeat(o.sessionId, wallOf(o.clock.now()));
      }
      const move = nextMove(step, ok, steps);
      if (move.quit || !move.next) {
        succeeded = move.succeeded;
        tail = `  The last step to run was step ${step.step_id} (${step.step_name}).${move.why ?? ''}`;
        break;
      }
      step = move.next;
    }
  }
  const base = `The job ${succeeded ? 'succeeded' : 'failed'}.  The Job was invoked by ${o.invokedBy}.${tail}`;
  const { emailed, note } = await notify(o, job, succeeded, base);
  const message = limit(base + note);
  const ended = o.clock.now();
  const historyId = await o.store.finishRun(o.sessionId, {
    job_id: job.job_id,
    step_id: 0,
    step_name: '(Job outcome)',
    message,
    run_status: o.signal?.aborted ? RunStatus.Canceled : succeeded ? RunStatus.Succeeded : RunStatus.Failed,
    run_date: toAgentDate(wallOf(began)),
    run_time: toAgentTime(wallOf(began)),
    run_duration: toAgentDuration(ended.getTime() - began.getTime()),
    operator_id_emailed: emailed,
    server: o.server,
  }, wallOf(ended));
  return { succeeded, historyId, message };
}
