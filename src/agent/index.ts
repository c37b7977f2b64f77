/** @module The SQL Server Agent part of OpenDTS: jobs, steps, schedules and history in msdb, and the scheduler that runs them; the public face of `agent/`. */
export * from './codes.ts';
export * from './wall-time.ts';
export { type Clock, systemClock, ManualClock } from './clock.ts';
export { parseCron, nextCronTime, type CronExpression } from './cron.ts';
export { defaultTiming, validateTiming, type ScheduleTiming, type ScheduleRow } from './schedule.ts';
export { nextRunAtOrAfter, nextRunAfter, upcomingRuns, relativeDayOfMonth } from './next-run.ts';
export { parseScheduleText, cronTiming, describeSchedule } from './schedule-text.ts';
export { parseStepSpec, parseStepAction, describeStepAction } from './step-spec.ts';
export type { JobRow, NewJob, StepRow, NewStep, JobSchedule, HistoryRow, NewHistory, OperatorRow, ClaimedSlot, RunningJob } from './model.ts';
export { AgentStore, type HistoryFilter } from './agent-store.ts';
export { migrateAgentSchema, AGENT_SCHEMA_VERSION } from './schema.ts';
export { openAgentDb, type SqlDb } from './sql-db.ts';
export { runJob, type JobRunOptions, type JobRunResult } from './job-runner.ts';
export { Agent, type AgentOptions } from './agent.ts';
export { smtpMailer, smtpFromValues, type Mailer, type SmtpSettings } from './notify.ts';
export { stepKindOf, DTEXEC_SCRIPT, type StepKind, type StepContext, type StepResult } from './steps/index.ts';
export { openAgentTarget, type AgentTarget, type TargetOptions } from './connect.ts';
export { parseArgs, type ParsedArgs, type ArgItem } from './command-args.ts';
