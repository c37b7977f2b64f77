/** @module Aggregate runtime: groups rows by key and computes Count, Count all, Count distinct, Sum, Average, Minimum, Maximum. */
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { dataType, SsisDecimal, type ColumnVector, type TypeSpec } from '../../types/index.ts';
import { collatorFor, compareValues } from '../shared/compare.ts';
import { keyPart } from '../shared/rows.ts';
import { putCell } from '../shared/row-store.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import { AGG, type Aggregation, type AggregateSettings } from './settings.ts';

const R8: TypeSpec = { type: 'DT_R8' };
const I8: TypeSpec = { type: 'DT_I8' };
const NO_VALUES: ArrayLike<unknown> = [];
const NO_NULLS = new Uint8Array(0);

interface Acc {
  count: number;
  value: unknown;
  /** Running total of a Sum or Average over a floating-point or 32-bit column (kept unboxed; `value` is unused then). */
  total: number;
  distinct?: Set<string>;
}

/** One group: its key values and an accumulator per output column. */
interface Group {
  keyValues: unknown[];
  accs: Acc[];
}

/** A fresh accumulator. */
function newAcc(): Acc {
  return { count: 0, value: null, total: 0 };
}

/** Adds one row of a column to an accumulator; chosen once per output column by aggregation and column type. */
type Step = (acc: Acc, values: ArrayLike<unknown>, nulls: Uint8Array, row: number) => void;

/** Sum/Average over a column held as JS numbers: an unboxed running total, started by the first value (keeps -0 as SSIS adds). */
const sumNumbers: Step = (acc, values, nulls, row) => {
  if (nulls[row] === 1) return;
  const v = values[row] as number;
  acc.total = acc.count++ === 0 ? v : acc.total + v;
};
const countAll: Step = (acc) => {
  acc.count++;
};
const countNonNull: Step = (acc, _values, nulls, row) => {
  if (nulls[row] === 0) acc.count++;
};

function add(a: unknown, b: unknown): unknown {
  if (a === null) return b;
  if (typeof a === 'number') return a + (b as number);
  if (typeof a === 'bigint') return a + (b as bigint);
  return (a as SsisDecimal).add(b as SsisDecimal);
}

/** The type a computed value is held in before conversion to the output column's type. */
function valueType(v: unknown): TypeSpec {
  if (typeof v === 'bigint') return I8;
  if (v instanceof SsisDecimal) return { type: 'DT_NUMERIC', precision: 38, scale: v.scale };
  return R8;
}

/** A cell as a plain value (NULL as null, DT_BOOL as a Boolean). */
function cell(col: ColumnVector, row: number): unknown {
  if (col.nulls[row] === 1) return null;
  const v = (col.values as ArrayLike<unknown>)[row];
  return col.type.type === 'DT_BOOL' ? v === 1 : v;
}

/** Creates the runtime. */
export function aggregateRuntime(host: ComponentHost, settings: AggregateSettings): ComponentRuntime {
  const inLayout = host.inputLayout(0);
  const plans = settings.outputs.map((o) => {
    const outLayout = host.outputLayout(o.output);
    const cols = o.columns.map((a) => ({
      a,
      inSlot: a.inputLineage === undefined ? -1 : inLayout.slotOf(a.inputLineage)!,
      outSlot: outLayout.slotOf(a.outputLineage)!,
      collator: collatorFor(a.flags),
      lower: (a.flags & 1) === 1,
      numeric: false,
      step: undefined as Step | undefined,
    }));
    for (const c of cols) {
      const t = c.inSlot < 0 ? undefined : inLayout.columns[c.inSlot]!.type;
      c.numeric = (c.a.type === AGG.sum || c.a.type === AGG.average) && t !== undefined && t.type !== 'DT_BOOL' && dataType(t.type).js === 'number';
      c.step = c.numeric ? sumNumbers : c.a.type === AGG.countAll ? countAll : c.a.type === AGG.count && c.inSlot >= 0 ? countNonNull : undefined;
    }
    return { output: o.output, cols, keys: cols.filter((c) => c.a.type === AGG.groupBy), groups: new Map<unknown, Group>() };
  });

  const accumulate = (acc: Acc, a: Aggregation, v: unknown, collator: Intl.Collator): void => {
    switch (a.type) {
      case AGG.countAll:
        acc.count++;
        return;
      case AGG.count:
        if (v !== null) acc.count++;
        return;
      case AGG.countDistinct:
        if (v !== null) (acc.distinct ??= new Set()).add(keyPart(typeof v === 'string' && a.flags & 1 ? v.toLowerCase() : v));
        return;
      case AGG.sum:
      case AGG.average:
        if (v === null) return;
        acc.count++;
        acc.value = add(acc.value, v);
        return;
      case AGG.minimum:
      case AGG.maximum:
        if (v === null) return;
        if (acc.value === null) acc.value = v;
        else {
          const c = compareValues(v, acc.value, collator);
          if (a.type === AGG.minimum ? c < 0 : c > 0) acc.value = v;
        }
        return;
      default:
        if (acc.count++ === 0) acc.value = v;
    }
  };

  const result = (acc: Acc, a: Aggregation, numeric: boolean): unknown => {
    if (numeric) return acc.count === 0 ? null : a.type === AGG.average ? acc.total / acc.count : acc.total;
    switch (a.type) {
      case AGG.count:
      case AGG.countAll:
        return acc.count;
      case AGG.countDistinct:
        return acc.distinct?.size ?? 0;
      case AGG.average: {
        if (acc.count === 0 || acc.value === null) return null;
        const s = acc.value;
        if (s instanceof SsisDecimal) return s.div(SsisDecimal.fromInteger(acc.count), Math.max(s.scale, 6));
        return Number(s) / acc.count;
      }
      default:
        return acc.value;
    }
  };

  return {
    process(_input, batch) {
      for (const p of plans) {
        const keyCols = p.keys.map((c) => batch.vectors[c.inSlot]!);
        const aggCols = p.cols.map((c) => (c.inSlot < 0 ? undefined : batch.vectors[c.inSlot]));
        const single = p.keys.length === 1 ? p.keys[0]! : undefined;
        let lastKey: unknown;
        let lastGroup: Group | undefined;
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          let key: unknown;
          if (single) {
            // One group-by column: its value is the key (primitives as they are; NULL, dates and decimals by their key text).
            const v = cell(keyCols[0]!, row);
            key = typeof v === 'string' ? (single.lower ? v.toLowerCase() : v) : typeof v === 'number' || typeof v === 'bigint' ? v : keyPart(v) + '\u0002';
          } else {
            let text = '';
            for (let j = 0; j < keyCols.length; j++) {
              const v = cell(keyCols[j]!, row);
              text += keyPart(p.keys[j]!.lower && typeof v === 'string' ? v.toLowerCase() : v) + '\u0001';
            }
            key = text;
          }
          // Sorted or clustered input repeats a key row after row: the last group is checked before the map.
          let g = key === lastKey ? lastGroup : p.groups.get(key);
          if (!g) {
            g = { keyValues: keyCols.map((col) => cell(col, row)), accs: p.cols.map(newAcc) };
            p.groups.set(key, g);
          }
          lastKey = key;
          lastGroup = g;
          for (let j = 0; j < p.cols.length; j++) {
            const c = p.cols[j]!;
            if (c.a.type === AGG.groupBy) continue;
            const col = aggCols[j];
            if (c.step) c.step(g.accs[j]!, col ? (col.values as ArrayLike<unknown>) : NO_VALUES, col ? col.nulls : NO_NULLS, row);
            else accumulate(g.accs[j]!, c.a, col === undefined ? 1 : cell(col, row), c.collator);
          }
        }
      }
    },
    async endOfInput() {
      for (const p of plans) {
        const size = host.rowsPerBuffer(p.output);
        const groups = [...p.groups.values()];
        if (groups.length === 0 && p.keys.length === 0) groups.push({ keyValues: [], accs: p.cols.map(newAcc) });
        for (let start = 0; start < groups.length; start += size) {
          const n = Math.min(size, groups.length - start);
          const out = host.newBatch(p.output, n);
          for (let j = 0; j < p.cols.length; j++) {
            const c = p.cols[j]!;
            const col = out.vectors[c.outSlot]!;
            const keyIndex = p.keys.indexOf(c);
            let store: ConvertingStore | undefined;
            for (let i = 0; i < n; i++) {
              const g = groups[start + i]!;
              const v = keyIndex >= 0 ? g.keyValues[keyIndex] : result(g.accs[j]!, c.a, c.numeric);
              if (keyIndex >= 0 || v === null) {
                putCell(col, i, v);
                continue;
              }
              store ??= new ConvertingStore(valueType(v), col.type);
              if (store.store(col, i, v) !== 'ok') throw host.error('0xC0047082', 'DTS_E_TXAGG_ARITHMETICOVERFLOW', `the result of "${c.a.name}" does not fit its type: ${store.lastError?.message ?? ''}`);
            }
          }
          await host.send(p.output, out);
        }
        p.groups.clear();
      }
    },
  };
}
