/** @module Reading sorted inputs (Merge, Merge Join): the sort keys their upstream outputs declare, and rows gathered per input. */
import type { ComponentHost } from '../../dataflow/component.ts';
import type { BufferLayout } from '../../dataflow/layout.ts';
import type { InputModel } from '../../dataflow/model.ts';
import { collatorFor, compareValues } from './compare.ts';

/** The input columns that are sort keys, by key position (from the upstream columns' SortKeyPosition). */
export function sortKeyLineages(input: InputModel, layout: BufferLayout | undefined): { lineageId: string; descending: boolean }[] {
  if (!layout) return [];
  return input.columns
    .map((c) => ({ c, pos: layout.columns[layout.slotOf(c.lineageId) ?? -1]?.model.sortKeyPosition ?? 0 }))
    .filter((k) => k.pos !== 0)
    .sort((a, b) => Math.abs(a.pos) - Math.abs(b.pos))
    .map((k) => ({ lineageId: k.c.lineageId, descending: k.pos < 0 }));
}

/** Compares key tuples (NULLs first; `nullsEqual` false makes NULL keys never equal). */
export function compareKeys(a: readonly unknown[], b: readonly unknown[], descending: readonly boolean[], nullsEqual = true): number {
  const collator = COLLATOR;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    let c: number;
    if (x === null || y === null) {
      if (x === null && y === null) c = nullsEqual ? 0 : -1;
      else c = x === null ? -1 : 1;
    } else c = compareValues(x, y, collator);
    if (c !== 0) return descending[i] ? -c : c;
  }
  return 0;
}

const COLLATOR = collatorFor(0);

/** Ends of a component's inputs: resolves once every input has ended. */
export function allInputsEnded(host: ComponentHost): { end(input: number): boolean } {
  const ended = new Set<number>();
  return {
    end(input) {
      ended.add(input);
      return ended.size === host.component.inputs.length;
    },
  };
}
