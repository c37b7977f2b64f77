// Operator e-mail on job failure through a real SMTP server started by the test (smtp-server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJob, type JobRunOptions } from './job-runner.ts';
import { ManualClock } from './clock.ts';
import { NotifyLevel } from './codes.ts';
import { smtpMailer, smtpFromValues } from './notify.ts';
import { freshStore, startSmtp } from './test-support.ts';

test('a failed job mails its operator; a successful one does not; the history records the operator', async () => {
  const smtp = await startSmtp();
  const t = await freshStore('sqlite');
  try {
    const clock = new ManualClock(new Date(2026, 10, 25, 3, 0, 0));
    const session = await t.store.startSession('test', 0);
    const operator = await t.store.addOperator('DBA team', 'dba@example.test');
    const mailer = smtpMailer({ host: '127.0.0.1', port: smtp.port, from: 'agent@example.test' });
    const options: JobRunOptions = { store: t.store, clock, sessionId: session, server: 'TESTSRV', invokedBy: 'Schedule 1 (nightly)', cwd: t.dir, env: process.env, user: 'agent', productYear: 2014, mailer };
    const failing = await t.store.addJob({ name: 'Nightly ETL', notify_level_email: NotifyLevel.OnFailure, notify_email_operator_id: operator.id }, 0);
    await t.store.addStep(failing.job_id, { step_name: 'load', subsystem: 'CmdExec', command: 'echo disk full; exit 1' });
    const ok = await t.store.addJob({ name: 'Fine', notify_level_email: NotifyLevel.OnFailure, notify_email_operator_id: operator.id }, 0);
    await t.store.addStep(ok.job_id, { step_name: 'fine', subsystem: 'CmdExec', command: 'true' });

    const r = await runJob(failing, options);
    await runJob(ok, options);
    assert.equal(r.succeeded, false);
    assert.equal(smtp.mail.length, 1);
    assert.deepEqual([smtp.mail[0].from, smtp.mail[0].to], ['agent@example.test', ['dba@example.test']]);
    assert.match(smtp.mail[0].body, /Subject: SQL Server Job System: 'Nightly ETL' completed on \\\\TESTSRV/);
    assert.match(smtp.mail[0].body, /STATUS:\s+Failed/);
    const [outcome] = await t.store.listHistory({ job_id: failing.job_id, outcomesOnly: true });
    assert.equal(outcome.operator_id_emailed, operator.id);
    assert.match(outcome.message ?? '', /NOTE: The job notified 'DBA team' via email\.$/);
    assert.equal((await t.store.findOperator('DBA team'))?.last_email_date, 20261125);

    // The mail server is gone: the outcome row says the notification failed, the job outcome stands.
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    const r2 = await runJob(failing, options);
    assert.equal(r2.succeeded, false);
    assert.match(r2.message, /NOTE: Failed to notify 'DBA team' via email: /);
  } finally {
    await t.cleanup();
    smtp.server.close();
  }
});

test('SMTP settings come from the version settings\' Agent\\SMTP values', () => {
  assert.equal(smtpFromValues({}), undefined);
  assert.deepEqual(smtpFromValues({ 'Agent\\SMTP\\Server': 'mail.local', 'Agent\\SMTP\\Port': '2525', 'Agent\\SMTP\\From': 'a@b' }), { host: 'mail.local', port: 2525, secure: false, from: 'a@b' });
});
