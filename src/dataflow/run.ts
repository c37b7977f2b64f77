/** @module Planning, validating and running a data flow with the built-in components (or a registry of your own). */
import type { SsisError } from '../errors.ts';
import { builtinComponents } from '../components/index.ts';
import type { DataFlowContext, DataFlowResult } from './context.ts';
import { executePlan } from './engine.ts';
import { PIPELINE_EVENTS } from './events.ts';
import { DEFAULT_SIZING, type BufferSizing } from './layout.ts';
import type { DataFlowModel } from './model.ts';
import { buildPlan, describeTrees, type ExecutionPlan } from './plan.ts';
import { ComponentRegistry } from './registry.ts';
import { validatePlan } from './validate.ts';

/** Options of a run or validation. */
export interface DataFlowOptions {
  /** Component plug-ins; defaults to every built-in component. */
  readonly registry?: ComponentRegistry;
}

let defaultRegistry: ComponentRegistry | undefined;

/** The registry of every built-in component. */
export function builtinRegistry(): ComponentRegistry {
  defaultRegistry ??= new ComponentRegistry(builtinComponents);
  return defaultRegistry;
}

/** Buffer sizing from the Data Flow task's DefaultBufferMaxRows / DefaultBufferSize properties. */
export function bufferSizing(model: DataFlowModel): BufferSizing {
  const num = (name: string, fallback: number): number => {
    const v = Number(model.properties?.[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { maxRows: num('DefaultBufferMaxRows', DEFAULT_SIZING.maxRows), maxBytes: num('DefaultBufferSize', DEFAULT_SIZING.maxBytes) };
}

/** Builds the execution plan (paths, execution trees, buffer layouts) of a data flow. */
export function planDataFlow(model: DataFlowModel): ExecutionPlan {
  return buildPlan(model, bufferSizing(model));
}

/**
 * Validates a data flow without running it: unsupported components (named), broken paths and lineage,
 * type mismatches and each component's own checks. Returns every problem; empty means it may run.
 */
export function validateDataFlow(model: DataFlowModel, ctx?: DataFlowContext, opts: DataFlowOptions = {}): SsisError[] {
  try {
    return validatePlan(planDataFlow(model), opts.registry ?? builtinRegistry(), ctx);
  } catch (e) {
    return [e as SsisError];
  }
}

/**
 * Runs a data flow: validation, pre-execute, execution with back-pressure, then commit (or roll back
 * everything on failure). Never throws for package or data errors; they come back in the result and
 * as error events.
 */
export async function runDataFlow(model: DataFlowModel, ctx: DataFlowContext, opts: DataFlowOptions = {}): Promise<DataFlowResult> {
  const registry = opts.registry ?? builtinRegistry();
  const emit = ctx.onEvent ?? (() => undefined);
  const ev = PIPELINE_EVENTS.validationBegin;
  emit({ kind: 'information', code: ev.code, symbol: ev.symbol, source: 'SSIS.Pipeline', message: ev.message() });
  emit({ kind: 'progress', code: '0x00000000', source: 'SSIS.Pipeline', message: 'Validating', percent: 0 });
  let plan: ExecutionPlan;
  let errors: SsisError[];
  try {
    plan = planDataFlow(model);
    errors = validatePlan(plan, registry, ctx);
  } catch (e) {
    return failedValidation([e as SsisError], emit);
  }
  if (errors.length > 0) return failedValidation(errors, emit);
  emit({ kind: 'progress', code: '0x00000000', source: 'SSIS.Pipeline', message: 'Validating', percent: 100 });
  emit({ kind: 'log', code: '0x00000000', symbol: 'PipelineExecutionTrees', source: 'SSIS.Pipeline', message: describeTrees(plan) });
  return executePlan(plan, registry, ctx);
}

function failedValidation(errors: SsisError[], emit: NonNullable<DataFlowContext['onEvent']>): DataFlowResult {
  for (const e of errors) emit({ kind: 'error', code: e.code, symbol: e.symbol, source: 'SSIS.Pipeline', message: e.message });
  const all = [...errors];
  for (const key of ['validationFailed', 'taskValidationFailed'] as const) {
    const ev = PIPELINE_EVENTS[key];
    emit({ kind: 'error', code: ev.code, symbol: ev.symbol, source: 'SSIS.Pipeline', message: ev.message() });
  }
  return { success: false, errors: all, paths: [], componentTimes: [] };
}
