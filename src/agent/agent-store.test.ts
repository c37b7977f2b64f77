// The repository's contract: the same tests on SQLite and on PostgreSQL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AgentStore } from './agent-store.ts';
import { AGENT_TABLES } from './schema.ts';
import { openAgentDb } from './sql-db.ts';
import { parseScheduleText } from './schedule-text.ts';
import { nextRunAfter, nextRunAtOrAfter } from './next-run.ts';
import { wall, toAgentDate, toAgentTime } from './wall-time.ts';
import { DIALECTS, freshStore } from './test-support.ts';
import { isSsisError } from '../errors.ts';

const NOW = wall(2026, 11, 25, 10, 0, 0);

for (const dialect of DIALECTS) {
  describe(`AgentStore on ${dialect}`, () => {
    let t: Awaited<ReturnType<typeof freshStore>>;
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.cleanup());

    test('migration is idempotent and creates every table AGENT_TABLES names', async () => {
      await t.store.migrate();
      await t.store.migrate();
      assert.deepEqual(await t.store.listJobs(), []);
      for (const table of AGENT_TABLES) assert.ok(Array.isArray(await t.store.db.query(`SELECT COUNT(*) AS n FROM ${table}`)), table);
    });

    test('jobs, steps and schedules round-trip with Agent defaults', async () => {
      const job = await t.store.addJob({ name: 'Nightly load', description: 'loads' }, NOW);
      assert.match(job.job_id, /^[0-9A-F-]{36}$/);
      assert.deepEqual([job.enabled, job.start_step_id, job.notify_level_email, job.date_created], [1, 1, 0, '2026-11-25 10:00:00']);
      await assert.rejects(t.store.addJob({ name: 'NIGHTLY LOAD' }, NOW), (e) => isSsisError(e) && /already exists/.test(e.message));
      assert.equal((await t.store.findJob('nightly load'))?.job_id, job.job_id);
      const s1 = await t.store.addStep(job.job_id, { step_name: 'one', subsystem: 'CmdExec', command: 'true', on_success_action: 3 });
      const s2 = await t.store.addStep(job.job_id, { step_name: 'two', subsystem: 'SSIS', command: '/F a.dtsx', retry_attempts: 2, retry_interval: 5 });
      assert.deepEqual([s1.step_id, s2.step_id, s1.on_success_action, s2.on_success_action, s2.on_fail_action, s2.retry_attempts], [1, 2, 3, 1, 2, 2]);
      const timing = parseScheduleText('daily at 02:00', 20261125);
      const js = await t.store.addJobSchedule(job.job_id, 'nightly', timing, nextRunAtOrAfter(timing, NOW), NOW);
      assert.deepEqual([js.next_run_date, js.next_run_time, js.schedule.freq_type, js.schedule.active_start_time, js.schedule.name], [20261126, 20000, 4, 20000, 'nightly']);
      assert.equal((await t.store.findJob('Nightly load'))?.job_id, job.job_id);
      assert.equal((await t.store.findJob(job.job_id.toLowerCase()))?.name, 'Nightly load');
      assert.deepEqual((await t.store.listSteps(job.job_id)).map((s) => s.step_name), ['one', 'two']);
    });

    test('createJob writes the job, its steps and schedules together, or nothing', async () => {
      const timing = parseScheduleText('daily at 03:00', 20261125);
      const made = await t.store.createJob({ name: 'Together' }, [{ step_name: 'a', subsystem: 'CmdExec', command: 'true' }], [{ name: 'Together', timing, next: nextRunAtOrAfter(timing, NOW) }], NOW);
      assert.equal((await t.store.listSteps(made.job_id)).length, 1);
      assert.equal((await t.store.listJobSchedules(made.job_id)).length, 1);
      // Two steps with the same id: the second insert fails and the whole job is rolled back.
      await assert.rejects(t.store.createJob({ name: 'Broken' }, [{ step_name: 'a', subsystem: 'CmdExec', step_id: 1 }, { step_name: 'b', subsystem: 'CmdExec', step_id: 1 }], [], NOW));
      assert.equal(await t.store.findJob('Broken'), undefined);
      await t.store.deleteJob(made.job_id);
    });

    test('history keeps order and filters outcomes', async () => {
      const job = (await t.store.findJob('Nightly load'))!;
      for (const [step, status] of [[1, 1], [2, 0], [0, 0]] as const) {
        await t.store.addHistory({ job_id: job.job_id, step_id: step, step_name: step === 0 ? '(Job outcome)' : `s${step}`, message: `m${step}`, run_status: status, run_date: 20261125, run_time: 100000, run_duration: 5, server: 'test' });
      }
      assert.deepEqual((await t.store.listHistory({ job_id: job.job_id })).map((h) => h.step_id), [1, 2, 0]);
      assert.deepEqual((await t.store.listHistory({ job_id: job.job_id, outcomesOnly: true })).map((h) => h.message), ['m0']);
      assert.deepEqual((await t.store.listHistory({ job_id: job.job_id, limit: 2 })).map((h) => h.step_id), [2, 0]);
    });

    test('a job runs only once at a time across sessions; a dead session no longer holds it', async () => {
      const job = (await t.store.findJob('Nightly load'))!;
      const a = await t.store.startSession('a', NOW);
      const b = await t.store.startSession('b', NOW);
      assert.equal(await t.store.tryStartJob(a, job.job_id, 'Schedule 1 (x)', NOW, NOW - 600_000), undefined);
      const busy = await t.store.tryStartJob(b, job.job_id, 'User u', NOW, NOW - 600_000);
      assert.equal(busy?.run_requested_source, 'Schedule 1 (x)');
      // Twenty minutes later, session a has not beaten: its run is taken as dead.
      const later = NOW + 20 * 60_000;
      assert.equal(await t.store.tryStartJob(b, job.job_id, 'User u', later, later - 600_000), undefined);
      await t.store.finishRun(b, { job_id: job.job_id, step_id: 0, step_name: '(Job outcome)', message: 'done', run_status: 1, run_date: 20261125, run_time: 102000, run_duration: 0, server: 'test' }, later);
      await t.store.endSession(a, later);
      assert.equal(await t.store.tryStartJob(b, job.job_id, 'User u', later, later - 600_000), undefined);
    });

    test('claiming a due slot moves the schedule on, starts the job, and refuses the same slot again', async () => {
      const job = (await t.store.findJob('Nightly load'))!;
      const due = wall(2026, 11, 26, 2, 0, 0);
      const session = await t.store.startSession('c', due);
      const opts = (now: number) => ({ graceMs: 60_000, aliveSince: now - 600_000 });
      assert.deepEqual(await t.store.claimDueSlots(session, due - 1000, nextRunAfter, opts(due - 1000)), []);
      const claimed = await t.store.claimDueSlots(session, due, nextRunAfter, opts(due));
      assert.deepEqual(claimed.map((c) => [c.job.name, c.schedule.name, c.slot, c.outcome]), [['Nightly load', 'nightly', due, 'run']]);
      const [js] = await t.store.listJobSchedules(job.job_id);
      assert.deepEqual([js.next_run_date, js.next_run_time], [toAgentDate(due + 86_400_000), toAgentTime(due)]);
      // The job now runs in session c: another session is refused.
      const other = await t.store.startSession('d', due);
      assert.equal((await t.store.tryStartJob(other, job.job_id, 'User u', due, due - 600_000))?.session_id, session);
      // Put the old slot back: the slot table still refuses it, and nothing is started.
      await t.store.setNextRun(job.job_id, js.schedule.schedule_id, due);
      assert.deepEqual(await t.store.claimDueSlots(other, due, nextRunAfter, opts(due)), []);
      assert.deepEqual((await t.store.listSlots(job.job_id)).map((s) => s.outcome), ['run']);
      // The next day's slot while the job still runs: skipped; two days late: missed.
      const dayAfter = due + 86_400_000;
      await t.store.heartbeat(session, dayAfter);
      assert.deepEqual((await t.store.claimDueSlots(other, dayAfter, nextRunAfter, opts(dayAfter))).map((c) => [c.outcome, c.running?.session_id]), [['skipped', session]]);
      const late = dayAfter + 86_400_000 + 3_600_000;
      assert.deepEqual((await t.store.claimDueSlots(other, late, nextRunAfter, opts(late))).map((c) => c.outcome), ['missed']);
      await t.store.endSession(session, late);
      await t.store.endSession(other, late);
    });

    test('a schedule can be detached; the unused schedule goes with it', async () => {
      const job = await t.store.addJob({ name: 'Detach me' }, NOW);
      const timing = parseScheduleText('weekly on mon at 01:00', 20261125);
      const js = await t.store.addJobSchedule(job.job_id, 'weekly', timing, nextRunAtOrAfter(timing, NOW), NOW);
      await t.store.removeJobSchedule(job.job_id, js.schedule.schedule_id);
      assert.deepEqual(await t.store.listJobSchedules(job.job_id), []);
      await assert.rejects(t.store.removeJobSchedule(job.job_id, js.schedule.schedule_id), (e) => isSsisError(e) && /does not exist/.test(e.message));
      await t.store.deleteJob(job.job_id);
    });

    test('a second connection sees the same data', async () => {
      const other = new AgentStore(await openAgentDb(t.url));
      try {
        assert.deepEqual((await other.listJobs()).map((j) => j.name), ['Nightly load']);
      } finally {
        await other.close();
      }
    });

    test('deleting a job removes its steps, schedules and history', async () => {
      const job = (await t.store.findJob('Nightly load'))!;
      await t.store.deleteJob(job.job_id);
      assert.equal(await t.store.findJob('Nightly load'), undefined);
      assert.deepEqual(await t.store.listJobSchedules(), []);
      assert.deepEqual(await t.store.listHistory(), []);
    });
  });
}
