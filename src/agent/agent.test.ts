// The scheduler on a manual clock: runs due slots, never a slot twice (restarts, two Agents on
// PostgreSQL), never a job twice at once, missed runs recorded and not replayed, start-up jobs.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, type AgentOptions } from './agent.ts';
import { AgentStore } from './agent-store.ts';
import { ManualClock } from './clock.ts';
import { RunStatus } from './codes.ts';
import { nextRunAtOrAfter, nextRunAfter } from './next-run.ts';
import { parseScheduleText } from './schedule-text.ts';
import { openAgentDb } from './sql-db.ts';
import type { StepKind } from './steps/index.ts';
import { freshStore } from './test-support.ts';
import { wallOf, toAgentDate, toAgentTime, formatWall } from './wall-time.ts';
import { isSsisError } from '../errors.ts';

const at = (h: number, m: number, s = 0) => new Date(2026, 10, 25, h, m, s);

/** A step kind that succeeds at once and counts its runs. */
function countingStep(counter: { n: number }): StepKind {
  return async () => {
    counter.n++;
    return { succeeded: true, message: 'ran', output: 'ran' };
  };
}

async function scheduledJob(store: AgentStore, name: string, schedule: string, clock: ManualClock) {
  const now = wallOf(clock.now());
  const job = await store.addJob({ name }, now);
  await store.addStep(job.job_id, { step_name: 'step', subsystem: 'CmdExec', command: 'true' });
  const timing = parseScheduleText(schedule, toAgentDate(now));
  await store.addJobSchedule(job.job_id, `${name} schedule`, timing, nextRunAtOrAfter(timing, now), now);
  return job;
}

function agentOptions(store: AgentStore, clock: ManualClock, stepKind: StepKind, name = 'agent'): AgentOptions {
  return { store, clock, server: 'TESTSRV', agentName: name, cwd: process.cwd(), env: process.env, user: 'agent', productYear: 2014, stepKind: () => stepKind };
}

async function tickAndWait(agent: Agent) {
  return Promise.all(await agent.tick());
}

describe('Agent on SQLite', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  test('an every-minute schedule runs each due minute once; restarts and missed runs', async () => {
    const t = await freshStore('sqlite');
    cleanups.push(t.cleanup);
    const clock = new ManualClock(at(10, 0, 30));
    const counter = { n: 0 };
    const job = await scheduledJob(t.store, 'every minute', 'every 1 minutes', clock);
    const a = new Agent(agentOptions(t.store, clock, countingStep(counter), 'a'));
    await a.start();
    assert.deepEqual(await tickAndWait(a), []);
    clock.set(at(10, 1, 0));
    assert.equal((await tickAndWait(a)).length, 1);
    clock.set(at(10, 1, 40));
    assert.equal((await tickAndWait(a)).length, 0);
    clock.set(at(10, 2, 5));
    assert.equal((await tickAndWait(a)).length, 1);
    // Agent a dies without ending its session; b starts at once: the 10:02 slot is not run again.
    const b = new Agent(agentOptions(t.store, clock, countingStep(counter), 'b'));
    await b.start();
    assert.equal((await tickAndWait(b)).length, 0);
    assert.equal(counter.n, 2);
    // No Agent runs from 10:02:05 to 10:30:10: the missed runs are recorded, not replayed.
    clock.set(at(10, 30, 10));
    const c = new Agent(agentOptions(t.store, clock, countingStep(counter), 'c'));
    await c.start();
    assert.equal((await tickAndWait(c)).length, 0);
    assert.equal(counter.n, 2);
    const outcomes = await t.store.listHistory({ job_id: job.job_id, outcomesOnly: true });
    assert.deepEqual(outcomes.map((h) => h.run_status), [RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Canceled]);
    assert.equal(
      outcomes[2].message,
      'The job was not run: 28 scheduled runs from 2026-11-25 10:03:00 to 2026-11-25 10:30:00 (Schedule 1 (every minute schedule)) fell while no Agent was running. Missed runs are not replayed. The next run is at 2026-11-25 10:31:00.',
    );
    assert.deepEqual([outcomes[2].run_date, outcomes[2].run_time], [20261125, 100300]);
    clock.set(at(10, 31, 0));
    assert.equal((await tickAndWait(c)).length, 1);
    const slots = await t.store.listSlots(job.job_id);
    assert.deepEqual(slots.map((s) => [formatWall(s.slot).slice(11), s.outcome]), [['10:01:00', 'run'], ['10:02:00', 'run'], ['10:03:00', 'missed'], ['10:31:00', 'run']]);
    await c.stop();
  });

  test('a job already running is not started twice; the slot says skipped; run now is refused', async () => {
    const t = await freshStore('sqlite');
    cleanups.push(t.cleanup);
    const clock = new ManualClock(at(11, 0, 30));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const slow: StepKind = async () => {
      runs++;
      await gate;
      return { succeeded: true, message: 'slow done', output: '' };
    };
    const job = await scheduledJob(t.store, 'slow', 'every 1 minutes', clock);
    const agent = new Agent(agentOptions(t.store, clock, slow));
    await agent.start();
    clock.set(at(11, 1, 0));
    const first = await agent.tick();
    assert.equal(first.length, 1);
    clock.set(at(11, 2, 0));
    assert.equal((await agent.tick()).length, 0);
    await assert.rejects(agent.runNow(job, 'admin'), (e) => isSsisError(e) && /refused because the job is already running/.test(e.message));
    release();
    await Promise.all(first);
    assert.equal(runs, 1);
    assert.deepEqual((await t.store.listSlots(job.job_id)).map((s) => s.outcome), ['run', 'skipped']);
    const r = await agent.runNow(job, 'admin');
    assert.equal(r.succeeded, true);
    assert.match(r.message, /invoked by User admin/);
    await agent.stop();
  });

  test('a run whose Agent died is recorded as interrupted when an Agent starts after the session went silent', async () => {
    const t = await freshStore('sqlite');
    cleanups.push(t.cleanup);
    const clock = new ManualClock(at(14, 0, 30));
    const job = await scheduledJob(t.store, 'crashes', 'every 1 minutes', clock);
    const never = new Promise<never>(() => undefined);
    const a = new Agent(agentOptions(t.store, clock, async () => never, 'a'));
    await a.start();
    clock.set(at(14, 1, 0));
    assert.equal((await a.tick()).length, 1); // the run hangs: agent a "crashes" here
    // Five minutes later the session is still taken as alive: nothing is closed, the job is not restarted.
    clock.set(at(14, 6, 0));
    const b = new Agent(agentOptions(t.store, clock, countingStep({ n: 0 }), 'b'));
    await b.start();
    assert.deepEqual(await t.store.listHistory({ job_id: job.job_id }), []);
    assert.equal((await b.tick()).length, 0); // the 14:02 slot is long past: missed
    // Twenty minutes on, a new Agent closes the dead run; the next minute the schedule runs again.
    clock.set(at(14, 21, 0));
    const c = new Agent(agentOptions(t.store, clock, countingStep({ n: 0 }), 'c'));
    await c.start();
    const interrupted = (await t.store.listHistory({ job_id: job.job_id })).find((h) => /stopped prior to completion/.test(h.message ?? ''));
    assert.ok(interrupted);
    assert.equal(interrupted.run_status, RunStatus.Canceled);
    assert.equal(interrupted.run_time, 140100);
    assert.match(interrupted.message ?? '', new RegExp(`^The job was stopped prior to completion: the Agent session ${a.session} \\(a\\) that ran it ended before the job did; no step had finished\\. The Job was invoked by Schedule \\d+ \\(crashes schedule\\)\\.$`));
    await c.tick(); // the 14:07 slot: missed
    clock.set(at(14, 22, 0));
    assert.equal((await Promise.all(await c.tick())).length, 1);
    await b.stop();
    await c.stop();
  });

  test('"when the Agent starts" jobs run at each start; disabled jobs never run', async () => {
    const t = await freshStore('sqlite');
    cleanups.push(t.cleanup);
    const clock = new ManualClock(at(12, 0, 0));
    const counter = { n: 0 };
    await scheduledJob(t.store, 'startup', 'when the agent starts', clock);
    const off = await scheduledJob(t.store, 'disabled', 'every 1 minutes', clock);
    await t.store.setJobEnabled(off.job_id, false, wallOf(clock.now()));
    const agent = new Agent(agentOptions(t.store, clock, countingStep(counter)));
    await agent.start();
    assert.equal(counter.n, 0);
    assert.equal((await Promise.all(await agent.runStartupJobs())).length, 1);
    clock.set(at(12, 5, 0));
    await tickAndWait(agent);
    await agent.stop();
    assert.equal(counter.n, 1);
    assert.deepEqual(await t.store.listHistory({ job_id: off.job_id }), []);
  });
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`history limits keep the newest rows per job and overall (${dialect})`, async () => {
    const t = await freshStore(dialect);
    try {
      const clock = new ManualClock(at(13, 0, 0));
      const counter = { n: 0 };
      const a = await scheduledJob(t.store, 'a', 'daily at 01:00', clock);
      const b = await scheduledJob(t.store, 'b', 'daily at 01:00', clock);
      const agent = new Agent({ ...agentOptions(t.store, clock, countingStep(counter)), historyLimits: { perJob: 4, total: 6 } });
      await agent.start();
      for (let i = 0; i < 3; i++) await agent.runNow(a, 'admin');
      assert.equal((await t.store.listHistory({ job_id: a.job_id })).length, 4);
      for (let i = 0; i < 2; i++) await agent.runNow(b, 'admin');
      const all = await t.store.listHistory();
      assert.equal(all.length, 6);
      assert.deepEqual(all.map((h) => h.job_id), [a.job_id, a.job_id, b.job_id, b.job_id, b.job_id, b.job_id]);
      await agent.stop();
    } finally {
      await t.cleanup();
    }
  });
}

describe('two Agents on one PostgreSQL msdb', () => {
  // Without SKIP LOCKED the two claims would wait on each other forever: the timeout turns that into a failure.
  test('a slot row locked by one Agent is skipped by the other, which does not wait (FOR UPDATE SKIP LOCKED)', { timeout: 30_000 }, async () => {
    const t = await freshStore('postgres');
    const second = new AgentStore(await openAgentDb(t.url));
    try {
      const clock = new ManualClock(at(8, 0, 30));
      const job = await scheduledJob(t.store, 'contended', 'every 1 minutes', clock);
      const sa = await t.store.startSession('a', 0);
      const sb = await second.startSession('b', 0);
      const due = wallOf(at(8, 1, 0));
      let whileLocked: unknown;
      // Agent a holds the row lock while it computes the next run; agent b claims meanwhile.
      const opts = { graceMs: 60_000, aliveSince: due - 600_000 };
      const claimedByA = await t.store.claimDueSlots(sa, due, async (s, after) => {
        whileLocked = await second.claimDueSlots(sb, due, nextRunAfter, opts);
        return nextRunAfter(s, after);
      }, opts);
      assert.deepEqual(whileLocked, []);
      assert.deepEqual(claimedByA.map((c) => [c.job.job_id, c.outcome]), [[job.job_id, 'run']]);
      // After a committed, b sees the row moved on: nothing is due for the same minute.
      assert.deepEqual(await second.claimDueSlots(sb, due, nextRunAfter, opts), []);
      assert.deepEqual((await t.store.listSlots(job.job_id)).map((s) => [s.session_id, toAgentTime(s.slot)]), [[sa, 80100]]);
    } finally {
      await second.close();
      await t.cleanup();
    }
  });

  test('never run the same slot twice', async () => {
    const t = await freshStore('postgres');
    const second = new AgentStore(await openAgentDb(t.url));
    try {
      const clock = new ManualClock(at(9, 0, 30));
      const counter = { n: 0 };
      const jobs = [];
      for (let i = 0; i < 4; i++) jobs.push(await scheduledJob(t.store, `job ${i}`, 'every 1 minutes', clock));
      const a = new Agent(agentOptions(t.store, clock, countingStep(counter), 'a'));
      const b = new Agent(agentOptions(second, clock, countingStep(counter), 'b'));
      await a.start();
      await b.start();
      const minutes = 6;
      for (let m = 1; m <= minutes; m++) {
        clock.set(at(9, m, 0));
        const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
        await Promise.all([...ra, ...rb]);
      }
      assert.equal(counter.n, jobs.length * minutes);
      const sessions = new Set<number>();
      for (const job of jobs) {
        const slots = await t.store.listSlots(job.job_id);
        assert.deepEqual(slots.map((s) => toAgentTime(s.slot)), [90100, 90200, 90300, 90400, 90500, 90600]);
        assert.ok(slots.every((s) => s.outcome === 'run'));
        slots.forEach((s) => sessions.add(s.session_id));
        assert.equal((await t.store.listHistory({ job_id: job.job_id, outcomesOnly: true })).length, minutes);
      }
      assert.ok([...sessions].every((s) => s === a.session || s === b.session));
      await a.stop();
      await b.stop();
    } finally {
      await second.close();
      await t.cleanup();
    }
  });
});
