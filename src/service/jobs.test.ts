import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { nextRunAtOrAfter, openAgentTarget, parseScheduleText, toAgentDate, wallOf, type AgentTarget } from '../agent/index.ts';
import { startService, type RunningService } from './index.ts';
import { ApiClient } from './testing/client.ts';
import { serviceFixture, writeFixtureServiceConfig, type ServiceFixture } from './testing/fixtures.ts';

let fx: ServiceFixture;
let svc: RunningService;
let agent: AgentTarget;

interface HistoryBody { history: { stepId: number; status: string; message: string | null }[] }

/** Adds a job with one CmdExec step that writes `file`, and the given schedule (if any), to the 2014 msdb. */
async function addJob(name: string, file: string, schedule?: string): Promise<void> {
  const now = wallOf(new Date());
  const job = await agent.store.addJob({ name }, now);
  await agent.store.addStep(job.job_id, { step_name: 'Write', subsystem: 'CmdExec', command: `echo ran >> "${file}"` });
  if (schedule) {
    const timing = parseScheduleText(schedule, toAgentDate(now));
    await agent.store.addJobSchedule(job.job_id, schedule, timing, nextRunAtOrAfter(timing, now), now);
  }
}

async function signedIn(user: 'admin' | 'operator' | 'ltd'): Promise<ApiClient> {
  const c = new ApiClient(svc.url, 2014);
  assert.equal((await c.signIn(user, `${user}-pw`)).status, 200);
  return c;
}

/** Polls a job's history until it has a job outcome row. */
async function outcome(c: ApiClient, job: string): Promise<HistoryBody['history'][number]> {
  for (let i = 0; i < 300; i++) {
    const h = await c.call<HistoryBody>('GET', `/api/jobs/${encodeURIComponent(job)}/history`);
    assert.equal(h.status, 200);
    const row = h.body.history.find((r) => r.stepId === 0);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The job "${job}" never finished.`);
}

before(async () => {
  fx = await serviceFixture();
  writeFixtureServiceConfig(fx.root);
  agent = await openAgentTarget({ env: { OPENDTS_PRODUCT_VERSION: '2014' }, root: fx.root, instance: '.' });
  await addJob('At start', path.join(fx.root, 'at-start.txt'), 'at agent start');
  await addJob('Manual job', path.join(fx.root, 'manual.txt'));
  svc = await startService({ root: fx.root, year: 2014, log: () => {}, agent: { pollMs: 100 }, cwd: fx.root });
});

after(async () => {
  await svc.close();
  await agent.store.close();
  fx.cleanup();
});

test('the service runs the Agent on its msdb: startup jobs and jobs scheduled while it runs', async () => {
  const c = await signedIn('operator');
  assert.equal((await outcome(c, 'At start')).status, 'Succeeded');
  assert.equal(fs.readFileSync(path.join(fx.root, 'at-start.txt'), 'utf8').trim(), 'ran');
  const file = path.join(fx.root, 'scheduled.txt');
  await addJob('Every 10 seconds', file, 'every 10 seconds');
  const row = await outcome(c, 'Every 10 seconds');
  assert.equal(row.status, 'Succeeded');
  assert.match(String(row.message), /invoked by Schedule/);
  assert.equal(fs.existsSync(file), true);
});

test('GET /api/jobs lists jobs with schedules, next runs and last outcome; needs a session', async () => {
  assert.equal((await new ApiClient(svc.url, 2014).call('GET', '/api/jobs')).status, 401);
  const c = await signedIn('ltd');
  const a = await c.call<{ agentRunning: boolean; jobs: { name: string; enabled: boolean; nextRun: string | null; schedules: { description: string; nextRuns: string[] }[] }[] }>('GET', '/api/jobs');
  assert.equal(a.status, 200);
  assert.equal(a.body.agentRunning, true);
  const start = a.body.jobs.find((j) => j.name === 'At start')!;
  assert.equal(start.enabled, true);
  assert.match(start.schedules[0]!.description, /Start automatically when SQL Server Agent starts/);
  const manual = a.body.jobs.find((j) => j.name === 'Manual job')!;
  assert.deepEqual([manual.schedules, manual.nextRun], [[], null]);
});

test('POST /api/jobs/:name/run starts a job now for operators; CSRF, unknown jobs and history', async () => {
  const c = await signedIn('operator');
  assert.equal((await c.call('POST', '/api/jobs/Manual%20job/run', {}, { 'x-csrf-token': 'forged' })).status, 403);
  assert.equal((await c.call('POST', '/api/jobs/No%20such/run', {})).status, 404);
  assert.equal((await c.call('GET', '/api/jobs/No%20such/history')).status, 404);
  const started = await c.call('POST', '/api/jobs/Manual%20job/run', {});
  assert.equal(started.status, 202);
  assert.equal(started.body.job, 'Manual job');
  const row = await outcome(c, 'Manual job');
  assert.equal(row.status, 'Succeeded');
  assert.match(String(row.message), /invoked by User operator/);
  const h = await c.call<HistoryBody>('GET', '/api/jobs/Manual%20job/history');
  assert.deepEqual(h.body.history.map((r) => [r.stepId, r.status]), [[0, 'Succeeded'], [1, 'Succeeded']]);
});

test('a job is refused while it runs', async () => {
  const now = wallOf(new Date());
  const job = await agent.store.addJob({ name: 'Slow job' }, now);
  await agent.store.addStep(job.job_id, { step_name: 'Sleep', subsystem: 'CmdExec', command: 'sleep 2' });
  const c = await signedIn('admin');
  assert.equal((await c.call('POST', '/api/jobs/Slow%20job/run', {})).status, 202);
  const listed = await c.call<{ jobs: { name: string; running: { invokedBy: string | null } | null }[] }>('GET', '/api/jobs');
  assert.deepEqual(listed.body.jobs.find((j) => j.name === 'Slow job')!.running?.invokedBy, 'User admin');
  assert.equal(listed.body.jobs.find((j) => j.name === 'Manual job')!.running, null);
  const again = await c.call('POST', '/api/jobs/Slow%20job/run', {});
  assert.equal(again.status, 409);
  assert.match(String(again.body.error), /refused because the job is already running/);
  assert.equal((await outcome(c, 'Slow job')).status, 'Succeeded');
  const after = await c.call<{ jobs: { name: string; running: unknown }[] }>('GET', '/api/jobs');
  assert.equal(after.body.jobs.find((j) => j.name === 'Slow job')!.running, null);
});

test('POST /api/jobs/:name/enabled: admins enable and disable jobs, operators are refused', async () => {
  const op = await signedIn('operator');
  const refused = await op.call('POST', '/api/jobs/At%20start/enabled', { enabled: false });
  assert.equal(refused.status, 403);
  assert.match(String(refused.body.error), /Only a member of db_ssisadmin or sysadmin may enable or disable jobs/);
  const admin = await signedIn('admin');
  assert.equal((await admin.call('POST', '/api/jobs/At%20start/enabled', { enabled: 'no' })).status, 400);
  assert.equal((await admin.call('POST', '/api/jobs/No%20such/enabled', { enabled: false })).status, 404);
  assert.equal((await admin.call('POST', '/api/jobs/At%20start/enabled', { enabled: false }, { 'x-csrf-token': undefined })).status, 403);
  assert.equal((await admin.call('POST', '/api/jobs/At%20start/enabled', { enabled: false })).status, 200);
  const jobs = async () => (await admin.call<{ jobs: { name: string; enabled: boolean; schedules: { nextRuns: string[] }[] }[] }>('GET', '/api/jobs')).body.jobs.find((j) => j.name === 'At start')!;
  assert.equal((await jobs()).enabled, false);
  assert.equal((await admin.call('POST', '/api/jobs/At%20start/enabled', { enabled: true })).status, 200);
  assert.equal((await jobs()).enabled, true);
});
