/** @module Sort runtime: collects every row, sorts in memory, or spills sorted runs to disk past the memory limit and merges them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { collatorFor } from '../shared/compare.ts';
import { putCell, RowStore } from '../shared/row-store.ts';
import { compareKeyValues, rowComparator, sortedOrder } from './order.ts';
import type { SortSettings } from './settings.ts';
import { RunReader, writeRun } from './spill.ts';

/** Default memory for rows held by one Sort before it spills (bytes, estimated from the buffer layout). */
export const SORT_MEMORY_LIMIT = 256 * 1048576;

/** Creates the runtime. `memoryLimit` is in bytes. */
export function sortRuntime(host: ComponentHost, settings: SortSettings, memoryLimit = SORT_MEMORY_LIMIT): ComponentRuntime {
  const inLayout = host.inputLayout(0);
  const outLayout = host.outputLayout(0);
  const inSlots = settings.columns.map((c) => inLayout.slotOf(c.inputLineage)!);
  const outSlots = settings.columns.map((c) => (c.outputLineage ? outLayout.slotOf(c.outputLineage) : undefined));
  const rowWidth = settings.columns.reduce((w, c) => w + (inLayout.columns[inLayout.slotOf(c.inputLineage)!]?.model.length ?? 8) + 16, 0);
  const maxRows = Math.max(10_000, Math.floor(memoryLimit / rowWidth));
  const rowsPerBuffer = host.rowsPerBuffer(0);
  const store = new RowStore(settings.columns.length);
  const runs: string[] = [];
  let dir: string | undefined;

  let out: Batch | undefined;
  let filled = 0;
  const put = async (value: (c: number) => unknown): Promise<void> => {
    out ??= host.newBatch(0, rowsPerBuffer);
    for (let c = 0; c < outSlots.length; c++) {
      const slot = outSlots[c];
      if (slot !== undefined) putCell(out.vectors[slot]!, filled, value(c));
    }
    if (++filled === rowsPerBuffer) await flush();
  };
  const flush = async (): Promise<void> => {
    if (!out || filled === 0) return;
    const b = filled === out.length ? out : out.select(Int32Array.from({ length: filled }, (_, i) => i), filled);
    out = undefined;
    filled = 0;
    await host.send(0, b);
  };

  const spill = (): void => {
    dir ??= mkdtempSync(join(host.context.tempDir ?? tmpdir(), 'opendts-sort-'));
    const path = join(dir, `run-${runs.length}.bin`);
    writeRun(path, store.values, sortedOrder(store, settings.keys));
    runs.push(path);
    store.clear();
    host.event('information', '0x4020F42C', `The Sort spilled ${runs.length} sorted run(s) to "${dir}".`, 'DTS_I_SORTSPILL');
  };

  const emitInMemory = async (): Promise<void> => {
    let order = sortedOrder(store, settings.keys);
    if (settings.eliminateDuplicates) {
      const cmp = rowComparator(store, settings.keys);
      const kept: number[] = [];
      for (let i = 0; i < order.length; i++) if (i === 0 || cmp(order[i - 1]!, order[i]!) !== 0) kept.push(order[i]!);
      order = Int32Array.from(kept);
    }
    // Whole buffers at a time, column by column.
    for (let start = 0; start < order.length; start += rowsPerBuffer) {
      const n = Math.min(rowsPerBuffer, order.length - start);
      const batch = host.newBatch(0, n);
      for (let c = 0; c < outSlots.length; c++) {
        const slot = outSlots[c];
        if (slot === undefined) continue;
        const col = batch.vectors[slot]!;
        const values = store.values[c]!;
        for (let i = 0; i < n; i++) putCell(col, i, values[order[start + i]!]);
      }
      await host.send(0, batch);
    }
  };

  const emitMerged = async (): Promise<void> => {
    const readers = runs.map((p) => new RunReader(p));
    const collators = settings.keys.map((k) => collatorFor(k.flags));
    const keyOf = (r: RunReader): unknown[] => settings.keys.map((k) => r.value(k.column));
    let prev: unknown[] | undefined;
    try {
      for (;;) {
        let best: RunReader | undefined;
        let bestKey: unknown[] = [];
        for (const r of readers) {
          if (!r.hasRow) continue;
          const k = keyOf(r);
          if (!best || compareKeyValues(k, bestKey, settings.keys, collators) < 0) {
            best = r;
            bestKey = k;
          }
        }
        if (!best) break;
        if (!(settings.eliminateDuplicates && prev && compareKeyValues(prev, bestKey, settings.keys, collators) === 0)) {
          const chosen = best;
          await put((c) => chosen.value(c));
        }
        prev = bestKey;
        best.advance();
      }
    } finally {
      for (const r of readers) r.close();
    }
  };

  const cleanup = (): void => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  return {
    process(_input, batch) {
      store.append(batch, inSlots);
      if (store.length >= maxRows) spill();
    },
    async endOfInput() {
      if (runs.length === 0) {
        await emitInMemory();
      } else {
        if (store.length > 0) spill();
        await emitMerged();
      }
      await flush();
      store.clear();
      cleanup();
    },
    abort: cleanup,
  };
}
