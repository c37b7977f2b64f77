/** @module Sort settings: sort keys (position, direction, comparison flags), pass-through columns, EliminateDuplicates. */
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';

/** One sort key. */
export interface SortKey {
  /** Index into `columns`. */
  readonly column: number;
  readonly descending: boolean;
  readonly flags: number;
}

/** Typed settings of a Sort. */
export interface SortSettings {
  /** Input lineages kept, in output order, with the output column lineage each feeds. */
  readonly columns: readonly { readonly inputLineage: string; readonly outputLineage: string; readonly name: string }[];
  /** Keys by position (1, 2, …). */
  readonly keys: readonly SortKey[];
  readonly eliminateDuplicates: boolean;
}

/** Reads the settings: output columns name their input column by `SortColumnId`. */
export function readSortSettings(m: ComponentModel): SortSettings {
  const inputs = m.inputs[0]?.columns ?? [];
  const out = m.outputs.find((o) => !o.isErrorOut);
  const columns = (out?.columns ?? []).flatMap((oc) => {
    const ref = lineageRef(textProp(oc, 'SortColumnId'));
    const ic = inputs.find((i) => i.lineageId === ref || i.refId === ref) ?? inputs.find((i) => i.name === oc.name);
    return ic ? [{ inputLineage: ic.lineageId, outputLineage: oc.lineageId, name: oc.name }] : [];
  });
  const keys = inputs
    .map((ic) => ({ ic, pos: intProp(ic, 'NewSortKeyPosition', 0) }))
    .filter((k) => k.pos !== 0)
    .sort((a, b) => Math.abs(a.pos) - Math.abs(b.pos))
    .map((k) => {
      let column = columns.findIndex((c) => c.inputLineage === k.ic.lineageId);
      if (column < 0) {
        // A key column that is not passed through still orders the rows.
        (columns as { inputLineage: string; outputLineage: string; name: string }[]).push({ inputLineage: k.ic.lineageId, outputLineage: '', name: k.ic.name });
        column = columns.length - 1;
      }
      return { column, descending: k.pos < 0, flags: intProp(k.ic, 'NewComparisonFlags', 0) };
    });
  return { columns, keys, eliminateDuplicates: boolProp(m, 'EliminateDuplicates', false) };
}
