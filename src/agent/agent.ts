/** @module The Agent: a session that claims due schedule slots, runs their jobs (never one job twice at once, never one slot twice, even with several Agents on one msdb), records runs missed while no Agent ran without replaying them, and runs "when the Agent starts" jobs. */
import { SsisError } from '../errors.ts';
import type { AgentStore } from './agent-store.ts';
import { FreqType, RunStatus } from './codes.ts';
import { runJob, type JobRunOptions, type JobRunResult } from './job-runner.ts';
import type { ClaimedSlot, JobRow, RunningJob } from './model.ts';
import { nextRunAfter } from './next-run.ts';
import type { ScheduleTiming } from './schedule.ts';
import { type WallTime, formatWall, toAgentDate, toAgentTime, wallOf } from './wall-time.ts';

/** How an Agent runs. */
export interface AgentOptions extends Omit<JobRunOptions, 'sessionId' | 'invokedBy'> {
  /** The name of this Agent in `syssessions` (several Agents may share one msdb). */
  readonly agentName?: string;
  /** A slot found later than this after its time counts as missed while no Agent ran (default 60 s). */
  readonly graceMs?: number;
  /** A session whose heartbeat is older than this is taken as dead: its jobs no longer count as running (default 10 min). */
  readonly staleMs?: number;
  /** Where the Agent says what it does (one line each). */
  readonly log?: (line: string) => void;
  /**
   * Agent's "limit size of job history log": after each run keep the newest `perJob` rows of the
   * job and the newest `total` rows overall. Unset (the default) keeps all history.
   */
  readonly historyLimits?: { readonly perJob?: number; readonly total?: number };
}

/** Counting missed runs stops here (a schedule every second, down for days). */
const MISSED_COUNT_LIMIT = 100_000;

/** Counts the runs of a schedule in [from, to], up to {@link MISSED_COUNT_LIMIT}. */
function runsBetween(s: ScheduleTiming, from: WallTime, to: WallTime): { count: number; last: WallTime; more: boolean } {
  let count = 0;
  let last = from;
  let t: WallTime | undefined = from;
  for (; t !== undefined && t <= to && count < MISSED_COUNT_LIMIT; t = nextRunAfter(s, t)) {
    count++;
    last = t;
  }
  return { count, last, more: t !== undefined && t <= to };
}

/** One running Agent: start it, tick it (or let {@link Agent.run} tick it), stop it. */
export class Agent {
  private sessionId = 0;
  private readonly running = new Set<Promise<JobRunResult | undefined>>();

  constructor(private readonly o: AgentOptions) {}

  private get store(): AgentStore {
    return this.o.store;
  }

  private now(): WallTime {
    return wallOf(this.o.clock.now());
  }

  private log(line: string): void {
    this.o.log?.(`${formatWall(this.now())} ${line}`);
  }

  /** The session this Agent writes as (0 before {@link start}). */
  get session(): number {
    return this.sessionId;
  }

  /** Opens the Agent's session (a new `syssessions` row). */
  async start(): Promise<void> {
    await this.store.migrate();
    this.sessionId = await this.store.startSession(this.o.agentName ?? 'opendts-agent', this.now());
    this.log(`Agent session ${this.sessionId} started on ${this.o.server}.`);
    const closed = await this.store.closeInterruptedRuns(this.aliveSince(this.now()), this.now(), this.o.server);
    if (closed.length > 0) this.log(`${closed.length} run(s) of a stopped Agent session were recorded as interrupted.`);
  }

  /** Starts the jobs scheduled "when the Agent starts" (the scheduler calls this once after {@link start}); returns their runs. */
  async runStartupJobs(): Promise<Promise<JobRunResult | undefined>[]> {
    const runs: Promise<JobRunResult | undefined>[] = [];
    const jobs = new Map((await this.store.listJobs()).map((j) => [j.job_id, j]));
    for (const js of await this.store.listJobSchedules()) {
      const job = jobs.get(js.job_id);
      if (js.schedule.freq_type !== FreqType.AgentStart || !job?.enabled || !js.schedule.enabled) continue;
      const launched = await this.launch(job, `Schedule ${js.schedule.schedule_id} (${js.schedule.name})`);
      if (launched) runs.push(launched.run);
    }
    return runs;
  }

  /**
   * One scheduling pass at the clock's time: claims due slots and starts their jobs. Returns the
   * runs it started (await them to wait for the jobs).
   */
  async tick(): Promise<Promise<JobRunResult | undefined>[]> {
    if (this.sessionId === 0) throw new Error('Agent.tick() before start()');
    const now = this.now();
    await this.store.heartbeat(this.sessionId, now);
    // Wall-clock arithmetic: on the night clocks go forward, slots in the skipped hour count as
    // missed; on the night they go back, the repeated hour runs nothing twice (its slots are claimed).
    // Agent's own behaviour across daylight saving changes is not documented.
    const claims = await this.store.claimDueSlots(this.sessionId, now, nextRunAfter, { graceMs: this.o.graceMs ?? 60_000, aliveSince: this.aliveSince(now) });
    const started: Promise<JobRunResult | undefined>[] = [];
    for (const claim of claims) {
      const invokedBy = `Schedule ${claim.schedule.schedule_id} (${claim.schedule.name})`;
      if (claim.outcome === 'missed') await this.recordMissed(claim, now);
      else if (claim.outcome === 'skipped') this.logBusy(claim.job, invokedBy, claim.running);
      else started.push(this.startRun(claim.job, invokedBy));
    }
    return started;
  }

  /** Sessions that beat at or after this time are alive. */
  private aliveSince(now: WallTime): WallTime {
    return now - (this.o.staleMs ?? 600_000);
  }

  /** Writes the history row that says a slot (and those after it, up to now) was missed and not replayed. */
  private async recordMissed(claim: ClaimedSlot, now: WallTime): Promise<void> {
    const { count, last, more } = runsBetween(claim.schedule, claim.slot, now);
    const following = nextRunAfter(claim.schedule, now);
    const next = following === undefined ? '' : ` The next run is at ${formatWall(following)}.`;
    const span = more
      ? `more than ${count} scheduled runs from ${formatWall(claim.slot)}`
      : count > 1
        ? `${count} scheduled runs from ${formatWall(claim.slot)} to ${formatWall(last)}`
        : `the run scheduled at ${formatWall(claim.slot)}`;
    const message = `The job was not run: ${span} (Schedule ${claim.schedule.schedule_id} (${claim.schedule.name})) fell while no Agent was running. Missed runs are not replayed.${next}`;
    // SQL Server Agent skips missed runs without a job history row; OpenDTS records one (run_status 3, canceled) so the gap is visible.
    await this.store.addHistory({
      job_id: claim.job.job_id,
      step_id: 0,
      step_name: '(Job outcome)',
      message,
      run_status: RunStatus.Canceled,
      run_date: toAgentDate(claim.slot),
      run_time: toAgentTime(claim.slot),
      run_duration: 0,
      server: this.o.server,
    });
    this.log(`Job '${claim.job.name}': ${message}`);
  }

  private logBusy(job: JobRow, invokedBy: string, busy: RunningJob | undefined): void {
    this.log(`Job '${job.name}' was not started by ${invokedBy}: it is already running (requested by ${busy?.run_requested_source ?? 'unknown'} at ${busy?.start_execution_date ?? 'unknown'}).`);
  }

  /** Starts a job unless it is running already; returns its run (boxed: a promise of a promise would flatten), or undefined when it was not started. */
  private async launch(job: JobRow, invokedBy: string): Promise<{ run: Promise<JobRunResult | undefined> } | undefined> {
    const now = this.now();
    const busy = await this.store.tryStartJob(this.sessionId, job.job_id, invokedBy, now, this.aliveSince(now));
    if (busy) {
      this.logBusy(job, invokedBy, busy);
      return undefined;
    }
    return { run: this.startRun(job, invokedBy) };
  }

  /** Runs a job already marked running for this session, and tracks it until it ends. */
  private startRun(job: JobRow, invokedBy: string): Promise<JobRunResult | undefined> {
    this.log(`Job '${job.name}' started (invoked by ${invokedBy}).`);
    const run = runJob(job, { ...this.o, sessionId: this.sessionId, invokedBy }).then(
      async (r) => {
        this.log(`Job '${job.name}' ${r.succeeded ? 'succeeded' : 'failed'}.`);
        if (this.o.historyLimits) await this.store.purgeHistory(job.job_id, this.o.historyLimits);
        return r;
      },
      (error: unknown) => {
        this.log(`Job '${job.name}' stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Runs a job now, as `sp_start_job` does; refused when the job is already running. */
  async runNow(job: JobRow, user: string): Promise<JobRunResult> {
    return (await this.startNow(job, user)).done;
  }

  /**
   * Starts a job now, as `sp_start_job` does, and resolves once it is marked running (refused, with
   * SQLSERVERAGENT_E_JOBRUNNING, when it is running already); `done` settles when the run ends.
   */
  async startNow(job: JobRow, user: string): Promise<{ done: Promise<JobRunResult> }> {
    const invokedBy = `User ${user}`;
    const started = await this.launch(job, invokedBy);
    if (!started) {
      throw new SsisError('0x80004005', 'SQLSERVERAGENT_E_JOBRUNNING', `SQLServerAgent Error: Request to run job ${job.name} (from ${invokedBy}) refused because the job is already running.`);
    }
    // Keep the session alive while a long job runs outside the scheduler's loop.
    const beat = setInterval(() => void this.store.heartbeat(this.sessionId, this.now()).catch(() => undefined), 60_000);
    beat.unref();
    const done = started.run.finally(() => clearInterval(beat)).then((result) => {
      if (!result) throw new SsisError('0x80004005', 'SQLSERVERAGENT_E_JOBFAILED', `The job ${job.name} stopped on an internal error; see the Agent's log.`);
      return result;
    });
    return { done };
  }

  /** Ticks until `signal` aborts, waiting `pollMs` between passes; then waits for running jobs and ends the session. */
  async run(signal: AbortSignal, pollMs = 1000): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.tick();
      } catch (error) {
        // A lost database connection or a locked file must not stop the Agent: say so and try again next pass.
        this.log(`The scheduling pass failed and will be retried: ${error instanceof Error ? error.message : String(error)}`);
      }
      await this.o.clock.sleep(pollMs, signal);
    }
    await this.stop();
  }

  /** Waits for the jobs this Agent started, then ends its session. */
  async stop(): Promise<void> {
    await Promise.all([...this.running]);
    if (this.sessionId !== 0) await this.store.endSession(this.sessionId, this.now());
    this.log(`Agent session ${this.sessionId} ended.`);
  }
}
