/** @module The events a run raises (OnError, OnPreExecute, …), as listeners such as dtexec's console and the log providers receive them. */

/** The standard SSIS events that event handlers can catch (ssis-semantics §4.9). */
export const HANDLER_EVENTS = [
  'OnError', 'OnExecStatusChanged', 'OnInformation', 'OnPostExecute', 'OnPostValidate', 'OnPreExecute',
  'OnPreValidate', 'OnProgress', 'OnQueryCancel', 'OnTaskFailed', 'OnVariableValueChanged', 'OnWarning',
] as const;

/** An event name: a standard one, PackageStart/PackageEnd, or a task's custom log entry. */
export type EventName = (typeof HANDLER_EVENTS)[number] | 'PackageStart' | 'PackageEnd' | (string & {});

/** One event as raised: who raised it and what it says. */
export interface RuntimeEvent {
  readonly event: EventName;
  /** Name of the executable that raised it. */
  readonly sourceName: string;
  readonly sourceId: string;
  /** For data flow messages: the component inside the source (printed after the task name). */
  readonly subComponent?: string;
  /** Hex code for errors, warnings and information, e.g. `0xC002F210`. */
  readonly code?: string;
  readonly message: string;
  readonly time: Date;
  /** For OnProgress: percent complete. */
  readonly percent?: number;
  /** DataCode for log entries (the result for PackageEnd/OnPostExecute). */
  readonly dataCode?: number;
  /** True for the custom log entries of tasks (`ExecuteSQLExecutingQuery`, …): dtexec's /Rep C. */
  readonly custom?: boolean;
  /** True for data flow engine messages: dtexec's /Rep D. */
  readonly dataFlow?: boolean;
  /** True while validating (events raised by validation). */
  readonly validating?: boolean;
}

/** Receives every event of a run (console, log providers). */
export type EventListener = (event: RuntimeEvent) => void | Promise<void>;
