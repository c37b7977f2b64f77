/** @module The Agent's repository: jobs, steps, schedules, history, operators, sessions and slot leases in the instance's database. One implementation over {@link SqlDb}; the two dialects differ only in their transaction and lock clauses. */
import { randomUUID } from 'node:crypto';
import { SsisError } from '../errors.ts';
import type { SqlDb, SqlRow } from './sql-db.ts';
import { migrateAgentSchema } from './schema.ts';
import { RunStatus } from './codes.ts';
import { serialQueue } from './serial.ts';
import type { ScheduleRow, ScheduleTiming } from './schedule.ts';
import type { ClaimedSlot, HistoryRow, JobRow, JobSchedule, NewHistory, NewJob, NewStep, OperatorRow, RunningJob, StepRow } from './model.ts';
import { type WallTime, formatWall, fromAgent, toAgentDate, toAgentTime } from './wall-time.ts';

const JOB_COLUMNS = 'job_id, name, enabled, description, start_step_id, notify_level_email, notify_email_operator_id, date_created, date_modified, version_number';
const STEP_COLUMNS =
  'job_id, step_id, step_name, subsystem, command, flags, cmdexec_success_code, on_success_action, on_success_step_id, on_fail_action, on_fail_step_id, database_name, retry_attempts, retry_interval, output_file_name, last_run_outcome, last_run_duration, last_run_retries, last_run_date, last_run_time';
const STEP_COLUMN_NAMES = new Set(STEP_COLUMNS.split(', '));
const SCHEDULE_COLUMNS =
  's.schedule_id, s.schedule_uid, s.name, s.enabled, s.freq_type, s.freq_interval, s.freq_subday_type, s.freq_subday_interval, s.freq_relative_interval, s.freq_recurrence_factor, s.active_start_date, s.active_end_date, s.active_start_time, s.active_end_time, s.cron_expression, s.date_created, s.date_modified, s.version_number';
const HISTORY_COLUMNS =
  'instance_id, job_id, step_id, step_name, sql_message_id, sql_severity, message, run_status, run_date, run_time, run_duration, operator_id_emailed, retries_attempted, server';

/** Numbers come back as numbers from both drivers; this keeps the row types honest. */
function rows<T>(r: SqlRow[]): T[] {
  return r as unknown as T[];
}

function scheduleOf(r: SqlRow): ScheduleRow {
  const { job_id: _j, next_run_date: _d, next_run_time: _t, ...rest } = r;
  return rest as unknown as ScheduleRow;
}

function notFound(what: string): SsisError {
  return new SsisError('0x80004005', 'OPENDTS_E_AGENTOBJECTNOTFOUND', `${what} does not exist.`);
}

/** A filter on history. */
export interface HistoryFilter {
  job_id?: string;
  /** Only job outcome rows (step_id 0). */
  outcomesOnly?: boolean;
  /** The newest N rows (returned oldest first). */
  limit?: number;
}

/** The Agent's msdb tables, safe to use from concurrent async code (calls run one at a time). */
export class AgentStore {
  private readonly serial = serialQueue();

  constructor(readonly db: SqlDb) {}

  /** Creates the tables when missing. */
  migrate(): Promise<void> {
    return this.serial(() => migrateAgentSchema(this.db));
  }

  close(): Promise<void> {
    return this.serial(() => this.db.close());
  }

  /** Runs `fn` in one transaction (SQLite: BEGIN IMMEDIATE, the database's write lock). */
  private async tx<T>(fn: () => Promise<T>): Promise<T> {
    await this.db.exec(this.db.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    try {
      const result = await fn();
      await this.db.exec('COMMIT');
      return result;
    } catch (error) {
      await this.db.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** PostgreSQL's row lock clause; SQLite's write lock already covers the whole transaction. */
  private lock(clause: string): string {
    return this.db.dialect === 'postgres' ? ` ${clause}` : '';
  }

  // ---- operators -------------------------------------------------------------------------

  /** `sp_add_operator`. */
  addOperator(name: string, email: string | null): Promise<OperatorRow> {
    return this.serial(async () => {
      const [r] = await this.db.query('INSERT INTO sysoperators (name, email_address) VALUES (?, ?) RETURNING id', [name, email]);
      return (await this.operatorBy('id', r.id))!;
    });
  }

  /** An operator by name or id. */
  findOperator(nameOrId: string | number): Promise<OperatorRow | undefined> {
    return this.serial(() => (typeof nameOrId === 'number' ? this.operatorBy('id', nameOrId) : this.operatorBy('name', nameOrId)));
  }

  private async operatorBy(column: 'id' | 'name', value: unknown): Promise<OperatorRow | undefined> {
    // Names compare case-insensitively, as in msdb's default collation.
    const where = column === 'name' ? 'lower(name) = lower(?)' : 'id = ?';
    return rows<OperatorRow>(await this.db.query(`SELECT id, name, enabled, email_address, last_email_date, last_email_time FROM sysoperators WHERE ${where}`, [value]))[0];
  }

  /** Records when an operator was last mailed. */
  markOperatorEmailed(id: number, at: WallTime): Promise<void> {
    return this.serial(async () => {
      await this.db.run('UPDATE sysoperators SET last_email_date = ?, last_email_time = ? WHERE id = ?', [toAgentDate(at), toAgentTime(at), id]);
    });
  }

  // ---- jobs and steps --------------------------------------------------------------------

  /** `sp_add_job`: a new job; its name must be unique. */
  addJob(job: NewJob, now: WallTime): Promise<JobRow> {
    return this.serial(() => this.insertJob(job, now));
  }

  /**
   * A job with its steps and schedules in one transaction (nothing is written when any part is
   * refused). Each schedule comes with its first next run time.
   */
  createJob(job: NewJob, steps: readonly NewStep[], schedules: readonly { name: string; timing: ScheduleTiming; next: WallTime | undefined }[], now: WallTime): Promise<JobRow> {
    return this.serial(() =>
      this.tx(async () => {
        const row = await this.insertJob(job, now);
        for (const step of steps) await this.insertStep(row.job_id, step);
        for (const s of schedules) await this.insertJobSchedule(row.job_id, s.name, s.timing, s.next, now);
        return row;
      }),
    );
  }

  private async insertJob(job: NewJob, now: WallTime): Promise<JobRow> {
    if (await this.jobBy('name', job.name)) {
      throw new SsisError('0x80004005', 'OPENDTS_E_JOBEXISTS', `The job "${job.name}" already exists.`);
    }
    const id = randomUUID().toUpperCase();
    const stamp = formatWall(now);
    await this.db.run(
      `INSERT INTO sysjobs (job_id, name, enabled, description, start_step_id, notify_level_email, notify_email_operator_id, date_created, date_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, job.name, job.enabled === false ? 0 : 1, job.description ?? null, job.start_step_id ?? 1, job.notify_level_email ?? 0, job.notify_email_operator_id ?? 0, stamp, stamp],
    );
    return (await this.jobBy('job_id', id))!;
  }

  /** A job by name, or by its id. */
  findJob(nameOrId: string): Promise<JobRow | undefined> {
    return this.serial(async () => (await this.jobBy('name', nameOrId)) ?? (await this.jobBy('job_id', nameOrId.toUpperCase())));
  }

  private async jobBy(column: 'name' | 'job_id', value: string): Promise<JobRow | undefined> {
    // Names compare case-insensitively, as in msdb's default collation.
    const where = column === 'name' ? 'lower(name) = lower(?)' : 'job_id = ?';
    return rows<JobRow>(await this.db.query(`SELECT ${JOB_COLUMNS} FROM sysjobs WHERE ${where}`, [value]))[0];
  }

  /** Every job, by name. */
  listJobs(): Promise<JobRow[]> {
    return this.serial(async () => rows<JobRow>(await this.db.query(`SELECT ${JOB_COLUMNS} FROM sysjobs ORDER BY name`)));
  }

  /** `sp_update_job @enabled`. */
  setJobEnabled(jobId: string, enabled: boolean, now: WallTime): Promise<void> {
    return this.serial(async () => {
      const n = await this.db.run('UPDATE sysjobs SET enabled = ?, date_modified = ?, version_number = version_number + 1 WHERE job_id = ?', [enabled ? 1 : 0, formatWall(now), jobId]);
      if (n === 0) throw notFound(`The job ${jobId}`);
    });
  }

  /** `sp_delete_job`: the job, its steps, its history, its activity, and the schedules no other job uses. */
  deleteJob(jobId: string): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        const schedules = await this.db.query('SELECT schedule_id FROM sysjobschedules WHERE job_id = ?', [jobId]);
        for (const table of ['sysjobsteps', 'sysjobschedules', 'sysjobhistory', 'sysjobactivity', 'opendts_agent_slots', 'sysjobs']) {
          await this.db.run(`DELETE FROM ${table} WHERE job_id = ?`, [jobId]);
        }
        for (const { schedule_id } of schedules) {
          await this.db.run('DELETE FROM sysschedules WHERE schedule_id = ? AND NOT EXISTS (SELECT 1 FROM sysjobschedules WHERE schedule_id = ?)', [schedule_id, schedule_id]);
        }
      }),
    );
  }

  /** `sp_add_jobstep`. */
  addStep(jobId: string, step: NewStep): Promise<StepRow> {
    return this.serial(() => this.insertStep(jobId, step));
  }

  private async insertStep(jobId: string, step: NewStep): Promise<StepRow> {
    const [{ n }] = await this.db.query('SELECT COALESCE(MAX(step_id), 0) + 1 AS n FROM sysjobsteps WHERE job_id = ?', [jobId]);
    const stepId = step.step_id ?? Number(n);
    const values: Record<string, unknown> = { flags: 0, cmdexec_success_code: 0, on_success_action: 1, on_success_step_id: 0, on_fail_action: 2, on_fail_step_id: 0, retry_attempts: 0, retry_interval: 0, ...step, job_id: jobId, step_id: stepId, step_uid: randomUUID().toUpperCase() };
    // Only sysjobsteps' own columns are written (the keys come from callers).
    const columns = Object.keys(values).filter((c) => c === 'step_uid' || STEP_COLUMN_NAMES.has(c));
    await this.db.run(`INSERT INTO sysjobsteps (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => values[c] ?? null));
    return rows<StepRow>(await this.db.query(`SELECT ${STEP_COLUMNS} FROM sysjobsteps WHERE job_id = ? AND step_id = ?`, [jobId, stepId]))[0];
  }

  /** A job's steps in step order. */
  listSteps(jobId: string): Promise<StepRow[]> {
    return this.serial(async () => rows<StepRow>(await this.db.query(`SELECT ${STEP_COLUMNS} FROM sysjobsteps WHERE job_id = ? ORDER BY step_id`, [jobId])));
  }

  // ---- schedules -------------------------------------------------------------------------

  /** `sp_add_schedule` + `sp_attach_schedule`: a schedule for a job, with its first next run time. */
  addJobSchedule(jobId: string, name: string, timing: ScheduleTiming, next: WallTime | undefined, now: WallTime): Promise<JobSchedule> {
    return this.serial(() => this.tx(() => this.insertJobSchedule(jobId, name, timing, next, now)));
  }

  private async insertJobSchedule(jobId: string, name: string, timing: ScheduleTiming, next: WallTime | undefined, now: WallTime): Promise<JobSchedule> {
    const stamp = formatWall(now);
    const [r] = await this.db.query(
      `INSERT INTO sysschedules (schedule_uid, name, enabled, freq_type, freq_interval, freq_subday_type, freq_subday_interval, freq_relative_interval, freq_recurrence_factor, active_start_date, active_end_date, active_start_time, active_end_time, cron_expression, date_created, date_modified)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING schedule_id`,
      [randomUUID().toUpperCase(), name, timing.freq_type, timing.freq_interval, timing.freq_subday_type, timing.freq_subday_interval, timing.freq_relative_interval, timing.freq_recurrence_factor, timing.active_start_date, timing.active_end_date, timing.active_start_time, timing.active_end_time, timing.cron_expression, stamp, stamp],
    );
    await this.db.run('INSERT INTO sysjobschedules (schedule_id, job_id, next_run_date, next_run_time) VALUES (?, ?, ?, ?)', [
      r.schedule_id, jobId, next === undefined ? 0 : toAgentDate(next), next === undefined ? 0 : toAgentTime(next),
    ]);
    return (await this.jobSchedules(jobId)).find((s) => s.schedule.schedule_id === r.schedule_id)!;
  }

  /** `sp_detach_schedule @delete_unused_schedule = 1`: the job no longer uses the schedule; it is deleted when no job does. */
  removeJobSchedule(jobId: string, scheduleId: number): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        const n = await this.db.run('DELETE FROM sysjobschedules WHERE job_id = ? AND schedule_id = ?', [jobId, scheduleId]);
        if (n === 0) throw notFound(`The schedule ${scheduleId} of this job`);
        await this.db.run('DELETE FROM sysschedules WHERE schedule_id = ? AND NOT EXISTS (SELECT 1 FROM sysjobschedules WHERE schedule_id = ?)', [scheduleId, scheduleId]);
      }),
    );
  }

  /** The schedules of one job, or of every job. */
  listJobSchedules(jobId?: string): Promise<JobSchedule[]> {
    return this.serial(() => this.jobSchedules(jobId));
  }

  private async jobSchedules(jobId?: string): Promise<JobSchedule[]> {
    const r = await this.db.query(
      `SELECT js.job_id, js.next_run_date, js.next_run_time, ${SCHEDULE_COLUMNS} FROM sysjobschedules js JOIN sysschedules s ON s.schedule_id = js.schedule_id
       ${jobId === undefined ? '' : 'WHERE js.job_id = ?'} ORDER BY js.job_id, s.schedule_id`,
      jobId === undefined ? [] : [jobId],
    );
    return r.map((x) => ({ job_id: String(x.job_id), next_run_date: Number(x.next_run_date), next_run_time: Number(x.next_run_time), schedule: scheduleOf(x) }));
  }

  /** Sets `sysjobschedules.next_run_date/time` (0 when the schedule never fires again). */
  setNextRun(jobId: string, scheduleId: number, next: WallTime | undefined): Promise<void> {
    return this.serial(async () => {
      await this.db.run('UPDATE sysjobschedules SET next_run_date = ?, next_run_time = ? WHERE job_id = ? AND schedule_id = ?', [
        next === undefined ? 0 : toAgentDate(next), next === undefined ? 0 : toAgentTime(next), jobId, scheduleId,
      ]);
    });
  }

  /**
   * Claims every due schedule slot at `now` for `sessionId`, in one transaction: the due
   * `sysjobschedules` rows are locked (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two Agents never
   * take the same row), moved on to their next run time (`next(schedule, now)`, which skips runs
   * missed while no Agent ran), and each slot is recorded in `opendts_agent_slots`, whose key
   * refuses a slot claimed before. A slot older than `graceMs` is 'missed'; a slot whose job is
   * running in a live session is 'skipped'; otherwise the job is marked running for this session
   * (`sysjobactivity`) and the slot is 'run'. Returns the slots this call won.
   */
  claimDueSlots(
    sessionId: number,
    now: WallTime,
    next: (s: ScheduleTiming, after: WallTime) => WallTime | undefined | Promise<WallTime | undefined>,
    opts: { graceMs: number; aliveSince: WallTime },
  ): Promise<ClaimedSlot[]> {
    return this.serial(() =>
      this.tx(async () => {
        const date = toAgentDate(now);
        const due = await this.db.query(
          `SELECT js.job_id, js.schedule_id, js.next_run_date, js.next_run_time FROM sysjobschedules js
           JOIN sysjobs j ON j.job_id = js.job_id JOIN sysschedules s ON s.schedule_id = js.schedule_id
           WHERE j.enabled = 1 AND s.enabled = 1 AND js.next_run_date > 0
             AND (js.next_run_date < ? OR (js.next_run_date = ? AND js.next_run_time <= ?))
           ORDER BY js.next_run_date, js.next_run_time${this.lock('FOR UPDATE OF js SKIP LOCKED')}`,
          [date, date, toAgentTime(now)],
        );
        const claimed: ClaimedSlot[] = [];
        for (const d of due) {
          const [s] = await this.db.query(`SELECT ${SCHEDULE_COLUMNS} FROM sysschedules s WHERE s.schedule_id = ?`, [d.schedule_id]);
          const schedule = scheduleOf(s);
          const following = await next(schedule, now);
          await this.db.run('UPDATE sysjobschedules SET next_run_date = ?, next_run_time = ? WHERE job_id = ? AND schedule_id = ?', [
            following === undefined ? 0 : toAgentDate(following), following === undefined ? 0 : toAgentTime(following), d.job_id, d.schedule_id,
          ]);
          const slot = fromAgent(Number(d.next_run_date), Number(d.next_run_time));
          const job = (await this.jobBy('job_id', String(d.job_id)))!;
          const source = `Schedule ${d.schedule_id} (${schedule.name})`;
          const running = now - slot > opts.graceMs ? undefined : await this.runningOrStart(sessionId, job.job_id, source, now, opts.aliveSince);
          const outcome = now - slot > opts.graceMs ? 'missed' : running ? 'skipped' : 'run';
          const won = await this.db.run(
            `INSERT INTO opendts_agent_slots (job_id, schedule_id, slot_date, slot_time, session_id, claimed_date, outcome) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            [d.job_id, d.schedule_id, d.next_run_date, d.next_run_time, sessionId, formatWall(now), outcome],
          );
          if (won === 0) {
            // Claimed before: undo the start this call made.
            if (outcome === 'run') await this.db.run('DELETE FROM sysjobactivity WHERE session_id = ? AND job_id = ?', [sessionId, job.job_id]);
            continue;
          }
          claimed.push({ job, schedule, slot, outcome, ...(running ? { running } : {}) });
        }
        return claimed;
      }),
    );
  }

  /** Every slot ever claimed for a job: `[slot wall time, session, outcome]`, oldest first. */
  listSlots(jobId: string): Promise<{ slot: WallTime; session_id: number; outcome: string }[]> {
    return this.serial(async () =>
      (await this.db.query('SELECT slot_date, slot_time, session_id, outcome FROM opendts_agent_slots WHERE job_id = ? ORDER BY slot_date, slot_time', [jobId])).map((r) => ({
        slot: fromAgent(Number(r.slot_date), Number(r.slot_time)),
        session_id: Number(r.session_id),
        outcome: String(r.outcome),
      })),
    );
  }

  // ---- history ---------------------------------------------------------------------------

  /** Writes a `sysjobhistory` row; returns its `instance_id`. */
  addHistory(h: NewHistory): Promise<number> {
    return this.serial(() => this.insertHistory(h));
  }

  private async insertHistory(h: NewHistory): Promise<number> {
    const [r] = await this.db.query(
      `INSERT INTO sysjobhistory (job_id, step_id, step_name, sql_message_id, sql_severity, message, run_status, run_date, run_time, run_duration, operator_id_emailed, retries_attempted, server)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING instance_id`,
      [h.job_id, h.step_id, h.step_name, h.sql_message_id ?? 0, h.sql_severity ?? 0, h.message, h.run_status, h.run_date, h.run_time, h.run_duration, h.operator_id_emailed ?? 0, h.retries_attempted ?? 0, h.server],
    );
    return Number(r.instance_id);
  }

  /**
   * Keeps the newest `perJob` rows of a job and the newest `total` rows overall (Agent's "limit
   * size of job history log"); returns the number of rows removed.
   */
  purgeHistory(jobId: string, limits: { perJob?: number; total?: number }): Promise<number> {
    return this.serial(async () => {
      let removed = 0;
      if (limits.perJob !== undefined) {
        removed += await this.db.run(
          'DELETE FROM sysjobhistory WHERE job_id = ? AND instance_id <= (SELECT instance_id FROM sysjobhistory WHERE job_id = ? ORDER BY instance_id DESC LIMIT 1 OFFSET ?)',
          [jobId, jobId, limits.perJob],
        );
      }
      if (limits.total !== undefined) {
        removed += await this.db.run('DELETE FROM sysjobhistory WHERE instance_id <= (SELECT instance_id FROM sysjobhistory ORDER BY instance_id DESC LIMIT 1 OFFSET ?)', [limits.total]);
      }
      return removed;
    });
  }

  /** Records that a history row's operator was e-mailed. */
  setHistoryEmailed(instanceId: number, operatorId: number): Promise<void> {
    return this.serial(async () => {
      await this.db.run('UPDATE sysjobhistory SET operator_id_emailed = ? WHERE instance_id = ?', [operatorId, instanceId]);
    });
  }

  /** History rows, oldest first. */
  listHistory(filter: HistoryFilter = {}): Promise<HistoryRow[]> {
    return this.serial(async () => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.job_id !== undefined) {
        where.push('job_id = ?');
        params.push(filter.job_id);
      }
      if (filter.outcomesOnly) where.push('step_id = 0');
      const limit = filter.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
      const r = await this.db.query(`SELECT ${HISTORY_COLUMNS} FROM sysjobhistory${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY instance_id DESC${limit}`, params);
      return rows<HistoryRow>(r).reverse();
    });
  }

  // ---- sessions and activity -------------------------------------------------------------

  /** A new Agent session (`syssessions`), as Agent starts one each time it starts. */
  startSession(agentName: string, now: WallTime): Promise<number> {
    return this.serial(async () => {
      const stamp = formatWall(now);
      const [r] = await this.db.query('INSERT INTO syssessions (agent_start_date, agent_name, heartbeat_date) VALUES (?, ?, ?) RETURNING session_id', [stamp, agentName, stamp]);
      return Number(r.session_id);
    });
  }

  /** Says the session is alive. */
  heartbeat(sessionId: number, now: WallTime): Promise<void> {
    return this.serial(async () => {
      await this.db.run('UPDATE syssessions SET heartbeat_date = ? WHERE session_id = ?', [formatWall(now), sessionId]);
    });
  }

  /** Ends a session: its jobs no longer count as running. */
  endSession(sessionId: number, now: WallTime): Promise<void> {
    return this.serial(async () => {
      await this.db.run('UPDATE syssessions SET ended_date = ? WHERE session_id = ?', [formatWall(now), sessionId]);
    });
  }

  /** The jobs running now in live sessions (not ended, heartbeat at or after `aliveSince`), from `sysjobactivity`. */
  listRunningJobs(aliveSince: WallTime): Promise<(RunningJob & { job_id: string })[]> {
    return this.serial(async () =>
      rows<RunningJob & { job_id: string }>(
        await this.db.query(
          `SELECT a.job_id, a.session_id, a.run_requested_source, a.start_execution_date FROM sysjobactivity a JOIN syssessions s ON s.session_id = a.session_id
           WHERE a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL AND s.ended_date IS NULL AND s.heartbeat_date >= ?`,
          [formatWall(aliveSince)],
        ),
      ),
    );
  }

  /**
   * Marks a job as running in this session (`sysjobactivity`) unless it is running already in a
   * live session (not ended, heartbeat at or after `aliveSince`); returns that run instead.
   */
  tryStartJob(sessionId: number, jobId: string, source: string, now: WallTime, aliveSince: WallTime): Promise<RunningJob | undefined> {
    return this.serial(() => this.tx(() => this.runningOrStart(sessionId, jobId, source, now, aliveSince)));
  }

  private async runningOrStart(sessionId: number, jobId: string, source: string, now: WallTime, aliveSince: WallTime): Promise<RunningJob | undefined> {
    await this.db.query(`SELECT job_id FROM sysjobs WHERE job_id = ?${this.lock('FOR UPDATE')}`, [jobId]);
    const running = rows<RunningJob>(
      await this.db.query(
        `SELECT a.session_id, a.run_requested_source, a.start_execution_date FROM sysjobactivity a JOIN syssessions s ON s.session_id = a.session_id
         WHERE a.job_id = ? AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL AND s.ended_date IS NULL AND s.heartbeat_date >= ?`,
        [jobId, formatWall(aliveSince)],
      ),
    )[0];
    if (running) return running;
    const stamp = formatWall(now);
    await this.db.run('DELETE FROM sysjobactivity WHERE session_id = ? AND job_id = ?', [sessionId, jobId]);
    await this.db.run(
      'INSERT INTO sysjobactivity (session_id, job_id, run_requested_date, run_requested_source, queued_date, start_execution_date) VALUES (?, ?, ?, ?, ?, ?)',
      [sessionId, jobId, stamp, source, stamp, stamp],
    );
    return undefined;
  }

  /**
   * Closes the runs of dead sessions (ended, or silent since before `aliveSince`) that never
   * finished: each gets a job outcome row (run_status 3, canceled) saying it was interrupted, and
   * its activity is stopped. Returns the jobs closed.
   */
  closeInterruptedRuns(aliveSince: WallTime, now: WallTime, server: string): Promise<string[]> {
    return this.serial(() =>
      this.tx(async () => {
        const dead = await this.db.query(
          `SELECT a.session_id, a.job_id, a.start_execution_date, a.run_requested_source, a.last_executed_step_id, s.agent_name FROM sysjobactivity a JOIN syssessions s ON s.session_id = a.session_id
           WHERE a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL AND (s.ended_date IS NOT NULL OR s.heartbeat_date < ?)${this.lock('FOR UPDATE OF a SKIP LOCKED')}`,
          [formatWall(aliveSince)],
        );
        for (const d of dead) {
          const started = String(d.start_execution_date);
          const startWall = Date.UTC(Number(started.slice(0, 4)), Number(started.slice(5, 7)) - 1, Number(started.slice(8, 10)), Number(started.slice(11, 13)), Number(started.slice(14, 16)), Number(started.slice(17, 19)));
          const lastStep = d.last_executed_step_id === null ? 'no step had finished' : `the last step to finish was step ${d.last_executed_step_id}`;
          const id = await this.insertHistory({
            job_id: String(d.job_id),
            step_id: 0,
            step_name: '(Job outcome)',
            message: `The job was stopped prior to completion: the Agent session ${d.session_id} (${d.agent_name ?? 'unknown'}) that ran it ended before the job did; ${lastStep}. The Job was invoked by ${d.run_requested_source ?? 'unknown'}.`,
            run_status: RunStatus.Canceled,
            run_date: toAgentDate(startWall),
            run_time: toAgentTime(startWall),
            run_duration: 0,
            server,
          });
          await this.db.run('UPDATE sysjobactivity SET stop_execution_date = ?, job_history_id = ? WHERE session_id = ? AND job_id = ?', [formatWall(now), id, d.session_id, d.job_id]);
        }
        return dead.map((d) => String(d.job_id));
      }),
    );
  }

  /**
   * Records one step attempt in one transaction: its `sysjobhistory` row, the step's `last_run_*`
   * columns and the run's last executed step (`sysjobactivity`).
   */
  recordStep(sessionId: number, h: NewHistory): Promise<number> {
    return this.serial(() =>
      this.tx(async () => {
        const id = await this.insertHistory(h);
        await this.db.run(
          'UPDATE sysjobsteps SET last_run_outcome = ?, last_run_duration = ?, last_run_retries = ?, last_run_date = ?, last_run_time = ? WHERE job_id = ? AND step_id = ?',
          [h.run_status === RunStatus.Succeeded ? 1 : 0, h.run_duration, h.retries_attempted ?? 0, h.run_date, h.run_time, h.job_id, h.step_id],
        );
        await this.db.run('UPDATE sysjobactivity SET last_executed_step_id = ?, last_executed_step_date = ? WHERE session_id = ? AND job_id = ?', [
          h.step_id, formatWall(fromAgent(h.run_date, h.run_time)), sessionId, h.job_id,
        ]);
        return id;
      }),
    );
  }

  /** Ends a run in one transaction: writes its job outcome row and marks it stopped at `now`; returns the row's `instance_id`. */
  finishRun(sessionId: number, outcome: NewHistory, now: WallTime): Promise<number> {
    return this.serial(() =>
      this.tx(async () => {
        const id = await this.insertHistory(outcome);
        await this.db.run('UPDATE sysjobactivity SET stop_execution_date = ?, job_history_id = ? WHERE session_id = ? AND job_id = ?', [formatWall(now), id, sessionId, outcome.job_id]);
        return id;
      }),
    );
  }
}
