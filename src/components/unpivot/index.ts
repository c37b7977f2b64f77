/** @module Unpivot (`Microsoft.UnPivot`): each unpivoted input column becomes a row (key + value); pass-through columns repeat; NULL values give no row. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { boolProp, textProp } from '../shared/properties.ts';
import { putCell } from '../shared/row-store.ts';

function settings(m: ComponentModel) {
  const out = m.outputs[0] ?? { columns: [] };
  const inputColumns = m.inputs[0]?.columns ?? [];
  const keyColumn = out.columns.find((c) => boolProp(c, 'PivotKey', false));
  const unpivoted = inputColumns.flatMap((c) => {
    const dest = lineageRef(textProp(c, 'DestinationColumn'));
    return dest && dest !== '-1' ? [{ lineageId: c.lineageId, destination: out.columns.find((o) => o.lineageId === dest || o.refId === dest)?.lineageId, key: textProp(c, 'PivotKeyValue') ?? c.name }] : [];
  });
  const passThrough = inputColumns.filter((c) => !unpivoted.some((u) => u.lineageId === c.lineageId)).flatMap((c) => {
    const o = out.columns.find((x) => x.name === c.name && x !== keyColumn);
    return o ? [{ lineageId: c.lineageId, output: o.lineageId }] : [];
  });
  return { keyColumn: keyColumn?.lineageId, unpivoted, passThrough };
}

/** The Unpivot plug-in. */
export const unpivot: ComponentFactory = {
  classId: 'Microsoft.UnPivot',
  aliases: ['DTSTransform.UnPivot', 'DTSTransform.UnPivot.2', 'DTSTransform.UnPivot.3', 'Microsoft.Unpivot'],
  validate(m, v) {
    const s = settings(m);
    if (!s.keyColumn) return [v.error('0xC0047072', 'DTS_E_TXUNPIVOTNOPIVOTKEY', 'no output column is the pivot key column (PivotKey = true).')];
    return s.unpivoted.filter((u) => !u.destination).map((u) => v.error('0xC0047072', 'DTS_E_TXUNPIVOTBADDESTINATION', `an unpivoted column has no destination column ("${u.key}").`));
  },
  create(host) {
    const s = settings(host.component);
    const inL = host.inputLayout(0);
    const outL = host.outputLayout(0);
    const keySlot = outL.slotOf(s.keyColumn!)!;
    const un = s.unpivoted.map((u) => ({ ...u, from: inL.slotOf(u.lineageId)!, to: outL.slotOf(u.destination!)! }));
    const pass = s.passThrough.map((p) => ({ from: inL.slotOf(p.lineageId)!, to: outL.slotOf(p.output)! }));
    return {
      async process(_i, batch) {
        const rows: { row: number; u: (typeof un)[number] }[] = [];
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          for (const u of un) if (batch.column(u.from).nulls[row] === 0) rows.push({ row, u });
        }
        if (rows.length === 0) return;
        const out = host.newBatch(0, rows.length);
        rows.forEach(({ row, u }, i) => {
          for (const p of pass) putCell(out.vectors[p.to]!, i, readAt(batch.column(p.from), row));
          putCell(out.vectors[keySlot]!, i, u.key);
          for (const other of un) if (other.to !== u.to) out.vectors[other.to]!.nulls[i] = 1;
          putCell(out.vectors[u.to]!, i, readAt(batch.column(u.from), row));
        });
        await host.send(0, out);
      },
    };
  },
};

function readAt(col: { nulls: Uint8Array; values: unknown }, row: number): unknown {
  return col.nulls[row] === 1 ? null : (col.values as ArrayLike<unknown>)[row];
}
