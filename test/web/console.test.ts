// End-to-end tests of the console in headless Chromium (Debian's /usr/bin/chromium through playwright-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { nextRunAtOrAfter, openAgentTarget, parseScheduleText, toAgentDate, wallOf } from '../../src/agent/index.ts';
import { startService, type RunningService } from '../../src/service/index.ts';
import { CORPUS } from '../../src/store/testing/fixtures.ts';
import { quickPackage, serviceFixture, slowPackage, writeFixtureServiceConfig, type ServiceFixture } from '../../src/service/testing/fixtures.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let fx: ServiceFixture;
let svc: RunningService;
let browser: Browser;
let page: Page;
let files: string;

before(async () => {
  fx = await serviceFixture();
  writeFixtureServiceConfig(fx.root);
  fs.writeFileSync(path.join(fx.root, '120', 'DTS', 'Packages', 'slow.dtsx'), slowPackage(8, 120));
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  fs.writeFileSync(path.join(files, 'quick2008.dtsx'), quickPackage(3, fx.csv, 'Quick2008'));
  svc = await startService({ root: fx.root, year: 2014, log: () => {} });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
});

after(async () => {
  await browser?.close();
  await svc?.close();
  fx?.cleanup();
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

const node = (p: string) => page.locator(`.node[data-path="${p.replace(/\\/g, '\\\\')}"]`);
const banner = () => page.locator('#banner');

test('sign in, import a 2008 package into the 2014 msdb, see it upgraded, open its diagrams, run it and read its messages', async () => {
  await page.goto(svc.url);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Connect' }).click();
  await assert.doesNotReject(banner().getByText("Login failed for user 'admin'.").waitFor());
  await page.getByLabel('Password').fill('admin-pw');
  await page.getByRole('button', { name: 'Connect' }).click();
  await node('MSDB').click();
  assert.match(await node('MSDB').innerText(), /Main2014, SQL Server 2014/);
  await page.getByRole('button', { name: 'Import Package…' }).click();
  await page.locator('#dialog input[name=file]').setInputFiles(path.join(files, 'quick2008.dtsx'));
  await page.locator('#dialog-ok').click();
  await banner().getByText('upgraded from package format 3 to the SQL Server 2014 format').waitFor();
  await node('MSDB\\quick2008').click();
  await page.getByText(/package format 8 \(Microsoft SQL Server 2014\)/).waitFor();
  const svg = page.locator('svg.diagram-svg');
  await svg.locator('g.box', { hasText: 'Say hello' }).waitFor();
  assert.equal(await svg.locator('g.box').count(), 2);
  await page.getByRole('tab', { name: 'Data Flow: Load' }).click();
  await page.locator('svg.diagram-svg g.box', { hasText: 'Count' }).waitFor();
  await page.getByRole('tab', { name: /Variables/ }).click();
  await page.getByRole('cell', { name: 'User::Rows' }).waitFor();
  await page.getByRole('button', { name: 'Run Package…' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.status.succeeded').waitFor({ timeout: 60_000 });
  assert.match(await page.getByLabel('Messages').innerText(), /DTSER_SUCCESS/);
  await page.getByRole('cell', { name: 'Package\\Load.Paths[Out]' }).waitFor();
  assert.equal(await page.locator('table tbody tr td').nth(2).innerText(), '3');
  if (process.env.OPENDTS_SCREENSHOT) await page.screenshot({ path: process.env.OPENDTS_SCREENSHOT, fullPage: true });
});

test('stop a long-running package from the console', async () => {
  await node('File System').click();
  await node('File System\\slow').click();
  await page.getByRole('button', { name: 'Run Package…' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.status.running').waitFor();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('.status.stopped').waitFor({ timeout: 30_000 });
  await page.locator('#show-history').click();
  await page.getByRole('heading', { name: 'Execution History' }).waitFor();
  assert.equal(await page.locator('.status.stopped').count(), 1);
  assert.equal(await page.locator('.status.succeeded').count(), 1);
});

test('exporting to a 2008 instance is refused and the rule is shown', async () => {
  await node('MSDB\\quick2008').click();
  await page.getByRole('button', { name: 'Copy / Export to Folder…' }).click();
  await page.locator('#dialog select[name=folder]').selectOption('MSDB 2008');
  await page.locator('#dialog-ok').click();
  await banner().getByText(/never exported to an older instance/).waitFor();
  assert.match(await banner().innerText(), /Why: .*never exports to an older instance/);
});

test('a package protected with a password is imported with it and opened after asking for it', async () => {
  fs.copyFileSync(path.join(CORPUS, 'other', 'rtumaykin__ssis-build__Package_221.dtsx'), path.join(files, 'locked.dtsx'));
  await node('File System').click();
  await page.getByRole('button', { name: 'Import Package…' }).click();
  await page.locator('#dialog input[name=file]').setInputFiles(path.join(files, 'locked.dtsx'));
  await page.locator('#dialog input[name=password]').fill('ssis123');
  await page.locator('#dialog-ok').click();
  await banner().getByText('Imported "locked" into File System').waitFor();
  await page.reload();
  await node('File System').click();
  await node('File System\\locked').click();
  await page.getByRole('button', { name: 'Open with Password…' }).click();
  await page.locator('#dialog input[name=password]').fill('ssis123');
  await page.locator('#dialog-ok').click();
  await page.getByRole('button', { name: 'Run Package…' }).waitFor();
  await page.getByText(/protection: EncryptAllWithPassword/).waitFor();
  assert.equal((await page.content()).includes('ssis123'), false);
});

test('upgrade a 2008 package of the file system store permanently, keeping the old bytes', async () => {
  const file = path.join(fx.root, '120', 'DTS', 'Packages', 'old2008.dtsx');
  fs.writeFileSync(file, quickPackage(3, fx.csv, 'Old2008'));
  await page.reload();
  await node('File System').click();
  await node('File System\\old2008').click();
  await page.getByText(/package format 3 \(Microsoft SQL Server 2008/).waitFor();
  await page.getByRole('button', { name: 'Upgrade Permanently…' }).click();
  assert.equal(await page.locator('#dialog input[name=backup]').isChecked(), true);
  await page.locator('#dialog-ok').click();
  await banner().getByText('Upgraded from package format 3; the old bytes were kept.').waitFor();
  await page.getByText(/package format 8 \(Microsoft SQL Server 2014\)/).waitFor();
  assert.match(fs.readFileSync(`${file}.format3.bak`, 'utf8'), /PackageFormatVersion">3</);
});

test('the Jobs page lists a job with its schedule, starts it now and shows its history', async () => {
  const agent = await openAgentTarget({ env: { OPENDTS_PRODUCT_VERSION: '2014' }, root: fx.root, instance: '.' });
  try {
    const now = wallOf(new Date());
    const job = await agent.store.addJob({ name: 'Nightly load' }, now);
    await agent.store.addStep(job.job_id, { step_name: 'Say done', subsystem: 'CmdExec', command: 'echo done' });
    const timing = parseScheduleText('daily at 02:00', toAgentDate(now));
    await agent.store.addJobSchedule(job.job_id, 'Nightly', timing, nextRunAtOrAfter(timing, now), now);
  } finally {
    await agent.store.close();
  }
  await page.reload();
  await page.locator('#show-jobs').click();
  await page.getByRole('heading', { name: 'Jobs' }).waitFor();
  const row = page.locator('tr', { hasText: 'Nightly load' });
  assert.match(await row.innerText(), /Occurs every day at 02:00:00/);
  assert.match(await row.innerText(), /never ran/);
  await row.getByRole('button', { name: 'Start Job' }).click();
  await banner().getByText('Job "Nightly load" started.').waitFor();
  await page.getByRole('heading', { name: 'Job History: Nightly load' }).waitFor();
  const outcome = page.locator('tr', { hasText: '(Job outcome)' });
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /Succeeded.*The job succeeded\.\s+The Job was invoked by User admin/s);
  await page.getByRole('button', { name: 'All Jobs' }).click();
  await page.locator('tr', { hasText: 'Nightly load' }).locator('.status.succeeded').waitFor();
  await page.locator('tr', { hasText: 'Nightly load' }).getByRole('button', { name: 'Disable' }).click();
  await banner().getByText('Job "Nightly load" disabled.').waitFor();
  await page.locator('tr', { hasText: 'Nightly load' }).getByRole('button', { name: 'Enable' }).waitFor();
});
