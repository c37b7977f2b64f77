// Step flow, retries, output files and step kinds of one job run, on a manual clock.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runJob, type JobRunOptions } from './job-runner.ts';
import { ManualClock } from './clock.ts';
import { StepAction, RunStatus } from './codes.ts';
import { freshStore } from './test-support.ts';
import type { NewStep } from './model.ts';
import { runChild } from './steps/child-process.ts';
import { DTEXEC_SCRIPT } from './steps/index.ts';
import { flatten } from './steps/step-result.ts';

const START = new Date(2026, 10, 25, 10, 0, 0);

describe('job runner', () => {
  let t: Awaited<ReturnType<typeof freshStore>>;
  let clock: ManualClock;
  let session: number;
  before(async () => {
    t = await freshStore('sqlite');
    clock = new ManualClock(START);
    session = await t.store.startSession('test', 0);
  });
  after(async () => t.cleanup());

  const options = (): JobRunOptions => ({ store: t.store, clock, sessionId: session, server: 'TESTSRV', invokedBy: 'User tester', cwd: t.dir, env: process.env, user: 'tester', productYear: 2014 });

  async function jobWith(name: string, steps: NewStep[]) {
    const job = await t.store.addJob({ name }, 0);
    for (const s of steps) await t.store.addStep(job.job_id, s);
    return job;
  }

  test('on success / on failure: next step, go to step, quit with success', async () => {
    const job = await jobWith('flow', [
      { step_name: 'exit three', subsystem: 'CmdExec', command: 'echo one; exit 3', cmdexec_success_code: 3, on_success_action: StepAction.NextStep },
      { step_name: 'fails', subsystem: 'CmdExec', command: 'echo boom >&2; exit 1', on_fail_action: StepAction.GoToStep, on_fail_step_id: 4 },
      { step_name: 'skipped', subsystem: 'CmdExec', command: 'exit 0' },
      { step_name: 'last', subsystem: 'CmdExec', command: 'echo done', on_success_action: StepAction.QuitWithSuccess },
    ]);
    const result = await runJob(job, options());
    assert.equal(result.succeeded, true);
    const history = await t.store.listHistory({ job_id: job.job_id });
    assert.deepEqual(history.map((h) => [h.step_id, h.run_status]), [[1, 1], [2, 0], [4, 1], [0, 1]]);
    assert.equal(history[2].message, 'Executed as user: tester. done  Process Exit Code 0.  The step succeeded.');
    assert.equal(history[0].message, 'Executed as user: tester. one  Process Exit Code 3.  The step succeeded.');
    assert.equal(history[1].message, 'Executed as user: tester. boom  Process Exit Code 1.  The step failed.');
    assert.equal(history[3].message, 'The job succeeded.  The Job was invoked by User tester.  The last step to run was step 4 (last).');
    assert.equal(history[3].step_name, '(Job outcome)');
    assert.deepEqual([history[3].run_date, history[3].run_time, history[3].server], [20261125, 100000, 'TESTSRV']);
    const steps = await t.store.listSteps(job.job_id);
    assert.deepEqual(steps.map((s) => s.last_run_outcome), [1, 0, 0, 1]);
  });

  test('quit reporting failure, and "next step" after the last step keeps its outcome', async () => {
    const quit = await jobWith('quit-fail', [
      { step_name: 'bad', subsystem: 'CmdExec', command: 'exit 2', on_fail_action: StepAction.QuitWithFailure },
      { step_name: 'never', subsystem: 'CmdExec', command: 'exit 0' },
    ]);
    assert.equal((await runJob(quit, options())).succeeded, false);
    const quitHistory = await t.store.listHistory({ job_id: quit.job_id });
    assert.deepEqual(quitHistory.map((h) => h.step_id), [1, 0]);
    assert.equal(quitHistory[0].message, 'Executed as user: tester. The step did not generate any output.  Process Exit Code 2.  The step failed.');
    const tail = await jobWith('tail-fail', [{ step_name: 'only', subsystem: 'CmdExec', command: 'exit 5', on_fail_action: StepAction.NextStep }]);
    const r = await runJob(tail, options());
    assert.equal(r.succeeded, false);
    assert.match(r.message, /^The job failed\./);
  });

  test('retry attempts and retry interval: Retry rows, then the outcome; the interval is waited on the clock', async () => {
    const counter = path.join(t.dir, 'attempts');
    const job = await jobWith('retry', [
      { step_name: 'flaky', subsystem: 'CmdExec', command: `n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}; echo attempt $n; [ $n -ge 3 ]`, retry_attempts: 3, retry_interval: 5 },
    ]);
    clock.set(START);
    const r = await runJob(job, options());
    assert.equal(r.succeeded, true);
    const history = await t.store.listHistory({ job_id: job.job_id });
    assert.deepEqual(history.map((h) => [h.step_id, h.run_status, h.retries_attempted, h.run_time]), [
      [1, RunStatus.Retry, 0, 100000],
      [1, RunStatus.Retry, 1, 100500],
      [1, RunStatus.Succeeded, 2, 101000],
      [0, RunStatus.Succeeded, 0, 100000],
    ]);
    assert.equal(history[3].run_duration, 1000); // 10 minutes as hhmmss
    assert.equal((await t.store.listSteps(job.job_id))[0].last_run_retries, 2);
  });

  test('retries run out: the last attempt fails the step', async () => {
    const job = await jobWith('retry-out', [{ step_name: 'never works', subsystem: 'CmdExec', command: 'exit 1', retry_attempts: 1, retry_interval: 0 }]);
    assert.equal((await runJob(job, options())).succeeded, false);
    assert.deepEqual((await t.store.listHistory({ job_id: job.job_id })).map((h) => h.run_status), [RunStatus.Retry, RunStatus.Failed, RunStatus.Failed]);
  });

  test('output file: overwritten by default, appended with flag 2', async () => {
    const job = await jobWith('output', [
      { step_name: 'write', subsystem: 'CmdExec', command: 'echo first', output_file_name: 'logs/out.txt' },
    ]);
    await runJob(job, options());
    await runJob(job, options());
    const text = fs.readFileSync(path.join(t.dir, 'logs/out.txt'), 'utf8');
    assert.equal(text.match(/first/g)?.length, 1);
    assert.match(text, /^Job 'output' : Step 1, 'write' : Began Executing /);
    const appending = await jobWith('output-append', [{ step_name: 'write', subsystem: 'CmdExec', command: 'echo again', output_file_name: 'logs/app.txt', flags: 2 }]);
    await runJob(appending, options());
    await runJob(appending, options());
    assert.equal(fs.readFileSync(path.join(t.dir, 'logs/app.txt'), 'utf8').match(/again/g)?.length, 2);
  });

  test('SSIS step: dtexec runs as a child process pinned to the Agent version; its output and exit code go to history', async () => {
    const job = await jobWith('ssis', [{ step_name: 'package', subsystem: 'SSIS', command: '/F "does-not-exist.dtsx"' }]);
    await runJob(job, options());
    const [step] = await t.store.listHistory({ job_id: job.job_id });
    // What dtexec itself answers for the same command (today "not supported yet"; later "package not found").
    const direct = await runChild(process.execPath, [DTEXEC_SCRIPT, '/F', '"does-not-exist.dtsx"'], { cwd: t.dir, env: { ...process.env, OPENDTS_PINNED_VERSION: '2014' } });
    assert.notEqual(direct.exitCode, 0);
    assert.equal(step.run_status, RunStatus.Failed);
    // dtexec prints start and finish times; they differ between the two runs.
    const timeless = (text: string) => text.replace(/\d{1,2}:\d\d:\d\d( [AP]M)?/g, 'TIME').replace(/\d+(\.\d+)? seconds/g, 'N seconds');
    assert.equal(timeless(step.message ?? ''), timeless(`Executed as user: tester. ${flatten(direct.output)}  The package execution failed.  The step failed.`));
  });

  test('SSIS step follows the Agent version: a 2008 Agent refuses a 2014-format package (0xC001700A)', async () => {
    const corpus = path.resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus/v8');
    const file = path.join(corpus, fs.readdirSync(corpus).filter((f) => f.endsWith('.dtsx')).sort()[0]);
    const job = await jobWith('ssis-2008', [{ step_name: 'newer package', subsystem: 'SSIS', command: `/F "${file}"` }]);
    assert.equal((await runJob(job, { ...options(), productYear: 2008 })).succeeded, false);
    const [step] = await t.store.listHistory({ job_id: job.job_id });
    assert.match(step.message ?? '', /Version 10\.50\.\d+\.\d+ for 64-bit/);
    assert.match(step.message ?? '', /because of error 0xC001700A\./);
    assert.match(step.message ?? '', /Source: DTS_E_INVALIDVERSIONNUMBER .*The package execution failed\. {2}The step failed\.$/);
  });

  test('SQL step runs on its connection; a bad statement fails the step with the error', async () => {
    const target = path.join(t.dir, 'target.db');
    const job = await jobWith('sql', [
      { step_name: 'create', subsystem: 'TSQL', command: 'CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);', database_name: `sqlite:${target}`, on_success_action: StepAction.NextStep },
      { step_name: 'bad', subsystem: 'TSQL', command: 'SELECT * FROM missing_table', database_name: `sqlite:${target}` },
    ]);
    assert.equal((await runJob(job, options())).succeeded, false);
    const db = new Database(target);
    assert.deepEqual(db.prepare('SELECT x FROM t').all(), [{ x: 42 }]);
    db.close();
    const history = await t.store.listHistory({ job_id: job.job_id });
    assert.equal(history[0].run_status, RunStatus.Succeeded);
    assert.equal(history[0].message, 'Executed as user: tester. (1 row(s) affected)  The step succeeded.');
    assert.match(history[1].message ?? '', /no such table: missing_table.*The step failed\.$/);
  });

  test('SQL step on PostgreSQL writes its result rows to the output file', async () => {
    const job = await jobWith('sql-pg', [
      { step_name: 'query', subsystem: 'TSQL', command: "SELECT 1 AS one, 'x' AS two UNION ALL SELECT 2, NULL", database_name: 'postgres://postgres@127.0.0.1:5432/test', output_file_name: 'sql.txt' },
    ]);
    assert.equal((await runJob(job, options())).succeeded, true);
    assert.match(fs.readFileSync(path.join(t.dir, 'sql.txt'), 'utf8'), /one\ttwo\n1\tx\n2\tNULL\n\(2 row\(s\) returned\)/);
    const none = await jobWith('sql-none', [{ step_name: 'q', subsystem: 'TSQL', command: 'SELECT 1', database_name: 'Data Source=.;Initial Catalog=x' }]);
    assert.equal((await runJob(none, options())).succeeded, false);
    assert.match((await t.store.listHistory({ job_id: none.job_id }))[0].message ?? '', /has no connection URL \("Data Source=\.;Initial Catalog=x" is not one\)/);
  });

  test('a subsystem OpenDTS does not run fails with a clear message', async () => {
    const job = await jobWith('powershell', [{ step_name: 'ps', subsystem: 'PowerShell', command: 'Get-Date' }]);
    await runJob(job, options());
    assert.match((await t.store.listHistory({ job_id: job.job_id }))[0].message ?? '', /The PowerShell subsystem is not supported yet by OpenDTS/);
  });

  test('a job without steps fails and says so', async () => {
    const job = await jobWith('empty', []);
    const r = await runJob(job, options());
    assert.equal(r.succeeded, false);
    assert.match(r.message, /The job has no steps\./);
  });
});
