/** @module The rows of the Agent's msdb tables as the repository reads and writes them (column names as msdb spells them). */
import type { ScheduleRow } from './schedule.ts';

/** A `sysjobs` row. */
export interface JobRow {
  job_id: string;
  name: string;
  enabled: number;
  description: string | null;
  start_step_id: number;
  notify_level_email: number;
  notify_email_operator_id: number;
  date_created: string;
  date_modified: string;
  version_number: number;
}

/** What `sp_add_job` takes. */
export interface NewJob {
  name: string;
  description?: string;
  enabled?: boolean;
  start_step_id?: number;
  notify_level_email?: number;
  notify_email_operator_id?: number;
}

/** A `sysjobsteps` row (the columns OpenDTS uses). */
export interface StepRow {
  job_id: string;
  step_id: number;
  step_name: string;
  subsystem: string;
  command: string | null;
  flags: number;
  cmdexec_success_code: number;
  on_success_action: number;
  on_success_step_id: number;
  on_fail_action: number;
  on_fail_step_id: number;
  database_name: string | null;
  retry_attempts: number;
  retry_interval: number;
  output_file_name: string | null;
  last_run_outcome: number;
  last_run_duration: number;
  last_run_retries: number;
  last_run_date: number;
  last_run_time: number;
}

/** What `sp_add_jobstep` takes; `step_id` defaults to the next number. */
export type NewStep = Partial<Omit<StepRow, 'job_id' | 'step_name' | 'subsystem'>> & { step_name: string; subsystem: string };

/** A `sysjobschedules` row with its schedule. */
export interface JobSchedule {
  job_id: string;
  next_run_date: number;
  next_run_time: number;
  schedule: ScheduleRow;
}

/** A `sysjobhistory` row. */
export interface HistoryRow {
  instance_id: number;
  job_id: string;
  step_id: number;
  step_name: string;
  sql_message_id: number;
  sql_severity: number;
  message: string | null;
  run_status: number;
  run_date: number;
  run_time: number;
  run_duration: number;
  operator_id_emailed: number;
  retries_attempted: number;
  server: string;
}

/** A history row to write (the identity and defaults are filled in). */
export type NewHistory = Omit<HistoryRow, 'instance_id' | 'sql_message_id' | 'sql_severity' | 'operator_id_emailed' | 'retries_attempted'> &
  Partial<Pick<HistoryRow, 'sql_message_id' | 'sql_severity' | 'operator_id_emailed' | 'retries_attempted'>>;

/** A `sysoperators` row. */
export interface OperatorRow {
  id: number;
  name: string;
  enabled: number;
  email_address: string | null;
  last_email_date: number;
  last_email_time: number;
}

/** A schedule slot the Agent claimed: this job, this schedule, this planned time, and what became of it. */
export interface ClaimedSlot {
  job: JobRow;
  schedule: ScheduleRow;
  /** The planned time of the slot (wall time). */
  slot: number;
  /** 'run': the job is marked running for the claiming session; 'missed': too late; 'skipped': the job was running. */
  outcome: 'run' | 'missed' | 'skipped';
  /** For 'skipped': the run in the way. */
  running?: RunningJob;
}

/** Why a job could not start: it is running already, from this request. */
export interface RunningJob {
  session_id: number;
  run_requested_source: string | null;
  start_execution_date: string | null;
}
