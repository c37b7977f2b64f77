/** @module Runs an Agent on an msdb until a signal stops it (or one pass): what `opendts agent` does, and what `dtsserver` starts when configured to. */
import os from 'node:os';
import { Agent } from './agent.ts';
import { systemClock, type Clock } from './clock.ts';
import { openAgentTarget, type TargetOptions } from './connect.ts';
import { smtpMailer, type SmtpSettings } from './notify.ts';

/** How to serve an Agent. */
export interface ServeOptions extends TargetOptions {
  /** One pass: run the startup jobs and what is due now, wait for them, stop. */
  readonly once?: boolean;
  /** Milliseconds between passes (default 1000). */
  readonly pollMs?: number;
  /** See {@link AgentOptions.graceMs}. */
  readonly graceMs?: number;
  /** This Agent's name in `syssessions`. */
  readonly name?: string;
  /** Overrides the SMTP settings of the version settings. */
  readonly smtp?: SmtpSettings;
  readonly cwd: string;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  readonly clock?: Clock;
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
