// `opendts job` and `opendts agent` in-process, on an msdb instance registered in a temporary installation root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryIo } from '../io.ts';
import { createInstance } from '../../store/index.ts';
import { run as job } from './job.ts';
import { run as agent } from './agent.ts';
import { startSmtp } from '../../agent/test-support.ts';

let root: string;
let env: Record<string, string>;
before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  env = { OPENDTS_HOME: root, HOME: root, PATH: process.env.PATH ?? '' };
  await createInstance(root, 'AGENTTEST', 2014);
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

async function cli(fn: typeof job, ...args: string[]) {
  const io = memoryIo(env, root);
  const code = await fn(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('job add shows the job, its steps and its schedules with next run times', async () => {
  const r = await cli(job, 'add', 'Nightly', '--instance', 'AGENTTEST', '--step', 'cmd:echo extracting', '--step-name', 'extract', '--retries', '2', '--retry-interval', '1',
    '--step', 'cmd:echo loading', '--step-name', 'load', '--output', 'logs/load.txt', '--append-output', '--schedule', 'daily at 02:00', '--cron', '*/5 * * * *', '--description', 'the nightly load');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Job "Nightly" added .* with 2 step\(s\) and 2 schedule\(s\)\./);
  assert.match(r.out, /Step 1 "extract" \[CmdExec\] echo extracting\n\s+on success: go to the next step; on failure: quit reporting failure; retries: 2 every 1 min/);
  assert.match(r.out, /Step 2 "load" \[CmdExec\] echo loading\n\s+on success: quit reporting success; on failure: quit reporting failure; output: logs\/load.txt \(append\)/);
  assert.match(r.out, /Schedule \d+ "Nightly 1": Occurs every day at 02:00:00\. Schedule will be used starting on \d{4}-\d\d-\d\d\.\n\s+next run: \d{4}-\d\d-\d\d 02:00:00/);
  assert.match(r.out, /next run: \d{4}-\d\d-\d\d \d\d:\d[05]:00/);
  const list = await cli(job, 'list');
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /^Nightly\s+yes\s+never run\s+\d{4}-\d\d-\d\d \d\d:\d\d:00$/m);
});

test('job run runs now and history shows step rows and the outcome', async () => {
  const r = await cli(job, 'run', 'Nightly');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^The job succeeded\. {2}The Job was invoked by User .+\. {2}The last step to run was step 2 \(load\)\.$/);
  assert.match(fs.readFileSync(path.join(root, 'logs/load.txt'), 'utf8'), /loading/);
  const h = await cli(job, 'history', 'Nightly');
  assert.match(h.out, /step {2}1 extract\s+Succeeded/);
  assert.match(h.out, /Executed as user: .+\. extracting {2}Process Exit Code 0\. {2}The step succeeded\./);
  assert.match(h.out, /step {2}0 \(Job outcome\)\s+Succeeded/);
  const outcomes = await cli(job, 'history', '--outcomes');
  assert.equal(outcomes.out.match(/\(Job outcome\)/g)?.length, 1);
  const rows = JSON.parse((await cli(job, 'history', 'Nightly', '--json')).out) as { step_id: number; run_status_name: string; job_name: string }[];
  assert.deepEqual(rows.map((r) => [r.step_id, r.run_status_name, r.job_name]), [[1, 'Succeeded', 'Nightly'], [2, 'Succeeded', 'Nightly'], [0, 'Succeeded', 'Nightly']]);
  const [listed] = JSON.parse((await cli(job, 'list', '--json')).out) as { name: string; enabled: boolean; lastOutcome: { status: string }; nextRun: string }[];
  assert.deepEqual([listed.name, listed.enabled, listed.lastOutcome.status], ['Nightly', true, 'Succeeded']);
  assert.match(listed.nextRun, /^\d{4}-\d\d-\d\d \d\d:\d\d:00$/);
});

test('agent --once runs the due job and stops', async () => {
  assert.equal((await cli(job, 'add', 'Often', '--step', 'cmd:echo often', '--schedule', 'every 1 seconds')).code, 0);
  const a = await cli(agent, '--once', '--instance', 'AGENTTEST');
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /Job 'Often' started \(invoked by Schedule \d+ \(Often\)\)\./);
  assert.match(a.out, /Job 'Often' succeeded\./);
  assert.match((await cli(job, 'history', 'Often', '--outcomes')).out, /The job succeeded\. {2}The Job was invoked by Schedule \d+ \(Often\)\./);
});

test('agent runs until its signal aborts, then waits for its jobs and ends its session', async () => {
  assert.equal((await cli(job, 'add', 'Ticker', '--step', 'cmd:echo tick', '--schedule', 'every 1 seconds')).code, 0);
  const controller = new AbortController();
  const io = { ...memoryIo(env, root), signal: controller.signal };
  const running = agent(['--poll', '0.05', '--name', 'long-runner'], io);
  // Wait (bounded) until the scheduler has run the job once, then stop it like Ctrl-C does.
  for (let i = 0; i < 400 && !io.stdout.some((l) => /Job 'Ticker' succeeded\./.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
  controller.abort();
  assert.equal(await running, 0, io.stderr.join('\n'));
  assert.ok(io.stdout.some((l) => /Job 'Ticker' succeeded\./.test(l)), io.stdout.join('\n'));
  assert.match(io.stdout.at(-1) ?? '', /Agent session \d+ ended\.$/);
  assert.match((await cli(job, 'history', 'Ticker', '--outcomes')).out, /The job succeeded\./);
});

test('agent mail saves the SMTP server in the version settings; a failing job mails its operator', async () => {
  const smtp = await startSmtp();
  try {
    const saved = await cli(agent, 'mail', '--smtp', `127.0.0.1:${smtp.port}`, '--mail-from', 'agent@example.test');
    assert.equal(saved.code, 0, saved.err);
    assert.match(saved.out, /The Agent mails through 127\.0\.0\.1:\d+ as agent@example\.test \(saved in .*settings\.json\)\./);
    assert.equal((await cli(job, 'add', 'Broken', '--step', 'cmd:echo no space left >&2; exit 1', '--schedule', 'every 1 seconds', '--operator', 'Ops', '--email', 'ops@example.test')).code, 0);
    const a = await cli(agent, '--once');
    assert.equal(a.code, 0, a.err);
    assert.deepEqual(smtp.mail.map((m) => [m.from, m.to]), [['agent@example.test', ['ops@example.test']]]);
    assert.match(smtp.mail[0].body, /'Broken' completed on/);
    assert.match((await cli(job, 'history', 'Broken', '--outcomes')).out, /The job failed\..*NOTE: The job notified 'Ops' via email\./);
    assert.equal((await cli(job, 'delete', 'Broken')).code, 0);
  } finally {
    smtp.server.close();
  }
});

test('schedule adds schedules to a job and unschedule removes one', async () => {
  const added = await cli(job, 'schedule', 'Nightly', '--schedule', 'monthly on the last weekday at 18:00');
  assert.equal(added.code, 0, added.err);
  const id = /Schedule (\d+) "Nightly 3": Occurs every month on the last weekday of that month at 18:00:00\./.exec(added.out)?.[1];
  assert.ok(id, added.out);
  assert.match((await cli(job, 'unschedule', 'Nightly', id)).out, new RegExp(`Schedule ${id} removed from job "Nightly"\\.`));
  assert.doesNotMatch((await cli(job, 'show', 'Nightly')).out, /last weekday/);
  assert.equal((await cli(job, 'unschedule', 'Nightly', id)).code, 1);
});

test('enable, disable and delete', async () => {
  assert.match((await cli(job, 'disable', 'Nightly')).out, /Job "Nightly" disabled\./);
  assert.match((await cli(job, 'list')).out, /^Nightly\s+no\s+Succeeded .*\(disabled\)$/m);
  assert.match((await cli(job, 'enable', 'Nightly')).out, /enabled/);
  assert.match((await cli(job, 'delete', 'Nightly')).out, /Job "Nightly" deleted\./);
  const missing = await cli(job, 'show', 'Nightly');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /The job "Nightly" does not exist\./);
});

test('mistakes answer with a message and exit code 1, never a stack trace', async () => {
  for (const args of [
    ['add', 'X', '--step', 'ps:Get-Date'],
    ['add', 'X'],
    ['add', 'X', '--step', 'cmd:true', '--schedule', 'every blue moon'],
    ['add', 'X', '--step', 'cmd:true', '--cron', '61 * * * *'],
    ['add', 'X', '--retries', '2'],
    ['add', 'X', '--step', 'cmd:true', '--on-fail', 'explode'],
    ['run', 'X', '--instance', 'NOSUCH'],
    ['frobnicate'],
    ['list', '--bogus'],
  ]) {
    const r = await cli(job, ...args);
    assert.equal(r.code, 1, args.join(' '));
    assert.ok(r.err.length > 0 && !/\n\s+at /.test(r.err), r.err);
  }
  assert.equal((await cli(agent, '--poll', 'soon', '--once')).code, 1);
});
