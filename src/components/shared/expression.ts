/** @module Compiling an SSIS expression over a buffer's columns (Derived Column, Conditional Split): names and lineage references resolve to buffer slots. */
import { SsisError } from '../../errors.ts';
import { checkExpression } from '../../expr/checker.ts';
import type { ColumnRef, ExpressionContext } from '../../expr/context.ts';
import { parseExpression } from '../../expr/parser.ts';
import { evaluateTree } from '../../expr/reference-evaluator.ts';
import { systemEnv } from '../../expr/runtime-env.ts';
import type { TNode } from '../../expr/typed-ast.ts';
import { typeSpec, variableTypeOfCode, type TypeSpec } from '../../types/index.ts';
import type { Batch } from '../../dataflow/batch.ts';
import type { DataFlowContext } from '../../dataflow/context.ts';
import type { BufferLayout } from '../../dataflow/layout.ts';
import type { InputColumnModel } from '../../dataflow/model.ts';

/** An expression ready to run over batches. */
export interface BufferExpression {
  /** The expression's result type. */
  readonly type: TypeSpec;
  /** Evaluates the expression for buffer row `row`; throws SsisError on evaluation failure. */
  evaluate(batch: Batch, row: number): unknown;
}

/**
 * Compiles `text` for buffers of `layout`. Column names resolve against the component's input columns first
 * (the names the designer shows), then against every column in the buffer; `#123` / `#{refId}` by lineage.
 * Throws SsisError (DTS_E_EXPREVAL…) naming the problem.
 */
export function compileBufferExpression(text: string, layout: BufferLayout, inputColumns: readonly InputColumnModel[], ctx: DataFlowContext): BufferExpression {
  const slots: number[] = [];
  const resolveSlot = (ref: ColumnRef): number | undefined => {
    if (ref.lineage !== undefined) {
      const direct = layout.slotOf(ref.lineage);
      if (direct !== undefined) return direct;
      const n = Number(ref.lineage);
      const byNumber = layout.columns.find((c) => c.model.lineageNumber === n);
      return byNumber?.slot;
    }
    const name = ref.name ?? '';
    const input = inputColumns.find((c) => c.name === name) ?? inputColumns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (input) return layout.slotOf(input.lineageId);
    for (let i = layout.columns.length - 1; i >= 0; i--) if (layout.columns[i]!.name === name) return i;
    return undefined;
  };
  const ectx: ExpressionContext = {
    version: ctx.features.expressionFunctions2012 ? (ctx.features.monikerClassIds ? 2014 : 2012) : 2008,
    resolveColumn(ref) {
      const slot = resolveSlot(ref);
      if (slot === undefined) return undefined;
      slots.push(slot);
      return { index: slots.length - 1, type: layout.columns[slot]!.type };
    },
    resolveVariable(name) {
      const v = ctx.variables.describe?.(name);
      if (!v) return undefined;
      const t = variableTypeOfCode(v.dataType)?.exprType;
      return { name: v.qualifiedName, type: typeSpec(t ?? 'DT_EMPTY', t === 'DT_WSTR' ? { length: 4000 } : {}) };
    },
  };
  let tree: TNode;
  try {
    tree = checkExpression(parseExpression(text), ectx, ctx.features);
  } catch (e) {
    if (e instanceof SsisError) throw new SsisError(e.code, e.symbol, `${e.message} The expression is "${text}".`, { location: e.location });
    throw e;
  }
  const n = slots.length;
  const values: unknown[] = new Array(n);
  const scope = { columns: values, variable: (name: string) => ctx.variables.get(name) };
  const opts = { env: systemEnv, stringLimit: ctx.features.expressionStringLimit4000 };
  return {
    type: tree.t,
    evaluate(batch, row) {
      for (let i = 0; i < n; i++) {
        const col = batch.vectors[slots[i]!]!;
        values[i] = col.nulls[row] === 1 ? null : col.type.type === 'DT_BOOL' ? (col.values as Uint8Array)[row] === 1 : (col.values as ArrayLike<unknown>)[row];
      }
      return evaluateTree(tree, scope, opts);
    },
  };
}
