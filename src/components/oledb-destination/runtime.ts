/**
 * @module Database destination runtime: rows go to the driver's bulk path (PostgreSQL COPY, MariaDB batches, SQLite one
 * prepared statement in a transaction, SQL Server bulk load). With FastLoadMaxInsertCommitSize 0 nothing is committed
 * until the whole data flow succeeded; otherwise the driver commits every N rows, as SSIS does.
 */
import type { BulkLoadResult, Connection, Row } from '../../connections/driver.ts';
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import { tableParts } from '../database/sql-names.ts';
import { driverReader } from '../database/values.ts';
import { HandOff } from '../shared/async-queue.ts';
import type { DatabaseDestinationSettings } from './settings.ts';

/** Creates the runtime. */
export function databaseDestinationRuntime(host: ComponentHost, settings: DatabaseDestinationSettings): ComponentRuntime {
  const layout = host.inputLayout(0);
  const slots = settings.columns.map((c) => layout.slotOf(c.lineageId)!);
  const readers = slots.map((s) => driverReader(layout.columns[s]!.type));
  let conn: Connection | undefined;
  let handOff: HandOff<Row[]> | undefined;
  let load: Promise<BulkLoadResult> | undefined;
  let ownTransaction = false;
  let rows = 0;
  let settled = false;

  const start = (): void => {
    const c = conn!;
    const table = 'name' in settings.table ? settings.table.name : String(host.context.variables.get(settings.table.variable));
    // Two buffers may wait while the driver writes: parsing and formatting overlap the database's work.
    handOff = new HandOff<Row[]>(2);
    load = c.bulkLoad(tableParts(table, c.kind).join('.'), settings.columns.map((x) => x.target), handOff, settings.options);
    // Surface a load failure at the next push instead of as an unhandled rejection.
    load.then(
      () => (settled = true),
      () => (settled = true),
    );
  };

  return {
    async preExecute() {
      const cm = host.connection();
      if (!cm.open) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${cm.name}" (${cm.creationName}) cannot open a database connection here.`);
      conn = await cm.open();
      if (!settings.options.maxInsertCommitSize) {
        await conn.begin();
        ownTransaction = true;
      }
      start();
    },
    async process(_input, batch: Batch) {
      const cols = slots.map((s) => batch.column(s));
      const n = cols.length;
      const out: Row[] = new Array(batch.count);
      for (let k = 0; k < batch.count; k++) {
        const r = batch.row(k);
        const row = new Array<unknown>(n);
        for (let j = 0; j < n; j++) row[j] = readers[j]!(cols[j]!, r);
        out[k] = row;
      }
      rows += batch.count;
      await Promise.race([handOff!.push(out), load!.then(() => undefined)]);
    },
    async endOfInput() {
      handOff!.end();
      await load;
    },
    async commit() {
      if (ownTransaction) await conn!.commit();
      ownTransaction = false;
      host.event('information', '0x402090E0', `The final commit for the data insertion in "${host.component.name}" has ended (${rows} rows).`, 'DTS_I_FINALCOMMITENDED');
      await conn!.close();
      conn = undefined;
    },
    async abort() {
      // With a commit size, buffers that reached the destination are written (and committed) first, as in SSIS.
      if (settings.options.maxInsertCommitSize && handOff) {
        while (handOff.pending > 0 && !settled) await new Promise((r) => setTimeout(r, 5));
      }
      handOff?.fail(new Error('the data flow failed'));
      await load?.catch(() => undefined);
      if (ownTransaction) await conn?.rollback().catch(() => undefined);
      await conn?.close().catch(() => undefined);
      conn = undefined;
    },
  };
}
