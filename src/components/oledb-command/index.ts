/** @module OLE DB Command (`Microsoft.OLEDBCommand`): runs a parameterised statement once per row (`?` bound to Param_0, Param_1, …). */
import type { Connection } from '../../connections/driver.ts';
import type { ComponentFactory } from '../../dataflow/component.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { SsisError } from '../../errors.ts';
import { translateBrackets } from '../database/sql-names.ts';
import { driverValue } from '../database/values.ts';
import { externalName } from '../flat-file-source/settings.ts';
import { intProp, textProp } from '../shared/properties.ts';

/** The OLE DB Command plug-in. */
export const oledbCommand: ComponentFactory = {
  classId: 'Microsoft.OLEDBCommand',
  aliases: ['DTSTransform.OLEDBCommand', 'DTSTransform.OLEDBCommand.2', 'DTSTransform.OLEDBCommand.3', '93FFEC66-CBC8-4C7F-9C6A-CB1C17A7567D', '8E61C8F6-C91D-43B6-97EB-3423C06571CC'],
  validate(m, v) {
    return textProp(m, 'SqlCommand')?.trim() ? [] : [v.error('0xC0202067', 'DTS_E_OLEDBCOMMANDNOSQL', 'the SqlCommand property is empty.')];
  },
  create(host) {
    const m = host.component;
    const layout = host.inputLayout(0);
    const output = m.outputs.findIndex((o) => !o.isErrorOut);
    const errors = new RowErrors(host, m.outputs.findIndex((o) => o.isErrorOut));
    const disp = disposition(m.inputs[0]!.errorRowDisposition);
    const params = m.inputs[0]!.columns
      .map((c) => ({ slot: layout.slotOf(c.lineageId)!, index: Number(/(\d+)$/.exec(externalName(c))?.[1] ?? -1) }))
      .filter((p) => p.index >= 0)
      .sort((a, b) => a.index - b.index);
    let conn: Connection | undefined;
    let sql = '';
    return {
      async preExecute() {
        const cm = host.connection();
        if (!cm.open) throw host.error('0xC020801C', 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER', `the connection manager "${cm.name}" cannot open a database connection here.`);
        conn = await cm.open();
        sql = translateBrackets(textProp(m, 'SqlCommand')!, conn.kind);
      },
      async process(_i, batch) {
        errors.reset();
        for (let k = 0; k < batch.count; k++) {
          const row = batch.row(k);
          try {
            await conn!.query(sql, params.map((p) => driverValue(batch.column(p.slot), row)), { timeoutSeconds: intProp(m, 'CommandTimeout', 0) });
          } catch (e) {
            if (!(e instanceof SsisError)) throw e;
            errors.handle(batch, row, 'error', disp, ROW_ERROR.insert, undefined, e.message);
          }
        }
        await errors.send(batch, output);
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
