/** @module The For Loop and Foreach Loop containers: init/eval/assign expressions, enumerators and variable mappings. */
import { SsisError } from '../errors.ts';
import type { Engine } from './engine.ts';
import { enumerate } from './enumerators.ts';
import type { ContainerSpec, ExecResult } from './model.ts';
import { CANCELED, FAILURE, SUCCESS } from './model.ts';
import type { RunNode } from './run-node.ts';
import { yieldEvery } from './yield.ts';

/** Runs a For Loop: InitExpression once, EvalExpression before each pass, AssignExpression after it. */
export async function runForLoop(engine: Engine, node: RunNode): Promise<ExecResult> {
  const spec = node.spec as ContainerSpec;
  const loop = spec.forLoop;
  if (!loop || !loop.eval.trim()) {
    throw new SsisError('0xC0010010', 'DTS_E_FORLOOPEVALEXPRESSIONINVALID', `The For Loop "${spec.name}" has no EvalExpression; it must be a Boolean expression.`);
  }
  const init = loop.init?.trim() ? loop.init : undefined;
  const assign = loop.assign?.trim() ? loop.assign : undefined;
  const errorsAtStart = node.errorCount;
  if (init) await engine.assign(init, node);
  const test = engine.compile(loop.eval, node);
  const pause = yieldEvery();
  for (;;) {
    await pause();
    if (engine.signal.aborted) return CANCELED;
    const go = test();
    if (typeof go !== 'boolean') {
      throw new SsisError('0xC001F00B', 'DTS_E_FORLOOPEVALEXPRESSIONINVALID', `The EvalExpression "${loop.eval}" of the For Loop "${spec.name}" does not evaluate to a Boolean.`);
    }
    if (!go) return SUCCESS;
    const r = await engine.runControlFlow(node);
    if (r !== SUCCESS) return r;
    if (tooManyErrors(node, errorsAtStart)) return FAILURE;
    if (assign) await engine.assign(assign, node);
  }
}

/** Runs a Foreach Loop: one pass of its control flow per item, with the item mapped into variables. */
export async function runForeachLoop(engine: Engine, node: RunNode): Promise<ExecResult> {
  const spec = node.spec as ContainerSpec;
  const fe = spec.foreach;
  if (!fe) throw new SsisError('0xC001F009', 'DTS_E_FOREACHENUMERATORNOTSET', `The Foreach Loop "${spec.name}" has no enumerator.`);
  const errorsAtStart = node.errorCount;
  const mappings = fe.mappings.map((m) => ({ index: m.index, variable: node.scope.get(m.variable) }));
  const pause = yieldEvery();
  for await (const item of enumerate(engine, node, fe.enumerator)) {
    await pause();
    if (engine.signal.aborted) return CANCELED;
    for (const m of mappings) {
      const value = Array.isArray(item) ? item[m.index] : m.index === 0 ? item : undefined;
      if (Array.isArray(item) && m.index >= item.length) {
        throw new SsisError('0xC001C012', 'DTS_E_FEEMAPPINGINDEX', `The Foreach Loop "${spec.name}" maps index ${m.index} to ${m.variable.qualifiedName}, but the item has only ${item.length} column(s).`);
      }
      await m.variable.set(value);
    }
    const r = await engine.runControlFlow(node);
    if (r === FAILURE || r === CANCELED) return r;
    if (tooManyErrors(node, errorsAtStart)) return FAILURE;
  }
  return SUCCESS;
}

/** A loop stops once the errors raised inside it reach its MaximumErrorCount. */
function tooManyErrors(node: RunNode, errorsAtStart: number): boolean {
  const max = node.spec.maximumErrorCount ?? 1;
  return max > 0 && node.errorCount - errorsAtStart >= max;
}
