// Engine behaviour: buffer sizing (DefaultBufferMaxRows within DefaultBufferSize), phase messages and progress, row counts per path, cancellation, validation messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowBuilder } from './flow-builder.ts';
import { memoryContext } from './memory-context.ts';
import { planDataFlow, runDataFlow, validateDataFlow } from './run.ts';
import { ComponentRegistry } from './registry.ts';
import { builtinComponents } from '../components/index.ts';
import type { ComponentFactory } from './component.ts';

/** A source producing `rows` rows of one i4 column, in buffers the engine sizes. */
const counter: ComponentFactory = {
  classId: 'Test.Counter',
  create(host) {
    return {
      async produce() {
        const total = Number(host.component.properties['Rows'] ?? 0);
        const size = host.rowsPerBuffer(0);
        for (let start = 0; start < total; start += size) {
          const n = Math.min(size, total - start);
          const b = host.newBatch(0, n);
          const col = b.vectors[0]!;
          for (let i = 0; i < n; i++) {
            (col.values as Int32Array)[i] = start + i;
            col.nulls[i] = 0;
          }
          await host.send(0, b);
        }
      },
    };
  },
};

const registry = new ComponentRegistry([...builtinComponents, counter]);

function flow(rows: number, props: Record<string, string> = {}) {
  return new FlowBuilder('Package\\Data Flow Task', props)
    .add({ name: 'Count', classId: 'Test.Counter', properties: { Rows: String(rows) }, outputs: [{ name: 'Out', columns: [{ name: 'n', dataType: 'i4' }, { name: 'pad', dataType: 'wstr', length: 4000 }] }] })
    .add({ name: 'Rows', classId: 'Microsoft.RowCount', properties: { VariableName: 'User::N' }, inputs: [{ name: 'In' }], outputs: [{ name: 'RC Out', syncInput: 0 }] })
    .connect('Count', 'Rows')
    .build();
}

test('buffers hold DefaultBufferMaxRows rows unless DefaultBufferSize caps them', () => {
  assert.equal(planDataFlow(flow(1)).trees[0]!.layout.rowsPerBuffer, 1309); // 10 485 760 bytes / (5 + 8004) bytes per row
  assert.equal(planDataFlow(flow(1, { DefaultBufferMaxRows: '100' })).trees[0]!.layout.rowsPerBuffer, 100);
  assert.equal(planDataFlow(flow(1, { DefaultBufferSize: '1048576' })).trees[0]!.layout.rowsPerBuffer, 130);
});

test('rows per path, phases, progress and the row count variable', async () => {
  const ctx = memoryContext({ variables: { 'User::N': 0 } });
  const r = await runDataFlow(flow(25_000), ctx, { registry });
  assert.equal(r.success, true);
  assert.equal(r.paths[0]!.rows, 25_000);
  assert.equal(ctx.vars.get('User::N'), 25_000);
  const codes = ctx.events.filter((e) => e.kind === 'information').map((e) => e.code);
  assert.deepEqual(codes.slice(0, 5), ['0x4004300A', '0x40043006', '0x40043007', '0x4004300C', '0x40043008']);
  assert.ok(ctx.events.some((e) => e.kind === 'progress' && e.message === 'Validating' && e.percent === 100));
  assert.ok(ctx.events.some((e) => e.symbol === 'BufferSizeTuning'));
  assert.ok(ctx.events.some((e) => e.symbol === 'OnPipelineRowsSent' && e.message.endsWith(': 25000')));
});

test('cancellation stops the flow with DTS_E_PROCESSCANCELLED and writes no variable', async () => {
  const ac = new AbortController();
  ac.abort();
  const ctx = memoryContext({ variables: { 'User::N': -1 }, signal: ac.signal });
  const r = await runDataFlow(flow(1000), ctx, { registry });
  assert.equal(r.success, false);
  assert.equal(r.errors[0]!.symbol, 'DTS_E_PROCESSCANCELLED');
  assert.equal(ctx.vars.get('User::N'), -1);
});

test('validation names unsupported components, unattached inputs and broken lineage', () => {
  const model = new FlowBuilder()
    .add({ name: 'Fancy', classId: 'Vendor.Fancy', outputs: [{ name: 'Out', columns: [{ name: 'a', dataType: 'i4' }] }] })
    .add({ name: 'Lonely', classId: 'Microsoft.RowCount', properties: { VariableName: 'User::N' }, inputs: [{ name: 'In' }], outputs: [{ name: 'O', syncInput: 0 }] })
    .add({ name: 'Dst', classId: 'Microsoft.RowCount', properties: { VariableName: 'User::N' }, inputs: [{ name: 'In', columns: [{ name: 'ghost', lineage: 'Package\\Nowhere.Columns[x]', dataType: 'i4' }] }], outputs: [{ name: 'O', syncInput: 0 }] })
    .connect('Fancy', 'Dst')
    .build();
  const messages = validateDataFlow(model).map((e) => `${e.symbol}: ${e.message}`);
  assert.ok(messages.some((m) => /DTS_E_COMPONENTNOTSUPPORTED: Fancy: .*"Vendor.Fancy"/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /DTS_E_INPUTNOTATTACHED: Lonely/.test(m)));
  assert.ok(messages.some((m) => /DTS_E_BUFFERCOLUMNNOTFOUND: Dst: the input column "ghost"/.test(m)));
});
