/**
 * @module Slowly Changing Dimension (`Microsoft.SCD`): compares each row with the current dimension row of its business
 * key and routes it to New, Unchanged, Changing Attribute Updates (type 1), Historical Attribute Inserts (type 2),
 * Fixed Attribute or Inferred Member Updates, as the wizard-generated downstream flows expect.
 */
import type { Connection } from '../../connections/driver.ts';
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { readCell } from '../../types/index.ts';
import { translateBrackets } from '../database/sql-names.ts';
import { pipelineValue } from '../database/values.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { boolProp, intProp, textProp } from '../shared/properties.ts';
import { keyOf, keyPart } from '../shared/rows.ts';

/** ColumnType values. */
const KIND = { other: 0, key: 1, changing: 2, historical: 3, fixed: 4 } as const;

const OUTPUTS = {
  new: /^new/i,
  unchanged: /^unchanged/i,
  changing: /^changing/i,
  historical: /^historical/i,
  fixed: /^fixed/i,
  inferred: /^inferred/i,
} as const;

function settings(m: ComponentModel) {
  const cols = (m.inputs[0]?.columns ?? []).map((c) => ({ lineageId: c.lineageId, name: c.name, dimension: externalName(c), kind: intProp(c, 'ColumnType', KIND.other) }));
  const where = textProp(m, 'CurrentRowWhere')?.trim();
  const sql = textProp(m, 'SqlCommand') ?? textProp(m, 'SQLCommand') ?? '';
  const outputs = Object.fromEntries(Object.entries(OUTPUTS).map(([k, re]) => [k, m.outputs.findIndex((o) => re.test(o.name))])) as Record<keyof typeof OUTPUTS, number>;
  return {
    cols,
    sql: where ? `SELECT * FROM (${sql}) AS scd_current WHERE ${where}` : sql,
    outputs,
    failOnFixed: boolProp(m, 'FailOnFixedAttributeChange', true),
    failOnLookup: boolProp(m, 'FailOnLookupFailure', false),
  };
}

/** The Slowly Changing Dimension plug-in. Inferred members are not detected (every found row is a complete member). */
export const slowlyChangingDimension: ComponentFactory = {
  classId: 'Microsoft.SCD',
  aliases: ['DTSTransform.SCD', 'DTSTransform.SCD.2', 'DTSTransform.SCD.3', '25BBB0C5-369B-4303-B3DF-D0DC741DEE58', 'Microsoft.SlowlyChangingDimension'],
  validate(m, v) {
    const s = settings(m);
    const errors = [];
    if (!s.cols.some((c) => c.kind === KIND.key)) errors.push(v.error('0xC0047072', 'DTS_E_SCDNOBUSINESSKEY', 'no input column is a business key (ColumnType 1).'));
    if (!s.sql.trim()) errors.push(v.error('0xC0202067', 'DTS_E_SCDNOSQL', 'the SQL command that reads the dimension is empty.'));
    return errors;
  },
  create(host) {
    const s = settings(host.component);
    const layout = host.inputLayout(0);
    const cols = s.cols.map((c) => ({ ...c, slot: layout.slotOf(c.lineageId)!, type: layout.columns[layout.slotOf(c.lineageId)!]!.type }));
    const keys = cols.filter((c) => c.kind === KIND.key);
    const attrs = cols.filter((c) => c.kind === KIND.changing || c.kind === KIND.historical || c.kind === KIND.fixed);
    const current = new Map<string, unknown[]>();
    let conn: Connection | undefined;
    return {
      async preExecute() {
        const cm = host.connection();
        if (!cm.open) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${cm.name}" cannot open a database connection here.`);
        conn = await cm.open();
        for await (const b of conn.queryBatches(translateBrackets(s.sql, conn.kind), [], 10_000)) {
          const names = b.columns.map((c) => c.name.toLowerCase());
          const index = (n: string) => names.indexOf(n.toLowerCase());
          for (const r of b.rows) {
            const key = keyOf(keys.map((k) => (r[index(k.dimension)] == null ? null : pipelineValue(r[index(k.dimension)], k.type))));
            current.set(key, attrs.map((a) => (r[index(a.dimension)] == null ? null : pipelineValue(r[index(a.dimension)], a.type))));
          }
        }
      },
      async process(_i, batch) {
        const routes = new Map<number, number[]>();
        const route = (o: number, row: number) => {
          if (o < 0) return;
          let l = routes.get(o);
          if (!l) routes.set(o, (l = []));
          l.push(row);
        };
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          const key = keyOf(keys.map((c) => readCell(batch.column(c.slot), row)));
          const dim = current.get(key);
          if (!dim) {
            if (s.failOnLookup) throw host.error('0xC0208F35', 'DTS_E_SCDLOOKUPFAILURE', 'a row has a business key that is not in the dimension, and FailOnLookupFailure is set.');
            route(s.outputs.new, row);
            continue;
          }
          let fixed = false;
          let historical = false;
          let changing = false;
          attrs.forEach((a, i) => {
            if (keyPart(readCell(batch.column(a.slot), row)) === keyPart(dim[i])) return;
            if (a.kind === KIND.fixed) fixed = true;
            else if (a.kind === KIND.historical) historical = true;
            else changing = true;
          });
          if (fixed && s.failOnFixed) throw host.error('0xC0208F36', 'DTS_E_SCDFIXEDATTRIBUTECHANGE', 'a fixed attribute changed, and FailOnFixedAttributeChange is set.');
          if (fixed) route(s.outputs.fixed, row);
          else if (historical) route(s.outputs.historical, row);
          else if (changing) route(s.outputs.changing, row);
          else route(s.outputs.unchanged, row);
        }
        for (const [o, rows] of routes) await host.send(o, batch.select(Int32Array.from(rows), rows.length));
      },
      async commit() {
        await conn?.close();
      },
      async abort() {
        await conn?.close().catch(() => undefined);
      },
    };
  },
};
