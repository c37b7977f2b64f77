/** @module Compiling an SSIS expression over a buffer (Derived Column, Conditional Split): the expression compiler's columnar form runs directly on the buffer's columns. */
import { SsisError } from '../../errors.ts';
import { compileColumnar, type ColumnInfo } from '../../expr/compile.ts';
import { createColumnVector, typeSpec, variableTypeOfCode, type ColumnVector, type TypeSpec } from '../../types/index.ts';
import type { ToolYear } from '../../versions/index.ts';
import type { Batch } from '../../dataflow/batch.ts';
import type { DataFlowContext } from '../../dataflow/context.ts';
import type { BufferLayout } from '../../dataflow/layout.ts';
import type { InputColumnModel } from '../../dataflow/model.ts';

/** A row whose evaluation failed. */
export interface RowFailure {
  readonly row: number;
  readonly error: SsisError;
}

/** An expression ready to run over batches. */
export interface BufferExpression {
  /** The expression's result type. */
  readonly type: TypeSpec;
  /** Evaluates every row of the batch's buffer; failures (of selected rows) are listed, their results NULL. */
  run(batch: Batch): { readonly values: ColumnVector; readonly failures: readonly RowFailure[] };
}

function toolYear(ctx: DataFlowContext): ToolYear {
  if (!ctx.features.expressionFunctions2012) return 2008;
  return ctx.features.monikerClassIds ? 2014 : 2012;
}

/**
 * Compiles `text` for buffers of `layout`. Names resolve against the component's input columns (every buffer
 * column when the input lists none); `#123` / `#{refId}` by lineage. Throws SsisError (DTS_E_EXPREVAL…) naming the problem.
 */
export function compileBufferExpression(text: string, layout: BufferLayout, inputColumns: readonly InputColumnModel[], ctx: DataFlowContext): BufferExpression {
  const visible = inputColumns.length > 0
    ? inputColumns.flatMap((c) => {
        const slot = layout.slotOf(c.lineageId);
        return slot === undefined ? [] : [{ slot, name: c.name }];
      })
    : layout.columns.filter((c, i, all) => all.findLastIndex((o) => o.name === c.name) === i).map((c) => ({ slot: c.slot, name: c.name }));
  const visibleSlots = new Set(visible.map((v) => v.slot));
  // Lineage references may name any column of the buffer; names only the visible ones.
  const others = layout.columns.filter((c) => !visibleSlots.has(c.slot)).map((c) => ({ slot: c.slot, name: '' }));
  const all = [...visible, ...others];
  const infos: ColumnInfo[] = all.map(({ slot, name }) => {
    const c = layout.columns[slot]!;
    return { name, type: c.type, lineage: [c.lineageId, ...(c.model.lineageNumber !== undefined ? [String(c.model.lineageNumber)] : [])] };
  });
  let compiled;
  try {
    compiled = compileColumnar(text, infos, {
      version: toolYear(ctx),
      resolveVariable(name) {
        const v = ctx.variables.describe?.(name);
        if (!v) return undefined;
        const t = variableTypeOfCode(v.dataType)?.exprType;
        return { name: v.qualifiedName, type: typeSpec(t ?? 'DT_EMPTY', t === 'DT_WSTR' ? { length: 4000 } : {}) };
      },
    });
  } catch (e) {
    if (e instanceof SsisError) throw new SsisError(e.code, e.symbol, `${e.message} The expression is "${text}".`, { location: e.location });
    throw e;
  }
  const fn = compiled;
  const scope = { variable: (name: string) => ctx.variables.get(name) };
  return {
    type: fn.resultType,
    run(batch) {
      const columns = all.map(({ slot }) => batch.vectors[slot] ?? createColumnVector(layout.columns[slot]!.type, batch.length));
      const values = createColumnVector(fn.resultType, batch.length);
      const failures: RowFailure[] = [];
      let selected: Uint8Array | undefined;
      if (batch.sel) {
        selected = new Uint8Array(batch.length);
        for (let k = 0; k < batch.count; k++) selected[batch.sel[k]!] = 1;
      }
      fn.run({ columns, length: batch.length }, values, {
        scope,
        onError: (row, error) => {
          if (!selected || selected[row] === 1) failures.push({ row, error });
        },
      });
      return { values, failures };
    },
  };
}
