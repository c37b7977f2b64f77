import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openAgentTarget, parseScheduleText, toAgentDate, wallOf } from '../agent/index.ts';
import { runDtsserver } from '../cli/dtsserver/index.ts';
import { installationOf, updateSettings } from '../installation/index.ts';
import { memoryIo } from '../cli/io.ts';
import { startService } from './index.ts';
import { ApiClient } from './testing/client.ts';
import { serviceFixture, slowPackage, writeFixtureServiceConfig } from './testing/fixtures.ts';

const configFile = (root: string) => path.join(root, '120', 'DTS', 'Binn', 'MsDtsSrvr.ini.xml');

test('a broken MsDtsSrvr.ini.xml is reported with its line and the service does not start', async () => {
  const fx = await serviceFixture();
  try {
    fs.writeFileSync(configFile(fx.root), '<?xml version="1.0"?>\n<DtsServiceConfiguration>\n  <TopLevelFolders>\n</DtsServiceConfiguration>\n');
    const io = memoryIo({ OPENDTS_PRODUCT_VERSION: '2014' });
    assert.equal(await runDtsserver(['--root', fx.root, '--port', '0'], io), 1);
    assert.match(io.stderr.join('\n'), /the service did not start: The service configuration file is not valid XML.*MsDtsSrvr\.ini\.xml, line \d+/);
    fs.writeFileSync(configFile(fx.root), fs.readFileSync(configFile(fx.root), 'utf8').replace(/.*/s, '<DtsServiceConfiguration><StopExecutingPackagesOnShutdown>maybe</StopExecutingPackagesOnShutdown><TopLevelFolders/></DtsServiceConfiguration>'));
    const io2 = memoryIo();
    assert.equal(await runDtsserver(['--root', fx.root, '--port', '0'], io2), 1);
    assert.match(io2.stderr.join('\n'), /StopExecutingPackagesOnShutdown must be true or false, not "maybe"/);
  } finally {
    fx.cleanup();
  }
});

test('dtsserver: help, bad options, start and stop on its abort signal', async () => {
  const help = memoryIo();
  assert.equal(await runDtsserver(['--help'], help), 0);
  assert.match(help.stdout.join('\n'), /Usage: dtsserver/);
  const bad = memoryIo();
  assert.equal(await runDtsserver(['--port', 'x'], bad), 1);
  assert.match(bad.stderr.join('\n'), /--port must be a whole number/);
  const fx = await serviceFixture();
  try {
    const controller = new AbortController();
    const io = { ...memoryIo({ OPENDTS_HOME: fx.root }), signal: controller.signal };
    const lines: string[] = [];
    const running = runDtsserver(['--port', '0', '--product-version', '2012'], { ...io, out: (l: string) => lines.push(l) });
    while (!lines.some((l) => /listening on/.test(l))) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (\S+) /.exec(lines.join('\n'))![1]!;
    const health = await new ApiClient(url, undefined).call('GET', '/api/health');
    assert.equal(health.body.version, 2012);
    controller.abort();
    assert.equal(await running, 0);
    assert.ok(lines.includes('The service stopped.'));
  } finally {
    fx.cleanup();
  }
});

async function startSlow(root: string, maxRuns?: number) {
  const svc = await startService({ root, year: 2014, log: () => {}, maxRuns });
  const c = new ApiClient(svc.url, 2014);
  await c.signIn('admin', 'admin-pw');
  const started = await c.call('POST', '/api/executions', { path: 'File System\\slow' });
  assert.equal(started.status, 202);
  return { svc, id: Number(started.body.id), c };
}

test('StopExecutingPackagesOnShutdown true: runs are stopped with the service, and the history survives a restart; --max-runs is enforced', async () => {
  const fx = await serviceFixture();
  try {
    writeFixtureServiceConfig(fx.root, true);
    fs.writeFileSync(path.join(fx.root, '120', 'DTS', 'Packages', 'slow.dtsx'), slowPackage(8, 120));
    const { svc, id, c } = await startSlow(fx.root, 1);
    const second = await c.call('POST', '/api/executions', { path: 'File System\\slow' });
    assert.equal(second.status, 503);
    assert.match(String(second.body.error), /the most this service runs at once/);
    await svc.close();
    const again = await startService({ root: fx.root, year: 2014, log: () => {} });
    try {
      const c = new ApiClient(again.url, 2014);
      await c.signIn('admin', 'admin-pw');
      const run = await c.call<{ execution: { status: string; packagePath: string }; messages: unknown[] }>('GET', `/api/executions/${id}`);
      assert.equal(run.body.execution.status, 'stopped');
      assert.equal(run.body.execution.packagePath, 'File System\\slow');
    } finally {
      await again.close();
    }
  } finally {
    fx.cleanup();
  }
});

test('StopExecutingPackagesOnShutdown false: runs go on after the service stops; the restarted service marks them stopped', async () => {
  const fx = await serviceFixture();
  try {
    writeFixtureServiceConfig(fx.root, false);
    fs.writeFileSync(path.join(fx.root, '120', 'DTS', 'Packages', 'slow.dtsx'), slowPackage(8, 120));
    const { svc, id } = await startSlow(fx.root);
    const pid = svc.context.db.execution(id)!.pid!;
    await svc.close();
    assert.doesNotThrow(() => process.kill(pid, 0), 'the run is still alive');
    process.kill(pid, 'SIGKILL');
    const again = await startService({ root: fx.root, year: 2014, log: () => {} });
    try {
      assert.equal(again.context.db.execution(id)!.status, 'stopped');
    } finally {
      await again.close();
    }
  } finally {
    fx.cleanup();
  }
});

/** Waits until `done` holds; fails after a minute. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(done(), 'the Agent did not run the job');
}

test('dtsserver --agent runs the Agent on the msdb instance until the service stops; Service\\StartAgent in the settings does too', async () => {
  const fx = await serviceFixture();
  try {
    writeFixtureServiceConfig(fx.root);
    const agent = await openAgentTarget({ env: { OPENDTS_PRODUCT_VERSION: '2014' }, root: fx.root, instance: '.' });
    const file = path.join(fx.root, 'started.txt');
    const now = wallOf(new Date());
    const job = await agent.store.addJob({ name: 'On start' }, now);
    await agent.store.addStep(job.job_id, { step_name: 'Write', subsystem: 'CmdExec', command: `echo ran >> "${file}"` });
    const timing = parseScheduleText('at agent start', toAgentDate(now));
    await agent.store.addJobSchedule(job.job_id, 'start', timing, undefined, now);
    await agent.store.close();

    const controller = new AbortController();
    const lines: string[] = [];
    const io = { ...memoryIo({ OPENDTS_PRODUCT_VERSION: '2014' }, fx.root), signal: controller.signal, out: (l: string) => void lines.push(l) };
    const running = runDtsserver(['--root', fx.root, '--port', '0', '--agent'], io);
    await until(() => fs.existsSync(file));
    assert.ok(lines.includes('SQL Server Agent is running on the msdb instance.'));
    controller.abort();
    assert.equal(await running, 0);
    assert.equal(fs.readFileSync(file, 'utf8').trim(), 'ran');

    updateSettings(installationOf(fx.root, 2014), (s) => void (s.values['Service\\StartAgent'] = 'true'));
    const svc = await startService({ root: fx.root, year: 2014, log: () => {} });
    try {
      assert.equal(svc.context.jobs.schedulerRunning, true);
      await until(() => fs.readFileSync(file, 'utf8').trim().split('\n').length === 2);
    } finally {
      await svc.close();
    }
    const plain = await startService({ root: fx.root, year: 2014, log: () => {}, agent: false });
    assert.equal(plain.context.jobs.schedulerRunning, false);
    await plain.close();
  } finally {
    fx.cleanup();
  }
});
