// Two `opendts agent` processes on one PostgreSQL msdb: every slot either of them claimed ran exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshStore } from './test-support.ts';
import { parseScheduleText } from './schedule-text.ts';
import { nextRunAtOrAfter } from './next-run.ts';
import { systemClock } from './clock.ts';
import { toAgentDate, wallOf } from './wall-time.ts';

const OPENDTS = path.resolve(fileURLToPath(import.meta.url), '../../../bin/opendts.js');

function startAgent(url: string, name: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [OPENDTS, 'agent', '--db', url, '--poll', '0.2', '--name', name], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, exited: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

test('two Agent processes share one PostgreSQL msdb without running a slot twice', { timeout: 120_000 }, async () => {
  const t = await freshStore('postgres');
  try {
    const now = wallOf(systemClock.now());
    const timing = parseScheduleText('every 1 seconds', toAgentDate(now));
    const jobs = [];
    for (let i = 0; i < 3; i++) {
      const job = await t.store.addJob({ name: `shared ${i}` }, now);
      await t.store.addStep(job.job_id, { step_name: 'echo', subsystem: 'CmdExec', command: `echo run of job ${i}` });
      await t.store.addJobSchedule(job.job_id, `shared ${i}`, timing, nextRunAtOrAfter(timing, now), now);
      jobs.push(job);
    }
    const agents = [startAgent(t.url, 'first'), startAgent(t.url, 'second')];
    // Let them work until a dozen runs are recorded (bounded), then stop both as Ctrl-C does.
    for (let i = 0; i < 600 && (await t.store.listHistory({ outcomesOnly: true })).length < 12; i++) await new Promise((r) => setTimeout(r, 100));
    for (const a of agents) a.child.kill('SIGINT');
    assert.deepEqual(await Promise.all(agents.map((a) => a.exited)), [0, 0]);

    let total = 0;
    for (const job of jobs) {
      const ran = (await t.store.listSlots(job.job_id)).filter((s) => s.outcome === 'run');
      const outcomes = (await t.store.listHistory({ job_id: job.job_id, outcomesOnly: true })).filter((h) => h.run_status === 1);
      assert.equal(outcomes.length, ran.length, `job ${job.name}: one successful run per slot claimed to run`);
      total += outcomes.length;
    }
    assert.ok(total >= 12, `${total} runs`);
    // Both sessions ended cleanly.
    const sessions = await t.store.db.query("SELECT agent_name, ended_date FROM syssessions WHERE agent_name IN ('first', 'second') ORDER BY agent_name");
    assert.deepEqual(sessions.map((s) => [s.agent_name, s.ended_date !== null]), [['first', true], ['second', true]]);
  } finally {
    await t.cleanup();
  }
});
