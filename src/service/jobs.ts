/**
 * @module The SQL Server Agent inside the service: the scheduler (`dtsserver --agent`) on the msdb
 * instance users sign in to, and the job views and "Start job now" of the API and console.
 */
import { SsisError, isSsisError } from '../errors.ts';
import {
  describeSchedule, formatAgent, formatWall, jobOverviews, openAgentTarget, runStatusName, serveAgent, startJobNow, upcomingRuns, wallOf,
  type AgentTarget, type HistoryRow, type TargetOptions,
} from '../agent/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { ApiError } from './http-kit.ts';

/** How many next run times a job lists. */
const UPCOMING = 3;
/** An Agent session silent this long is taken as dead (the Agent's default). */
const STALE_MS = 10 * 60_000;

/** One job as the API lists it. */
export interface JobView {
  readonly name: string;
  readonly jobId: string;
  readonly enabled: boolean;
  readonly description: string | null;
  readonly schedules: { readonly name: string; readonly enabled: boolean; readonly description: string; readonly nextRuns: string[] }[];
  readonly nextRun: string | null;
  readonly lastOutcome: { readonly status: string; readonly at: string; readonly message: string | null } | null;
  /** The run in progress: when it started and what invoked it (`Schedule 1 (nightly)`, `User admin`). */
  readonly running: { readonly since: string | null; readonly invokedBy: string | null } | null;
}

/** One `sysjobhistory` row as the API shows it. */
export interface JobHistoryView {
  readonly instanceId: number;
  readonly stepId: number;
  readonly stepName: string;
  readonly status: string;
  readonly runAt: string;
  /** `hhmmss`, as Agent stores it. */
  readonly duration: number;
  readonly message: string | null;
  readonly server: string;
}

function historyView(h: HistoryRow): JobHistoryView {
  return {
    instanceId: h.instance_id, stepId: h.step_id, stepName: h.step_name, status: runStatusName(h.run_status),
    runAt: formatAgent(h.run_date, h.run_time), duration: h.run_duration, message: h.message, server: h.server,
  };
}

/** What {@link ServiceJobs} needs to find the msdb and run steps. */
export interface ServiceJobsOptions {
  readonly root: string;
  readonly year: ToolYear;
  /** The instance of the sign-in msdb folder (its `ServerName`). */
  readonly instance: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
}

/** The Agent's jobs of the service's msdb instance: listed, their history, started now, and the scheduler. */
export class ServiceJobs {
  private target?: Promise<AgentTarget>;
  private readonly runs = new Set<Promise<unknown>>();
  private scheduler?: { stop: AbortController; done: Promise<void> };
  private readonly o: ServiceJobsOptions;

  constructor(o: ServiceJobsOptions) {
    this.o = o;
  }

  private targetOptions(): TargetOptions {
    // The Agent acts as the service's version, whatever the environment pins.
    const env = { ...this.o.env, OPENDTS_PINNED_VERSION: String(this.o.year), OPENDTS_PRODUCT_VERSION: String(this.o.year) };
    return { env, root: this.o.root, ...(this.o.instance !== undefined ? { instance: this.o.instance } : {}) };
  }

  private open(): Promise<AgentTarget> {
    if (!this.o.instance) return Promise.reject(new ApiError(503, 'Jobs need an msdb folder (SqlServerFolder) in MsDtsSrvr.ini.xml: its instance holds the Agent.'));
    this.target ??= openAgentTarget(this.targetOptions()).catch((error: unknown) => {
      this.target = undefined;
      throw error;
    });
    return this.target;
  }

  /** Starts the scheduler (`serveAgent`) on the msdb instance; it runs until {@link close}. */
  startScheduler(pollMs = 1000): void {
    if (this.scheduler) return;
    if (!this.o.instance) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', 'The Agent needs an msdb folder (SqlServerFolder) in MsDtsSrvr.ini.xml: its instance holds the jobs.');
    const stop = new AbortController();
    const done = serveAgent({ ...this.targetOptions(), cwd: this.o.cwd, signal: stop.signal, pollMs, log: (line) => this.o.log(`Agent: ${line}`) }).catch((error: unknown) => {
      this.o.log(`Agent: the scheduler stopped on an error: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.scheduler = { stop, done };
  }

  /** Whether the scheduler runs in this service. */
  get schedulerRunning(): boolean {
    return this.scheduler !== undefined;
  }

  /** Every job with its schedules (SSMS's description), next runs and last outcome. */
  async list(): Promise<JobView[]> {
    const t = await this.open();
    const now = wallOf(new Date());
    const running = new Map((await t.store.listRunningJobs(now - STALE_MS)).map((r) => [r.job_id, r]));
    return (await jobOverviews(t.store)).map(({ job, schedules, lastOutcome, nextRun }) => ({
      name: job.name,
      jobId: job.job_id,
      enabled: job.enabled === 1,
      description: job.description,
      schedules: schedules.map((s) => ({
        name: s.schedule.name,
        enabled: s.schedule.enabled === 1,
        description: describeSchedule(s.schedule),
        nextRuns: job.enabled === 1 && s.schedule.enabled === 1 ? upcomingRuns(s.schedule, now, UPCOMING).map(formatWall) : [],
      })),
      nextRun: job.enabled === 1 && nextRun !== undefined ? formatWall(nextRun) : null,
      lastOutcome: lastOutcome ? { status: runStatusName(lastOutcome.run_status), at: formatAgent(lastOutcome.run_date, lastOutcome.run_time), message: lastOutcome.message } : null,
      running: running.has(job.job_id) ? { since: running.get(job.job_id)!.start_execution_date, invokedBy: running.get(job.job_id)!.run_requested_source } : null,
    }));
  }

  /** The newest `limit` history rows of a job (steps and outcomes), newest first. */
  async history(name: string, limit: number): Promise<{ job: string; history: JobHistoryView[] }> {
    const t = await this.open();
    const job = await t.store.findJob(name);
    if (!job) throw new ApiError(404, `The job "${name}" does not exist.`);
    const rows = await t.store.listHistory({ job_id: job.job_id, limit });
    return { job: job.name, history: rows.reverse().map(historyView) };
  }

  /** Enables or disables a job (`sp_update_job @enabled`); 404 when it does not exist. */
  async setEnabled(name: string, enabled: boolean): Promise<{ job: string; enabled: boolean }> {
    const t = await this.open();
    const job = await t.store.findJob(name);
    if (!job) throw new ApiError(404, `The job "${name}" does not exist.`);
    await t.store.setJobEnabled(job.job_id, enabled, wallOf(new Date()));
    return { job: job.name, enabled };
  }

  /** Starts a job now as `login`; refused with 409 while it runs, 404 when it does not exist. */
  async start(name: string, login: string): Promise<{ job: string }> {
    const t = await this.open();
    let started;
    try {
      started = await startJobNow(t, name, { cwd: this.o.cwd, env: this.targetOptions().env, user: login });
    } catch (error) {
      if (isSsisError(error) && error.symbol === 'OPENDTS_E_AGENTOBJECTNOTFOUND') throw new ApiError(404, error.message);
      if (isSsisError(error) && error.symbol === 'SQLSERVERAGENT_E_JOBRUNNING') throw new ApiError(409, error.message);
      throw error;
    }
    const run: Promise<unknown> = started.done
      .catch((error: unknown) => this.o.log(`Agent: the job "${started.job.name}" ended on an error: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.runs.delete(run));
    this.runs.add(run);
    return { job: started.job.name };
  }

  /** Stops the scheduler (it waits for its running jobs), waits for jobs started now, and closes the msdb. */
  async close(): Promise<void> {
    if (this.scheduler) {
      this.scheduler.stop.abort();
      await this.scheduler.done;
    }
    await Promise.all([...this.runs]);
    if (this.target) await (await this.target.catch(() => undefined))?.store.close();
  }
}
