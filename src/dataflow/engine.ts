/** @module Runs an execution plan: pre-execute, sources push buffers through the trees with back-pressure, commit or roll back. */
import { SsisError, errorMessage } from '../errors.ts';
import { Batch } from './batch.ts';
import { createColumnVector } from './column-vector.ts';
import type { ComponentHost, ComponentRuntime } from './component.ts';
import type { DataFlowContext, DataFlowEvent, DataFlowResult, PathRowCount } from './context.ts';
import { PIPELINE_EVENTS } from './events.ts';
import type { ExecutionPlan, PlanComponent, PlanInput } from './plan.ts';
import { inputLayout } from './plan.ts';
import type { ComponentRegistry } from './registry.ts';
import { componentError } from './validate.ts';

/** Raised inside components once the flow is aborting; never reported as an error of its own. */
class FlowAborted extends Error {}

interface Running {
  readonly pc: PlanComponent;
  runtime: ComponentRuntime;
  endedInputs: number;
  /** Milliseconds inside this component's methods, including time downstream. */
  inclusive: number;
  /** Milliseconds spent downstream of this component's sends. */
  downstream: number;
  wroteRows: number;
}

/** Runs a validated plan. Never throws for data errors: failures come back in the result. */
export async function executePlan(plan: ExecutionPlan, registry: ComponentRegistry, ctx: DataFlowContext): Promise<DataFlowResult> {
  const emit = (e: DataFlowEvent): void => ctx.onEvent?.(e);
  const pipeline = (key: keyof typeof PIPELINE_EVENTS, ...args: string[]): void => {
    const ev = PIPELINE_EVENTS[key];
    emit({ kind: 'information', code: ev.code, symbol: ev.symbol, source: 'SSIS.Pipeline', message: ev.message(...args) });
  };
  const errors: SsisError[] = [];
  const pathRows = new Map<string, number>();
  const running = new Map<PlanComponent, Running>();
  let aborted = false;
  const onCancel = (): void => {
    if (!aborted) errors.push(new SsisError('0xC0047020', 'DTS_E_PROCESSCANCELLED', 'The data flow was cancelled.'));
    aborted = true;
  };
  ctx.signal?.addEventListener('abort', onCancel);
  if (ctx.signal?.aborted) onCancel();

  const fail = (r: Running | undefined, e: unknown, phase: 'PrimeOutput' | 'ProcessInput' | 'PreExecute' | 'PostExecute', input?: PlanInput): void => {
    if (e instanceof FlowAborted) return;
    const err = e instanceof SsisError ? e : new SsisError('0xC0047062', 'DTS_E_MANAGEDCOMPONENTEXCEPTION', `${r?.pc.model.name ?? 'SSIS.Pipeline'}: ${errorMessage(e)}`, { cause: e });
    if (!aborted || errors.length === 0) {
      errors.push(err);
      emit({ kind: 'error', code: err.code, symbol: err.symbol, source: r?.pc.model.name ?? 'SSIS.Pipeline', message: err.message });
      if (r) {
        const follow = phase === 'PrimeOutput'
          ? PIPELINE_EVENTS.primeOutputFailed
          : phase === 'ProcessInput'
            ? PIPELINE_EVENTS.processInputFailed
            : PIPELINE_EVENTS.phaseFailed;
        const msg = follow.message(r.pc.model.name, err.code, input?.model.name ?? phase);
        errors.push(new SsisError(follow.code, follow.symbol, msg));
        emit({ kind: 'error', code: follow.code, symbol: follow.symbol, source: 'SSIS.Pipeline', message: msg });
      }
    }
    aborted = true;
  };

  const now = (): number => performance.now();
  const progress = (phase: string, percent: number): void => emit({ kind: 'progress', code: '0x00000000', source: 'SSIS.Pipeline', message: `${phase}`, percent });

  // BufferSizeTuning: buffers with fewer rows than DefaultBufferMaxRows because DefaultBufferSize caps them.
  for (const t of plan.trees) {
    const maxRows = Number(plan.model.properties?.['DefaultBufferMaxRows'] ?? 10_000);
    if (t.layout.rowsPerBuffer < maxRows && t.layout.columns.length > 0) {
      emit({ kind: 'log', code: '0x00000000', symbol: 'BufferSizeTuning', source: 'SSIS.Pipeline', message: `Rows in buffer type ${t.id} would cause a buffer size greater than the configured maximum. There will be only ${t.layout.rowsPerBuffer} rows in buffers of this type.` });
    }
  }

  const send = async (r: Running, output: number, batch: Batch): Promise<void> => {
    if (aborted) throw new FlowAborted();
    const o = r.pc.outputs[output];
    if (!o) throw new Error(`${r.pc.model.name} has no output ${output}`);
    const d = o.downstream;
    if (!d || batch.count === 0) return;
    const key = o.path!.refId;
    pathRows.set(key, (pathRows.get(key) ?? 0) + batch.count);
    const dr = running.get(d.component)!;
    const t0 = now();
    try {
      await dr.runtime.process?.(d.index, batch);
    } catch (e) {
      if (!(e instanceof FlowAborted)) fail(dr, e, 'ProcessInput', d);
      throw new FlowAborted();
    } finally {
      const dt = now() - t0;
      r.downstream += dt;
      dr.inclusive += dt;
    }
    if (d.component.outputs.length === 0) dr.wroteRows += batch.count;
  };

  const endInput = async (input: PlanInput): Promise<void> => {
    const r = running.get(input.component)!;
    const t0 = now();
    try {
      await r.runtime.endOfInput?.(input.index);
    } catch (e) {
      fail(r, e, 'ProcessInput', input);
      throw new FlowAborted();
    } finally {
      r.inclusive += now() - t0;
    }
    r.endedInputs++;
    if (r.endedInputs === r.pc.inputs.length) await finishOutputs(r);
  };

  const finishOutputs = async (r: Running): Promise<void> => {
    for (const o of r.pc.outputs) if (o.downstream) await endInput(o.downstream);
  };

  // Create the runtimes.
  for (const pc of plan.components) {
    const factory = registry.find(pc.model.classId) ?? registry.find(pc.model.rawClassId);
    if (!factory) throw new Error(`no plug-in for ${pc.model.classId}; validate before executing`);
    const r: Running = { pc, runtime: {}, endedInputs: 0, inclusive: 0, downstream: 0, wroteRows: 0 };
    running.set(pc, r);
    const host: ComponentHost = {
      component: pc.model,
      context: ctx,
      rowsPerBuffer: (o) => pc.outputs[o]!.tree!.layout.rowsPerBuffer,
      inputLayout: (i) => {
        const l = inputLayout(pc.inputs[i]!);
        if (!l) throw new Error(`input ${i} of ${pc.model.name} is not attached`);
        return l;
      },
      outputLayout: (o) => pc.outputs[o]!.tree!.layout,
      newBatch: (o, rows) => {
        const out = pc.outputs[o]!;
        const layout = out.tree!.layout;
        const own = new Set(out.model.columns.map((c) => c.lineageId));
        return new Batch(layout, layout.columns.map((c) => (own.has(c.lineageId) ? createColumnVector(c.type, rows) : undefined)), rows);
      },
      send: (o, b) => send(r, o, b),
      connection: (slot) => {
        const binding = slot === undefined ? pc.model.connections[0] : pc.model.connections.find((c) => c.name === slot) ?? pc.model.connections[0];
        if (!binding) throw componentError(pc.model, '0xC0202040', 'DTS_E_CONNECTIONREQUIRED', `a connection manager is required${slot ? ` for "${slot}"` : ''} but none is set.`);
        const cm = ctx.connection(binding.connectionManagerRefId);
        if (!cm) throw componentError(pc.model, '0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${binding.connectionManagerRefId}" was not found.`);
        return cm;
      },
      event: (kind, code, message, symbol) => emit({ kind, code, symbol, source: pc.model.name, message }),
      get aborted() {
        return aborted;
      },
      error: (code, symbol, message) => componentError(pc.model, code, symbol, message),
    };
    try {
      r.runtime = factory.create(host);
    } catch (e) {
      fail(r, e, 'PreExecute');
    }
  }

  const timed = async (r: Running, fn: () => Promise<void> | void): Promise<void> => {
    const t0 = now();
    try {
      await fn();
    } finally {
      r.inclusive += now() - t0;
    }
  };

  if (!aborted) {
    pipeline('prepareBegin');
    progress('Prepare for Execute', 100);
    pipeline('preExecuteBegin');
    progress('Pre-Execute', 0);
    for (const r of running.values()) {
      if (aborted) break;
      try {
        await timed(r, () => r.runtime.preExecute?.());
      } catch (e) {
        fail(r, e, 'PreExecute');
      }
    }
  }
  if (!aborted) {
    progress('Pre-Execute', 100);
    pipeline('executeBegin');
    const sources = [...running.values()].filter((r) => r.pc.inputs.length === 0);
    await Promise.all(
      sources.map(async (r) => {
        try {
          await timed(r, () => r.runtime.produce?.());
          if (aborted) return;
          await finishOutputs(r);
        } catch (e) {
          fail(r, e, 'PrimeOutput');
        }
      }),
    );
  }
  if (!aborted) {
    pipeline('postExecuteBegin');
    progress('Post Execute', 0);
    for (const r of running.values()) {
      if (aborted) break;
      try {
        await timed(r, () => r.runtime.commit?.());
      } catch (e) {
        fail(r, e, 'PostExecute');
      }
    }
  }
  if (aborted) {
    for (const r of running.values()) {
      try {
        await r.runtime.abort?.();
      } catch {
        // abort must not throw; a failing clean-up changes nothing about the outcome
      }
    }
  } else {
    for (const r of running.values()) {
      if (r.pc.outputs.length === 0 && r.pc.inputs.length > 0) pipeline('wroteRows', r.pc.model.name, String(r.wroteRows));
    }
  }
  if (!aborted) progress('Post Execute', 100);
  pipeline('cleanupBegin');
  progress('Cleanup', 100);
  ctx.signal?.removeEventListener('abort', onCancel);

  const paths: PathRowCount[] = plan.model.paths.map((p) => {
    const from = plan.components.find((c) => c.outputs.some((o) => o.model.refId === p.startRefId));
    const to = plan.components.find((c) => c.inputs.some((i) => i.model.refId === p.endRefId));
    return { path: p.refId, name: p.name, from: from?.model.name ?? '', to: to?.model.name ?? '', rows: pathRows.get(p.refId) ?? 0 };
  });
  const componentTimes = [...running.values()].map((r) => ({ component: r.pc.model.name, ms: Math.max(0, Math.round(r.inclusive - r.downstream)) }));
  if (ctx.onEvent) {
    for (const p of paths) emit({ kind: 'log', code: '0x00000000', symbol: 'OnPipelineRowsSent', source: 'SSIS.Pipeline', message: `Rows were provided to a data flow component as input. :  : ${p.path} : ${p.name} : ${p.to} : ${p.rows}` });
    for (const t of componentTimes) emit({ kind: 'log', code: '0x00000000', symbol: 'PipelineComponentTime', source: 'SSIS.Pipeline', message: `The component "${t.component}" spent ${t.ms} ms in the data flow.` });
  }
  return { success: !aborted, errors, paths, componentTimes };
}
