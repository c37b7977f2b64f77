/** @module The step syntax of `opendts job add`: `--step "ssis:/F pkg.dtsx"`, `--step "cmd:backup.sh"`, `--step "sql:DELETE …"`, and step actions (`next`, `quit-success`, `quit-failure`, `goto:N`). */
import { SsisError } from '../errors.ts';
import { StepAction, Subsystem } from './codes.ts';
import type { NewStep } from './model.ts';

const KINDS: Record<string, string> = { ssis: Subsystem.Ssis, cmd: Subsystem.CmdExec, cmdexec: Subsystem.CmdExec, sh: Subsystem.CmdExec, sql: Subsystem.TSql, tsql: Subsystem.TSql };

function specError(message: string): SsisError {
  return new SsisError('0x80004005', 'OPENDTS_E_STEPSYNTAX', message);
}

/** Reads `KIND:COMMAND` into a new step named `Step N`. */
export function parseStepSpec(spec: string, index: number): NewStep {
  const colon = spec.indexOf(':');
  const kind = KINDS[spec.slice(0, Math.max(0, colon)).trim().toLowerCase()];
  if (colon < 0 || kind === undefined) {
    throw specError(`The step "${spec}" needs a kind: "ssis:<dtexec options>", "cmd:<shell command>" or "sql:<statements>".`);
  }
  return { step_name: `Step ${index}`, subsystem: kind, command: spec.slice(colon + 1).trim() };
}

/** Reads a step action: `next`, `quit-success`, `quit-failure` or `goto:N`. */
export function parseStepAction(text: string): { action: number; stepId: number } {
  const t = text.trim().toLowerCase();
  if (t === 'next') return { action: StepAction.NextStep, stepId: 0 };
  if (t === 'quit-success' || t === 'success') return { action: StepAction.QuitWithSuccess, stepId: 0 };
  if (t === 'quit-failure' || t === 'failure') return { action: StepAction.QuitWithFailure, stepId: 0 };
  const m = /^goto:(\d+)$/.exec(t);
  if (m && Number(m[1]) >= 1) return { action: StepAction.GoToStep, stepId: Number(m[1]) };
  throw specError(`"${text}" is not a step action: use next, quit-success, quit-failure or goto:N.`);
}

/** The words for a step action, as `opendts job show` prints them. */
export function describeStepAction(action: number, stepId: number): string {
  switch (action) {
    case StepAction.QuitWithSuccess:
      return 'quit reporting success';
    case StepAction.QuitWithFailure:
      return 'quit reporting failure';
    case StepAction.NextStep:
      return 'go to the next step';
    case StepAction.GoToStep:
      return `go to step ${stepId}`;
    default:
      return `unknown action ${action}`;
  }
}
