/** @module What a person wants to see of the jobs: each job with its last outcome and next run (for `opendts job list` and the console). */
import type { AgentStore } from './agent-store.ts';
import type { HistoryRow, JobRow, JobSchedule } from './model.ts';
import { fromAgent, type WallTime } from './wall-time.ts';

/** One job as listed. */
export interface JobOverview {
  readonly job: JobRow;
  readonly schedules: JobSchedule[];
  /** The last job outcome row (step 0), if it ever ran. */
  readonly lastOutcome?: HistoryRow;
  /** The earliest next run of its enabled schedules, if any. */
  readonly nextRun?: WallTime;
}

/** Every job with its schedules, last outcome and next run, by name. */
export async function jobOverviews(store: AgentStore): Promise<JobOverview[]> {
  const schedules = await store.listJobSchedules();
  const out: JobOverview[] = [];
  for (const job of await store.listJobs()) {
    const own = schedules.filter((s) => s.job_id === job.job_id);
    const [lastOutcome] = await store.listHistory({ job_id: job.job_id, outcomesOnly: true, limit: 1 });
    const next = own.filter((s) => s.next_run_date > 0 && s.schedule.enabled).map((s) => fromAgent(s.next_run_date, s.next_run_time));
    out.push({ job, schedules: own, ...(lastOutcome ? { lastOutcome } : {}), ...(next.length ? { nextRun: Math.min(...next) } : {}) });
  }
  return out;
}
