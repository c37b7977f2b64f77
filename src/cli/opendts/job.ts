/** @module `opendts job`: add, list, show, run, history, enable, disable and delete SQL Server Agent jobs in an msdb instance. */
import type { CliIo } from '../io.ts';
import { errorMessage, isSsisError } from '../../errors.ts';
import {
  NotifyLevel,
  StepFlags,
  cronTiming,
  describeSchedule,
  describeStepAction,
  formatAgent,
  formatWall,
  jobOverviews,
  nextRunAtOrAfter,
  openAgentTarget,
  parseArgs,
  parseScheduleText,
  parseStepAction,
  parseStepSpec,
  runJobNow,
  runStatusName,
  systemClock,
  toAgentDate,
  wallOf,
  type AgentTarget,
  type ScheduleTiming,
  type NewStep,
  type ParsedArgs,
} from '../../agent/index.ts';

const USAGE = [
  'Usage: opendts job <command> [--instance NAME | --db URL] [--root DIR]',
  '  add NAME --step KIND:COMMAND [step options] [--step …] [--schedule TEXT]… [--cron EXPR]… [job options]',
  '      KIND: ssis (dtexec options, e.g. "ssis:/F nightly.dtsx /SET \\Package.Variables[User::Day].Value;1"),',
  '            cmd (a /bin/sh command), sql (statements run on --connection)',
  '      step options (apply to the step before them): --step-name NAME, --on-success ACTION, --on-fail ACTION',
  '            (ACTION: next | quit-success | quit-failure | goto:N), --retries N, --retry-interval MINUTES,',
  '            --output FILE, --append-output, --success-code N (cmd), --connection sqlite:PATH|postgres://… (sql)',
  '      schedules: "daily at 02:00", "every 15 minutes between 08:00 and 18:00", "weekly on mon,fri at 07:30",',
  '            "monthly on day 1 at 00:00", "monthly on the second tuesday at 03:00", "once at 2026-12-01 10:00",',
  '            "at agent start"; each may end with "from YYYY-MM-DD" and "until YYYY-MM-DD"; --cron "*/5 * * * *"',
  '      job options: --description TEXT, --disabled, --operator NAME [--email ADDRESS], --notify failure|success|always',
  '  list [--json]             jobs with their last outcome and next run',
  '  show NAME                 steps, schedules (as SSMS describes them) and next run times',
  '  run NAME                  run the job now and wait for it (refused while it runs)',
  '  history [NAME] [--limit N] [--outcomes] [--json]',
  '  schedule NAME --schedule TEXT | --cron EXPR     add schedules to a job',
  '  unschedule NAME SCHEDULE_ID                      remove a schedule from a job (see "show" for the ids)',
  '  enable NAME | disable NAME | delete NAME',
].join('\n');

const VALUED = ['--instance', '--db', '--root', '--step', '--step-name', '--on-success', '--on-fail', '--retries', '--retry-interval', '--output', '--success-code', '--connection', '--schedule', '--cron', '--description', '--operator', '--email', '--notify', '--limit'];
const SWITCHES = ['--append-output', '--disabled', '--outcomes', '--json', '--help', '-h'];

function count(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be a whole number, not "${text}".`);
  return Number(text);
}

/** Reads the steps of `job add`: each `--step` starts one, the step options after it shape it. */
function stepsOf(p: ParsedArgs): NewStep[] {
  const steps: NewStep[] = [];
  for (const item of p.items) {
    if (item.flag === '--step') {
      steps.push(parseStepSpec(item.value, steps.length + 1));
      continue;
    }
    const step = steps.at(-1);
    const stepOption = ['--step-name', '--on-success', '--on-fail', '--retries', '--retry-interval', '--output', '--append-output', '--success-code', '--connection'];
    if (item.flag === undefined || !stepOption.includes(item.flag)) continue;
    if (!step) throw new Error(`${item.flag} must follow the --step it belongs to.`);
    switch (item.flag) {
      case '--step-name': step.step_name = item.value; break;
      case '--on-success': { const a = parseStepAction(item.value); step.on_success_action = a.action; step.on_success_step_id = a.stepId; break; }
      case '--on-fail': { const a = parseStepAction(item.value); step.on_fail_action = a.action; step.on_fail_step_id = a.stepId; break; }
      case '--retries': step.retry_attempts = count(item.value, '--retries'); break;
      case '--retry-interval': step.retry_interval = count(item.value, '--retry-interval'); break;
      case '--output': step.output_file_name = item.value; break;
      case '--append-output': step.flags = (step.flags ?? 0) | StepFlags.AppendOutputFile; break;
      case '--success-code': step.cmdexec_success_code = count(item.value, '--success-code'); break;
      case '--connection': step.database_name = item.value; break;
    }
  }
  // A step that is not the last goes on to the next one on success unless told otherwise (SSMS's default for new steps).
  steps.forEach((s, i) => {
    if (i < steps.length - 1 && s.on_success_action === undefined) s.on_success_action = 3;
  });
  return steps;
}

/** The schedules given by `--schedule` and `--cron`, read and validated. */
function schedulesOf(p: ParsedArgs, today: number): ScheduleTiming[] {
  return [...p.all('--schedule').map((s) => parseScheduleText(s, today)), ...p.all('--cron').map((c) => cronTiming(c, today))];
}

/** Names a job's new schedules after it (`Nightly`, or `Nightly 2`, `Nightly 3`… when it has several) with their first next run times. */
function namedSchedules(jobName: string, existing: number, schedules: ScheduleTiming[], now: number) {
  const single = existing === 0 && schedules.length === 1;
  return schedules.map((timing, i) => ({ name: single ? jobName : `${jobName} ${existing + i + 1}`, timing, next: nextRunAtOrAfter(timing, now) }));
}

async function schedule(t: AgentTarget, name: string, p: ParsedArgs, io: CliIo): Promise<number> {
  const job = await findJobOrFail(t, name);
  const now = wallOf(systemClock.now());
  const schedules = schedulesOf(p, toAgentDate(now));
  if (schedules.length === 0) throw new Error('give the schedules to add with --schedule or --cron.');
  const existing = (await t.store.listJobSchedules(job.job_id)).length;
  for (const s of namedSchedules(job.name, existing, schedules, now)) await t.store.addJobSchedule(job.job_id, s.name, s.timing, s.next, now);
  return show(t, name, io);
}

async function unschedule(t: AgentTarget, name: string, id: string | undefined, io: CliIo): Promise<number> {
  const job = await findJobOrFail(t, name);
  if (id === undefined || !/^\d+$/.test(id)) throw new Error('give the id of the schedule to remove (see "opendts job show").');
  await t.store.removeJobSchedule(job.job_id, Number(id));
  io.out(`Schedule ${id} removed from job "${job.name}".`);
  return 0;
}

async function add(t: AgentTarget, name: string, p: ParsedArgs, io: CliIo): Promise<number> {
  const steps = stepsOf(p);
  if (steps.length === 0) throw new Error('a job needs at least one --step.');
  const now = wallOf(systemClock.now());
  const schedules = schedulesOf(p, toAgentDate(now));
  const operatorName = p.get('--operator');
  const notify = p.get('--notify') ?? (operatorName !== undefined ? 'failure' : 'never');
  const level = { never: NotifyLevel.Never, failure: NotifyLevel.OnFailure, success: NotifyLevel.OnSuccess, always: NotifyLevel.Always }[notify];
  if (level === undefined) throw new Error(`--notify must be failure, success or always, not "${notify}".`);
  let operatorId = 0;
  if (operatorName !== undefined) {
    const existing = await t.store.findOperator(operatorName);
    const email = p.get('--email');
    if (!existing && email === undefined) throw new Error(`the operator "${operatorName}" does not exist: give its --email to create it.`);
    operatorId = (existing ?? (await t.store.addOperator(operatorName, email ?? null))).id;
  }
  const job = await t.store.createJob(
    { name, enabled: !p.has('--disabled'), notify_level_email: level, notify_email_operator_id: operatorId, ...(p.get('--description') !== undefined ? { description: p.get('--description') } : {}) },
    steps,
    namedSchedules(name, 0, schedules, now),
    now,
  );
  io.out(`Job "${name}" added (job_id ${job.job_id}) with ${steps.length} step(s) and ${schedules.length} schedule(s).`);
  return show(t, name, io);
}

async function list(t: AgentTarget, json: boolean, io: CliIo): Promise<number> {
  const jobs = await jobOverviews(t.store);
  if (json) {
    io.out(JSON.stringify(jobs.map(({ job, lastOutcome, nextRun }) => ({
      name: job.name,
      jobId: job.job_id,
      enabled: job.enabled === 1,
      lastOutcome: lastOutcome ? { status: runStatusName(lastOutcome.run_status), at: formatAgent(lastOutcome.run_date, lastOutcome.run_time), message: lastOutcome.message } : null,
      nextRun: job.enabled && nextRun !== undefined ? formatWall(nextRun) : null,
    })), null, 2));
    return 0;
  }
  if (jobs.length === 0) {
    io.out('No jobs.');
    return 0;
  }
  io.out(`${'Name'.padEnd(30)} ${'Enabled'.padEnd(8)} ${'Last outcome'.padEnd(24)} Next run`);
  for (const { job, lastOutcome: last, nextRun } of jobs) {
    const lastText = last ? `${runStatusName(last.run_status)} ${formatAgent(last.run_date, last.run_time).slice(5, 16)}` : 'never run';
    const next = !job.enabled ? '(disabled)' : nextRun !== undefined ? formatWall(nextRun) : '(not scheduled)';
    io.out(`${job.name.padEnd(30)} ${(job.enabled ? 'yes' : 'no').padEnd(8)} ${lastText.padEnd(24)} ${next}`);
  }
  return 0;
}

async function findJobOrFail(t: AgentTarget, name: string) {
  const job = await t.store.findJob(name);
  if (!job) throw new Error(`The job "${name}" does not exist.`);
  return job;
}

async function show(t: AgentTarget, name: string, io: CliIo): Promise<number> {
  const job = await findJobOrFail(t, name);
  io.out(`Job: ${job.name}  (${job.enabled ? 'enabled' : 'disabled'}, job_id ${job.job_id})`);
  if (job.description) io.out(`Description: ${job.description}`);
  for (const s of await t.store.listSteps(job.job_id)) {
    io.out(`  Step ${s.step_id} "${s.step_name}" [${s.subsystem}] ${s.command ?? ''}`);
    const extras = [
      `on success: ${describeStepAction(s.on_success_action, s.on_success_step_id)}`,
      `on failure: ${describeStepAction(s.on_fail_action, s.on_fail_step_id)}`,
      ...(s.retry_attempts ? [`retries: ${s.retry_attempts} every ${s.retry_interval} min`] : []),
      ...(s.output_file_name ? [`output: ${s.output_file_name}${s.flags & StepFlags.AppendOutputFile ? ' (append)' : ''}`] : []),
      ...(s.database_name ? [`connection: ${s.database_name}`] : []),
    ];
    io.out(`      ${extras.join('; ')}`);
  }
  for (const js of await t.store.listJobSchedules(job.job_id)) {
    io.out(`  Schedule ${js.schedule.schedule_id} "${js.schedule.name}": ${describeSchedule(js.schedule)}`);
    io.out(`      next run: ${js.next_run_date > 0 ? formatAgent(js.next_run_date, js.next_run_time) : '(none)'}`);
  }
  return 0;
}

async function runNow(t: AgentTarget, name: string, io: CliIo): Promise<number> {
  const r = await runJobNow(t, name, { cwd: io.cwd, env: io.env, ...(io.signal ? { signal: io.signal } : {}) });
  io.out(r.message);
  return r.succeeded ? 0 : 1;
}

async function history(t: AgentTarget, name: string | undefined, p: ParsedArgs, io: CliIo): Promise<number> {
  const job = name === undefined ? undefined : await findJobOrFail(t, name);
  const names = new Map((await t.store.listJobs()).map((j) => [j.job_id, j.name]));
  const rows = await t.store.listHistory({ ...(job ? { job_id: job.job_id } : {}), outcomesOnly: p.has('--outcomes'), limit: count(p.get('--limit') ?? '50', '--limit') });
  if (p.has('--json')) {
    io.out(JSON.stringify(rows.map((h) => ({ ...h, job_name: names.get(h.job_id) ?? null, run_status_name: runStatusName(h.run_status), run_at: formatAgent(h.run_date, h.run_time) })), null, 2));
    return 0;
  }
  if (rows.length === 0) io.out('No history.');
  for (const h of rows) {
    io.out(`${formatAgent(h.run_date, h.run_time)}  ${(names.get(h.job_id) ?? h.job_id).padEnd(24)} step ${String(h.step_id).padStart(2)} ${h.step_name.padEnd(16)} ${runStatusName(h.run_status).padEnd(10)} ${String(h.run_duration).padStart(6, '0')}${h.retries_attempted ? ` retry ${h.retries_attempted}` : ''}`);
    io.out(`    ${h.message ?? ''}`);
  }
  return 0;
}

/** Runs `opendts job`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, VALUED, SWITCHES);
  if (typeof p === 'string') {
    io.err(`opendts job: ${p}`);
    io.err(USAGE);
    return 1;
  }
  const [command, name] = p.positional;
  if (command === undefined || p.has('--help') || p.has('-h')) {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 1 : 0;
  }
  const needsName = ['add', 'show', 'run', 'schedule', 'unschedule', 'enable', 'disable', 'delete'];
  if (!['list', 'history', ...needsName].includes(command)) {
    io.err(`opendts job: unknown command "${command}".`);
    io.err(USAGE);
    return 1;
  }
  if (needsName.includes(command) && name === undefined) {
    io.err(`opendts job ${command}: the job name is missing.`);
    return 1;
  }
  let t: AgentTarget | undefined;
  try {
    t = await openAgentTarget({ env: io.env, ...(p.get('--root') ? { root: p.get('--root') } : {}), ...(p.get('--instance') ? { instance: p.get('--instance') } : {}), ...(p.get('--db') ? { db: p.get('--db') } : {}) });
    switch (command) {
      case 'add': return await add(t, name!, p, io);
      case 'list': return await list(t, p.has('--json'), io);
      case 'show': return await show(t, name!, io);
      case 'run': return await runNow(t, name!, io);
      case 'history': return await history(t, name, p, io);
      case 'schedule': return await schedule(t, name!, p, io);
      case 'unschedule': return await unschedule(t, name!, p.positional[2], io);
      case 'enable':
      case 'disable': {
        const job = await findJobOrFail(t, name!);
        const now = wallOf(systemClock.now());
        await t.store.setJobEnabled(job.job_id, command === 'enable', now);
        if (command === 'enable') {
          // Runs missed while the job was disabled are not owed: the next runs count from now.
          for (const js of await t.store.listJobSchedules(job.job_id)) await t.store.setNextRun(job.job_id, js.schedule.schedule_id, nextRunAtOrAfter(js.schedule, now));
        }
        io.out(`Job "${job.name}" ${command}d.`);
        return 0;
      }
      default: {
        const job = await findJobOrFail(t, name!);
        await t.store.deleteJob(job.job_id);
        io.out(`Job "${job.name}" deleted.`);
        return 0;
      }
    }
  } catch (error) {
    io.err(`opendts job ${command}: ${isSsisError(error) ? error.format() : errorMessage(error)}`);
    return 1;
  } finally {
    await t?.store.close();
  }
}
