/** @module Recordset Destination (`Microsoft.RecordsetDestination`) and DataReader Destination: rows into an in-memory recordset. */
import type { ComponentFactory, ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import type { Recordset } from '../../dataflow/context.ts';
import { plainValue } from '../shared/plain-values.ts';
import { textProp } from '../shared/properties.ts';
import { inputStore } from '../shared/row-store.ts';

/** Gathers the input into a recordset and hands it over on success. */
function recordsetRuntime(host: ComponentHost, deliver: (rs: Recordset) => void): ComponentRuntime {
  const { input, store, process } = inputStore(host);
  return {
    process,
    commit() {
      deliver({
        columns: input.columns.map((c) => ({ name: c.name, dataType: c.dataType })),
        rows: store.rows(plainValue),
      });
    },
  };
}

/** The Recordset Destination plug-in: the recordset goes into the Object variable VariableName (read by the Foreach ADO enumerator). */
export const recordsetDestination: ComponentFactory = {
  classId: 'Microsoft.RecordsetDestination',
  aliases: ['DTSAdapter.RecordsetDestination', 'DTSAdapter.RecordsetDestination.2', 'DTSAdapter.RecordsetDestination.3', 'C457FD7E-CE98-4C4B-AEFE-F3AE0044F181'],
  validate(m, v) {
    return textProp(m, 'VariableName')?.trim() ? [] : [v.error('0xC0209199', 'DTS_E_RECORDSETDESTINATIONNOVARIABLE', 'the VariableName property is empty; choose an Object variable to receive the recordset.')];
  },
  create: (host) =>
    recordsetRuntime(host, (rs) => host.context.variables.set(textProp(host.component, 'VariableName')!.trim(), host.context.makeRecordset ? host.context.makeRecordset(rs) : rs)),
};

/** The DataReader Destination plug-in: there is no .NET reader to serve here, so the rows go to `onDataReader` of the context (or are counted and dropped). */
export const dataReaderDestination: ComponentFactory = {
  classId: 'Microsoft.DataReaderDestinationAdapter',
  aliases: ['Microsoft.SqlServer.Dts.Pipeline.DataReaderDestinationAdapter'],
  create: (host) =>
    recordsetRuntime(host, (rs) => {
      host.context.onDataReader?.(host.component.name, rs);
      host.event('information', '0x4004300B', `"${host.component.name}" received ${rs.rows.length} rows.`, 'DTS_I_DATAREADERROWS');
    }),
};
