/** @module Pivot (`Microsoft.Pivot`): rows with the same set key become one row, pivot key values choosing the output column of each pivot value. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';
import { putCell } from '../shared/row-store.ts';
import { keyOf } from '../shared/rows.ts';

/** PivotUsage values. */
const USAGE = { passThrough: 0, setKey: 1, pivotKey: 2, pivotValue: 3 } as const;

function settings(m: ComponentModel) {
  const input = m.inputs[0]?.columns ?? [];
  const usage = (u: number) => input.filter((c) => intProp(c, 'PivotUsage', 0) === u);
  const out = m.outputs.find((o) => !o.isErrorOut) ?? { columns: [] };
  const byValue = new Map<string, string>();
  const copies: { from: string; to: string }[] = [];
  for (const c of out.columns) {
    const key = textProp(c, 'PivotKeyValue');
    if (key !== undefined && key !== '') byValue.set(key, c.lineageId);
    else {
      const src = lineageRef(textProp(c, 'SourceColumn'));
      const ic = input.find((i) => i.lineageId === src || i.refId === src) ?? input.find((i) => i.name === c.name);
      if (ic) copies.push({ from: ic.lineageId, to: c.lineageId });
    }
  }
  return { setKeys: usage(USAGE.setKey).map((c) => c.lineageId), pivotKey: usage(USAGE.pivotKey)[0]?.lineageId, pivotValue: usage(USAGE.pivotValue)[0]?.lineageId, byValue, copies, passUnmatched: boolProp(m, 'PassThroughUnmatchedPivotKeys', false) };
}

/** The Pivot plug-in. The input should be sorted by the set key: a new output row starts whenever it changes. */
export const pivot: ComponentFactory = {
  classId: 'Microsoft.Pivot',
  aliases: ['DTSTransform.Pivot', 'DTSTransform.Pivot.2', 'DTSTransform.Pivot.3', 'AEB2AFAE-2201-48B1-B290-42BB8C9149DD'],
  validate(m, v) {
    const s = settings(m);
    return !s.pivotKey || !s.pivotValue ? [v.error('0xC0047072', 'DTS_E_TXPIVOTNOPIVOTKEY', 'the input needs one pivot key column (PivotUsage 2) and one pivot value column (PivotUsage 3).')] : [];
  },
  create(host) {
    const s = settings(host.component);
    const inL = host.inputLayout(0);
    const output = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const outL = host.outputLayout(output);
    const setSlots = s.setKeys.map((l) => inL.slotOf(l)!);
    const keySlot = inL.slotOf(s.pivotKey!)!;
    const valueSlot = inL.slotOf(s.pivotValue!)!;
    const copies = s.copies.map((c) => ({ from: inL.slotOf(c.from)!, to: outL.slotOf(c.to)! }));
    const targets = new Map([...s.byValue].map(([k, l]) => [k, outL.slotOf(l)!]));
    const rows: Map<number, unknown>[] = [];
    let current: { key: string; cells: Map<number, unknown> } | undefined;
    const read = (b: import('../../dataflow/batch.ts').Batch, slot: number, row: number) => {
      const col = b.column(slot);
      return col.nulls[row] === 1 ? null : (col.values as ArrayLike<unknown>)[row];
    };
    const flushRows = async () => {
      if (rows.length === 0) return;
      const out = host.newBatch(output, rows.length);
      rows.forEach((cells, i) => cells.forEach((v, slot) => putCell(out.vectors[slot]!, i, v)));
      rows.length = 0;
      await host.send(output, out);
    };
    return {
      async process(_i, batch) {
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          const key = keyOf(setSlots.map((sl) => read(batch, sl, row)));
          if (!current || current.key !== key) {
            current = { key, cells: new Map() };
            rows.push(current.cells);
            for (const c of copies) current.cells.set(c.to, read(batch, c.from, row));
          }
          const pk = read(batch, keySlot, row);
          const target = targets.get(String(pk));
          if (target === undefined) {
            if (s.passUnmatched) continue;
            throw host.error('0xC0208344', 'DTS_E_PIVOTUNKNOWNKEY', `the pivot key value "${String(pk)}" matches no output column (PivotKeyValue).`);
          }
          if (current.cells.has(target)) throw host.error('0xC0208345', 'DTS_E_PIVOTDUPLICATEKEY', `the pivot key value "${String(pk)}" occurs twice for the same set key.`);
          current.cells.set(target, read(batch, valueSlot, row));
        }
        // Rows before the last one are complete.
        if (rows.length > 1) {
          const last = rows.pop()!;
          await flushRows();
          rows.push(last);
        }
      },
      async endOfInput() {
        await flushRows();
        current = undefined;
      },
    };
  },
};
