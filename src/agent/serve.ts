/** @module Runs an Agent on an msdb until a signal stops it (or one pass), and runs one job now: what `opendts agent` and `opendts job run` do, for `dtsserver` and the console too. */
import os from 'node:os';
import { Agent } from './agent.ts';
import { systemClock, type Clock } from './clock.ts';
import { openAgentTarget, type AgentTarget, type TargetOptions } from './connect.ts';
import type { JobRunResult } from './job-runner.ts';
import type { JobRow } from './model.ts';
import { SsisError } from '../errors.ts';
import { smtpMailer, type SmtpSettings } from './notify.ts';

/** How to serve an Agent. */
export interface ServeOptions extends TargetOptions {
  /** One pass: run the startup jobs and what is due now, wait for them, stop. */
  readonly once?: boolean;
  /** Milliseconds between passes (default 1000). */
  readonly pollMs?: number;
  /** See `AgentOptions.graceMs`. */
  readonly graceMs?: number;
  /** This Agent's name in `syssessions`. */
  readonly name?: string;
  /** Overrides the SMTP settings of the version settings. */
  readonly smtp?: SmtpSettings;
  readonly cwd: string;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  readonly clock?: Clock;
  /** See `AgentOptions.historyLimits`. */
  readonly historyLimits?: { readonly perJob?: number; readonly total?: number };
}

/** Opens the msdb, runs the Agent until `signal` aborts (or one pass with `once`), waits for running jobs and closes. */
export async function serveAgent(o: ServeOptions): Promise<void> {
  const t = await openAgentTarget(o);
  try {
    const smtp = o.smtp ?? t.smtp;
    const agent = new Agent({
      store: t.store,
      clock: o.clock ?? systemClock,
      server: t.server,
      agentName: o.name ?? `opendts-agent@${os.hostname()}:${process.pid}`,
      cwd: o.cwd,
      env: o.env,
      user: os.userInfo().username,
      productYear: t.year,
      ...(o.graceMs !== undefined ? { graceMs: o.graceMs } : {}),
      ...(o.historyLimits ? { historyLimits: o.historyLimits } : {}),
      ...(o.log ? { log: o.log } : {}),
      ...(smtp ? { mailer: smtpMailer(smtp) } : {}),
    });
    await agent.start();
    const startup = await agent.runStartupJobs();
    if (o.once) {
      await Promise.all([...startup, ...(await agent.tick())]);
      await agent.stop();
    } else {
      await agent.run(o.signal ?? new AbortController().signal, o.pollMs ?? 1000);
    }
  } finally {
    await t.store.close();
  }
}

/** How to run a job now. */
export interface RunNowOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly user?: string;
  readonly signal?: AbortSignal;
}

/**
 * Runs a job now as `user` (`sp_start_job`) in a short Agent session of its own, and waits for it.
 * Throws SsisError when the job does not exist or is running already.
 */
export async function runJobNow(t: AgentTarget, jobName: string, o: RunNowOptions): Promise<JobRunResult> {
  return (await startJobNow(t, jobName, o)).done;
}

/**
 * Starts a job now as `user` (`sp_start_job`) in a short Agent session of its own and resolves once it
 * is running; `done` settles when it ends (the session is then closed). Throws SsisError when the job
 * does not exist or is running already.
 */
export async function startJobNow(t: AgentTarget, jobName: string, o: RunNowOptions): Promise<{ readonly job: JobRow; readonly done: Promise<JobRunResult> }> {
  const job = await t.store.findJob(jobName);
  if (!job) throw new SsisError('0x80004005', 'OPENDTS_E_AGENTOBJECTNOTFOUND', `The job "${jobName}" does not exist.`);
  const user = o.user ?? os.userInfo().username;
  const agent = new Agent({
    store: t.store,
    clock: systemClock,
    server: t.server,
    agentName: `run by ${user}`,
    cwd: o.cwd,
    env: o.env,
    user,
    productYear: t.year,
    ...(t.smtp ? { mailer: smtpMailer(t.smtp) } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  await agent.start();
  let started;
  try {
    started = await agent.startNow(job, user);
  } catch (error) {
    await agent.stop();
    throw error;
  }
  const done = started.done.finally(() => agent.stop());
  return { job, done };
}
