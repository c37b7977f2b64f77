/** @module Lookup runtime: equi-join of each row with the reference data; match, no-match and error outputs. */
import type { Connection } from '../../connections/driver.ts';
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { createColumnVector, readCell } from '../../types/index.ts';
import { putCell } from '../shared/row-store.ts';
import { keyOf } from '../shared/rows.ts';
import { loadFromCache, loadFromQuery, queryOne, type ReferenceShape } from './reference.ts';
import type { LookupSettings } from './settings.ts';

/** Creates the runtime. */
export function lookupRuntime(host: ComponentHost, s: LookupSettings): ComponentRuntime {
  const inLayout = host.inputLayout(0);
  const outLayout = host.outputLayout(s.matchOutput);
  const joinSlots = s.joins.map((j) => inLayout.slotOf(j.lineageId)!);
  const copySlots = s.copies.map((c) => outLayout.slotOf(c.lineageId)!);
  const paramSlots = s.parameterLineages.map((l) => inLayout.slotOf(l)!);
  const shape: ReferenceShape = {
    joins: s.joins.map((j, k) => ({ reference: j.reference, type: inLayout.columns[joinSlots[k]!]!.type })),
    copies: s.copies.map((c, k) => ({ reference: c.reference, type: outLayout.columns[copySlots[k]!]!.type })),
  };
  const errors = new RowErrors(host, s.errorOutput);
  let full: Map<string, unknown[]> | undefined;
  const partial = new Map<string, unknown[] | null>();
  let conn: Connection | undefined;

  const find = async (batch: Batch, row: number): Promise<unknown[] | undefined> => {
    const key = keyOf(joinSlots.map((slot) => readCell(batch.vectors[slot]!, row)));
    if (full) return full.get(key);
    if (s.cacheType === 1 && partial.has(key)) return partial.get(key) ?? undefined;
    const params = (paramSlots.length ? paramSlots : joinSlots).map((slot) => readCell(batch.vectors[slot]!, row));
    const hit = await queryOne(conn!, s.sqlCommandParam || s.sqlCommand, params, shape);
    if (s.cacheType === 1) partial.set(key, hit ?? null);
    return hit;
  };

  return {
    async preExecute() {
      if (s.connectionType === 1) {
        const cm = host.connection();
        if (!cm.cache) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the Cache connection manager "${cm.name}" holds no data; fill it with a Cache Transform first.`);
        full = loadFromCache(cm.cache, shape).rows;
        return;
      }
      const cm = host.connection();
      if (!cm.open) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${cm.name}" cannot open a database connection here.`);
      conn = await cm.open();
      if (s.cacheType === 0) {
        const t = await loadFromQuery(conn, s.sqlCommand, shape);
        full = t.rows;
        if (t.duplicates > 0) host.event('warning', '0x802092A7', `${t.duplicates} duplicate reference key(s) were found while loading the cache; the first row of each key is used.`, 'DTS_W_REFERENCECONTAINSDUPLICATES');
        host.event('information', '0x4020913C', `The cache for "${host.component.name}" holds ${full.size} rows.`, 'DTS_I_CACHEPROCESSINGCOMPLETE');
      }
    },
    async process(_input, batch) {
      errors.reset();
      const copies = copySlots.map((slot) => createColumnVector(outLayout.columns[slot]!.type, batch.length));
      const noMatch: number[] = [];
      for (let k = 0; k < batch.count; k++) {
        const row = batch.row(k);
        const hit = await find(batch, row);
        if (hit) {
          for (let j = 0; j < copies.length; j++) putCell(copies[j]!, row, hit[j]);
          continue;
        }
        if (s.noMatchOutput) noMatch.push(row);
        else errors.handle(batch, row, 'error', s.noMatchDisposition, ROW_ERROR.lookupNoMatch, undefined, 'Row yielded no match during lookup.');
      }
      for (let j = 0; j < copies.length; j++) batch.vectors[copySlots[j]!] = copies[j]!;
      if (noMatch.length === 0) {
        await errors.send(batch, s.matchOutput);
        return;
      }
      const miss = new Set(noMatch);
      const matched: number[] = [];
      for (let k = 0; k < batch.count; k++) if (!miss.has(batch.row(k))) matched.push(batch.row(k));
      const matchedBatch = batch.select(Int32Array.from(matched), matched.length);
      await errors.send(matchedBatch, s.matchOutput);
      if (s.noMatchOutputIndex >= 0) await host.send(s.noMatchOutputIndex, batch.select(Int32Array.from(noMatch), noMatch.length));
    },
    async commit() {
      await conn?.close();
      conn = undefined;
    },
    async abort() {
      await conn?.close().catch(() => undefined);
      conn = undefined;
    },
  };
}
