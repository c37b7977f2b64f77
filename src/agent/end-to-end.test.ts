// End to end: a 2008-format package (PackageFormatVersion 3) scheduled every minute runs through
// dtexec as a child process of the Agent, and the job history shows each run with its messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Agent } from './agent.ts';
import { ManualClock } from './clock.ts';
import { RunStatus } from './codes.ts';
import { nextRunAtOrAfter } from './next-run.ts';
import { parseScheduleText } from './schedule-text.ts';
import { freshStore } from './test-support.ts';
import { wallOf, toAgentDate } from './wall-time.ts';
import { readPackage } from '../format/index.ts';
import { installRoot } from '../installation/index.ts';
import { createInstance, importPackage, openInstance } from '../store/index.ts';

/** A small package in the 2008 format, written by the test: one Sequence container, no connections. */
function package2008(): string {
  const prop = (name: string, value: string) => `<DTS:Property DTS:Name="${name}">${value}</DTS:Property>`;
  return [
    '<?xml version="1.0"?><DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts" DTS:ExecutableType="SSIS.Package.2">',
    prop('PackageFormatVersion', '3'),
    prop('ProtectionLevel', '0'),
    prop('MaxConcurrentExecutables', '-1'),
    prop('ObjectName', 'AgentEveryMinute'),
    prop('DTSID', '{6A1D6F0E-2E5C-4B8A-9E1F-0C2B7A3D4E51}'),
    prop('CreationName', 'MSDTS.Package.1'),
    '<DTS:Executable DTS:ExecutableType="STOCK:SEQUENCE">',
    prop('ObjectName', 'Nothing to do'),
    prop('DTSID', '{0F3B2A1C-5D6E-4F70-8A9B-C1D2E3F40516}'),
    prop('CreationName', 'STOCK:SEQUENCE'),
    '</DTS:Executable>',
    '</DTS:Executable>',
  ].join('\n');
}

test('a 2008 package scheduled every minute runs through dtexec; history shows each run with its messages', async () => {
  const t = await freshStore('sqlite');
  try {
    const file = path.join(t.dir, 'every-minute.dtsx');
    fs.writeFileSync(file, package2008());
    // The fixture is a valid 2008 package, upgraded in memory by a 2014 tool.
    const pkg = readPackage(fs.readFileSync(file), { fileName: file, tool: 2014 });
    assert.deepEqual([pkg.sourceFormat, pkg.formatVersion, pkg.name], [3, 8, 'AgentEveryMinute']);

    const clock = new ManualClock(new Date(2026, 10, 25, 6, 0, 30));
    const now = wallOf(clock.now());
    const job = await t.store.addJob({ name: 'Every minute 2008' }, now);
    await t.store.addStep(job.job_id, { step_name: 'Run package', subsystem: 'SSIS', command: `/F "${file}"` });
    const timing = parseScheduleText('every 1 minutes', toAgentDate(now));
    await t.store.addJobSchedule(job.job_id, 'every minute', timing, nextRunAtOrAfter(timing, now), now);
    const agent = new Agent({ store: t.store, clock, server: 'TESTSRV', cwd: t.dir, env: process.env, user: 'agent', productYear: 2014 });
    await agent.start();
    for (const minute of [1, 2, 3]) {
      clock.set(new Date(2026, 10, 25, 6, minute, 0));
      await Promise.all(await agent.tick());
    }
    await agent.stop();

    const history = await t.store.listHistory({ job_id: job.job_id });
    assert.deepEqual(history.map((h) => [h.step_id, h.run_time]), [[1, 60100], [0, 60100], [1, 60200], [0, 60200], [1, 60300], [0, 60300]]);
    for (const h of history) {
      assert.equal(h.run_status, RunStatus.Succeeded, h.message ?? '');
      if (h.step_id === 1) {
        assert.match(h.message ?? '', /^Executed as user: agent\. OpenDTS Execute Package Utility \(Microsoft SQL Server 2014 Integration Services, 120\) {2}Version 12\.0\.\d+\.\d+ for 64-bit {2}/);
        assert.match(h.message ?? '', / {2}DTExec: The package execution returned DTSER_SUCCESS \(0\)\. {2}Started: .* {2}Finished: .* {2}Elapsed: .* seconds {2}The package executed successfully\. {2}The step succeeded\.$/);
      } else {
        assert.equal(h.message, 'The job succeeded.  The Job was invoked by Schedule 1 (every minute).  The last step to run was step 1 (Run package).');
      }
    }
  } finally {
    await t.cleanup();
  }
});

test('an SSIS step runs a package stored in an msdb instance (/SQL with /SER), imported from the 2008 format', async () => {
  const t = await freshStore('sqlite');
  try {
    const root = path.join(t.dir, 'root');
    installRoot(root);
    const ref = await createInstance(root, 'AGENTMSDB', 2014);
    const s = await openInstance(ref);
    try {
      await importPackage(s, 'EveryMinute', Buffer.from(package2008()), { fileName: 'every-minute.dtsx' });
    } finally {
      await s.close();
    }
    const clock = new ManualClock(new Date(2026, 10, 25, 6, 0, 30));
    const now = wallOf(clock.now());
    const job = await t.store.addJob({ name: 'From msdb' }, now);
    await t.store.addStep(job.job_id, { step_name: 'Run stored package', subsystem: 'SSIS', command: '/SQL "EveryMinute" /SERVER AGENTMSDB' });
    const timing = parseScheduleText('every 1 minutes', toAgentDate(now));
    await t.store.addJobSchedule(job.job_id, 'every minute', timing, nextRunAtOrAfter(timing, now), now);
    const agent = new Agent({ store: t.store, clock, server: 'TESTSRV', cwd: t.dir, env: { ...process.env, OPENDTS_HOME: root }, user: 'agent', productYear: 2014 });
    await agent.start();
    clock.set(new Date(2026, 10, 25, 6, 1, 0));
    await Promise.all(await agent.tick());
    await agent.stop();

    const [step, outcome] = await t.store.listHistory({ job_id: job.job_id });
    assert.equal(step?.step_id, 1);
    assert.equal(step?.run_status, RunStatus.Succeeded, step?.message ?? '');
    assert.match(step?.message ?? '', /DTExec: The package execution returned DTSER_SUCCESS \(0\)\./);
    assert.equal(outcome?.run_status, RunStatus.Succeeded);
  } finally {
    await t.cleanup();
  }
});
