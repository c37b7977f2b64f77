/**
 * @module Script Component (`Microsoft.ScriptComponentHost`): .NET code cannot run here, so it runs only when the host
 * supplies a JavaScript implementation (`DataFlowContext.scriptComponent`); otherwise validation fails naming it.
 */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { ScriptComponentImplementation } from '../../dataflow/context.ts';
import { readCell, SsisDateTime } from '../../types/index.ts';
import { plainValue } from '../shared/plain-values.ts';
import { putCell } from '../shared/row-store.ts';

function value(v: unknown): unknown {
  return v instanceof Date ? SsisDateTime.fromDate(v, true) : typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** The Script Component plug-in. */
export const scriptComponent: ComponentFactory = {
  classId: 'Microsoft.ScriptComponentHost',
  aliases: ['Microsoft.SqlServer.Dts.Pipeline.ScriptComponentHost', '874F7595-FB5F-40FF-96AF-FBFF8250E3EF'],
  validate(m, v) {
    if (v.context?.scriptComponent?.(m)) return [];
    return [v.error('0xC0047062', 'DTS_E_SCRIPTCOMPONENTNOTSUPPORTED', `the Script Component "${m.name}" runs .NET code, which OpenDTS cannot run. Supply a JavaScript implementation for it (see docs/dataflow.md, "Script Component").`)];
  },
  create(host) {
    const m = host.component;
    const impl = host.context.scriptComponent!(m) as ScriptComponentImplementation;
    const variables = host.context.variables;
    const pending = new Map<number, Record<string, unknown>[]>();
    const addRow = (output: string, row: Record<string, unknown>): void => {
      const o = m.outputs.findIndex((x) => x.name === output);
      if (o < 0) throw host.error('0xC0047072', 'DTS_E_SCRIPTNOOUTPUT', `the script added a row to "${output}", which is not an output of the component.`);
      let list = pending.get(o);
      if (!list) pending.set(o, (list = []));
      list.push(row);
    };
    const flushAdded = async (): Promise<void> => {
      for (const [o, rows] of pending) {
        if (rows.length === 0) continue;
        const layout = host.outputLayout(o);
        const out = host.newBatch(o, rows.length);
        for (const c of m.outputs[o]!.columns) {
          const col = out.vectors[layout.slotOf(c.lineageId)!]!;
          rows.forEach((r, i) => putCell(col, i, value(r[c.name] ?? null)));
        }
        rows.length = 0;
        await host.send(o, out);
      }
    };
    const syncOutput = m.outputs.findIndex((o) => o.synchronousInputRefId !== undefined && !o.isErrorOut);
    return {
      async preExecute() {
        await impl.preExecute?.({ variables });
      },
      async produce() {
        await impl.createNewOutputRows?.({ variables, addRow });
        await flushAdded();
      },
      async process(_i, batch: Batch) {
        const layout = host.inputLayout(0);
        const inCols = m.inputs[0]!.columns.map((c) => ({ c, slot: layout.slotOf(c.lineageId)! }));
        const outLayout = syncOutput >= 0 ? host.outputLayout(syncOutput) : undefined;
        const outCols = syncOutput >= 0 ? m.outputs[syncOutput]!.columns.map((c) => ({ c, slot: outLayout!.slotOf(c.lineageId)! })) : [];
        for (const o of outCols) batch.allocate(o.slot);
        const kept: number[] = [];
        for (let k = 0; k < batch.count; k++) {
          const r = batch.row(k);
          const row: Record<string, unknown> = {};
          for (const { c, slot } of inCols) row[c.name] = plainValue(readCell(batch.column(slot), r));
          const keep = impl.processInputRow?.(row, { variables, addRow });
          for (const { c, slot } of inCols) if (c.usageType === 'readWrite') putCell(batch.column(slot), r, value(row[c.name] ?? null));
          for (const { c, slot } of outCols) putCell(batch.column(slot), r, value(row[c.name] ?? null));
          if (keep !== false) kept.push(r);
        }
        if (syncOutput >= 0 && kept.length > 0) await host.send(syncOutput, kept.length === batch.count ? batch : batch.select(Int32Array.from(kept), kept.length));
        await flushAdded();
      },
      async commit() {
        await impl.postExecute?.({ variables });
      },
    };
  },
};
