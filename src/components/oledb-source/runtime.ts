/** @module Database source runtime: streams a query's rows in buffer-sized batches from the driver into typed columns. */
import type { Connection } from '../../connections/driver.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { SsisError } from '../../errors.ts';
import { tableName, translateBrackets } from '../database/sql-names.ts';
import { storeDriverValue } from '../database/values.ts';
import type { DatabaseSourceSettings } from './settings.ts';

/** The SQL a source runs. */
export function sourceSql(host: ComponentHost, s: DatabaseSourceSettings, kind: Connection['kind']): string {
  const vars = host.context.variables;
  switch (s.access.kind) {
    case 'table':
      return `SELECT * FROM ${tableName(s.access.table, kind)}`;
    case 'tableVariable':
      return `SELECT * FROM ${tableName(String(vars.get(s.access.variable)), kind)}`;
    case 'sql':
      return translateBrackets(s.access.sql, kind);
    case 'sqlVariable':
      return translateBrackets(String(vars.get(s.access.variable)), kind);
  }
}

/** Creates the runtime. */
export function databaseSourceRuntime(host: ComponentHost, settings: DatabaseSourceSettings): ComponentRuntime {
  const layout = host.outputLayout(settings.output);
  const cols = settings.columns.map((c) => ({ ...c, lc: layout.columns[layout.slotOf(c.column.lineageId)!]!, disp: disposition(c.column.errorRowDisposition) }));
  const errors = new RowErrors(host, settings.errorOutput);
  let conn: Connection | undefined;
  return {
    async preExecute() {
      const cm = host.connection();
      if (!cm.open) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${cm.name}" (${cm.creationName}) cannot open a database connection here.`);
      conn = await cm.open();
    },
    async produce() {
      const c = conn!;
      const sql = sourceSql(host, settings, c.kind);
      const params = settings.parameters.map((p) => host.context.variables.get(p.variable));
      const size = host.rowsPerBuffer(settings.output);
      let index: number[] | undefined;
      for await (const rb of c.queryBatches(sql, params, size, { timeoutSeconds: settings.timeoutSeconds })) {
        if (host.aborted) break;
        if (!index) {
          index = cols.map((col) => {
            const i = rb.columns.findIndex((x) => x.name === col.source);
            const j = i >= 0 ? i : rb.columns.findIndex((x) => x.name.toLowerCase() === col.source.toLowerCase());
            if (j < 0) throw host.error('0xC0208449', 'DTS_E_COLUMNNOTFOUND', `the column "${col.source}" is not in the result of "${sql}".`);
            return j;
          });
        }
        const batch = host.newBatch(settings.output, rb.rows.length);
        errors.reset();
        for (let r = 0; r < rb.rows.length; r++) {
          const row = rb.rows[r]!;
          for (let j = 0; j < cols.length; j++) {
            const col = cols[j]!;
            try {
              storeDriverValue(batch.vectors[col.lc.slot]!, r, row[index[j]!]);
            } catch (e) {
              if (!(e instanceof SsisError)) throw e;
              if (errors.handle(batch, r, 'error', col.disp, ROW_ERROR.conversion, col.lc, `Data conversion failed for column "${col.column.name}": ${e.message}`)) break;
            }
          }
        }
        await errors.send(batch, settings.output);
      }
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
