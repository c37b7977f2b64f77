/** @module The numeric codes SQL Server Agent keeps in msdb (sysschedules, sysjobsteps, sysjobhistory, sysjobs), named. */

/** `sysschedules.freq_type`: how often a schedule fires. */
export const FreqType = {
  Once: 1,
  Daily: 4,
  Weekly: 8,
  Monthly: 16,
  MonthlyRelative: 32,
  AgentStart: 64,
  Idle: 128,
  /** OpenDTS extension: the schedule is a 5-field cron expression kept in `sysschedules.cron_expression`. */
  Cron: 256,
} as const;
export type FreqTypeCode = (typeof FreqType)[keyof typeof FreqType];

/** `sysschedules.freq_subday_type`: the unit of `freq_subday_interval`. */
export const SubdayType = { AtTime: 1, Seconds: 2, Minutes: 4, Hours: 8 } as const;
export type SubdayTypeCode = (typeof SubdayType)[keyof typeof SubdayType];

/** Weekly `freq_interval` bits: Sunday = 1 … Saturday = 64 (index = JavaScript's `getUTCDay()`). */
export const WEEKDAY_BITS = [1, 2, 4, 8, 16, 32, 64] as const;

/** Monthly-relative `freq_interval`: 1 Sunday … 7 Saturday, then these three. */
export const RelativeDay = { Day: 8, Weekday: 9, WeekendDay: 10 } as const;

/** `sysschedules.freq_relative_interval`: which occurrence in the month. */
export const RelativeInterval = { First: 1, Second: 2, Third: 4, Fourth: 8, Last: 16 } as const;

/** `sysjobsteps.on_success_action` / `on_fail_action`. */
export const StepAction = { QuitWithSuccess: 1, QuitWithFailure: 2, NextStep: 3, GoToStep: 4 } as const;
export type StepActionCode = (typeof StepAction)[keyof typeof StepAction];

/** `sysjobhistory.run_status`. */
export const RunStatus = { Failed: 0, Succeeded: 1, Retry: 2, Canceled: 3, InProgress: 4 } as const;
export type RunStatusCode = (typeof RunStatus)[keyof typeof RunStatus];

/** `sysjobsteps.subsystem` values OpenDTS runs. */
export const Subsystem = { Ssis: 'SSIS', CmdExec: 'CmdExec', TSql: 'TSQL' } as const;
export type SubsystemName = (typeof Subsystem)[keyof typeof Subsystem];

/** `sysjobsteps.flags` bits OpenDTS honours. */
export const StepFlags = { AppendOutputFile: 2 } as const;

/** `sysjobs.notify_level_email`: when the operator is mailed. */
export const NotifyLevel = { Never: 0, OnSuccess: 1, OnFailure: 2, Always: 3 } as const;
export type NotifyLevelCode = (typeof NotifyLevel)[keyof typeof NotifyLevel];

/** The words Agent shows for a run status. */
export function runStatusName(status: number): string {
  return ['Failed', 'Succeeded', 'Retry', 'Canceled', 'In Progress'][status] ?? `Unknown (${status})`;
}
