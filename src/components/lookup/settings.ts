/** @module Lookup settings: cache mode, connection type, reference query, join columns, copied columns, no-match handling. */
import { disposition } from '../../dataflow/error-rows.ts';
import type { ComponentModel, RowDisposition } from '../../dataflow/model.ts';
import { lineageRefs } from '../shared/lineage-ref.ts';
import { intProp, textProp } from '../shared/properties.ts';

/** Typed settings of a Lookup. */
export interface LookupSettings {
  /** 0 full, 1 partial, 2 none. */
  readonly cacheType: number;
  /** 0 OLE DB connection, 1 Cache connection manager. */
  readonly connectionType: number;
  /** True: no-match rows go to the No Match output; false: they are errors (the match output's disposition). */
  readonly noMatchOutput: boolean;
  readonly sqlCommand: string;
  readonly sqlCommandParam: string;
  /** Lineages of the input columns feeding the `?` markers of SqlCommandParam. */
  readonly parameterLineages: readonly string[];
  /** Input lineage → reference column name, in order. */
  readonly joins: readonly { readonly lineageId: string; readonly reference: string; readonly name: string }[];
  /** Output (or replaced input) lineage ← reference column name. */
  readonly copies: readonly { readonly lineageId: string; readonly reference: string }[];
  readonly matchOutput: number;
  readonly noMatchOutputIndex: number;
  readonly errorOutput: number;
  readonly noMatchDisposition: RowDisposition;
}

/** Reads the settings from the model. */
export function readLookupSettings(m: ComponentModel): LookupSettings {
  const input = m.inputs[0];
  const normal = m.outputs.map((o, i) => ({ o, i })).filter(({ o }) => !o.isErrorOut);
  const matchOutput = normal[0]?.i ?? -1;
  const noMatchOutputIndex = normal[1]?.i ?? -1;
  const joins = (input?.columns ?? []).flatMap((c) => {
    const ref = textProp(c, 'JoinToReferenceColumn');
    return ref ? [{ lineageId: c.lineageId, reference: ref, name: c.name }] : [];
  });
  const copies = [
    ...(input?.columns ?? []).flatMap((c) => {
      const ref = textProp(c, 'CopyFromReferenceColumn');
      return ref && c.usageType === 'readWrite' ? [{ lineageId: c.lineageId, reference: ref }] : [];
    }),
    ...(m.outputs[matchOutput]?.columns ?? []).flatMap((c) => {
      const ref = textProp(c, 'CopyFromReferenceColumn');
      return ref ? [{ lineageId: c.lineageId, reference: ref }] : [];
    }),
  ];
  const matchOut = m.outputs[matchOutput];
  return {
    cacheType: intProp(m, 'CacheType', 0),
    connectionType: intProp(m, 'ConnectionType', 0),
    noMatchOutput: intProp(m, 'NoMatchBehavior', 0) === 1,
    sqlCommand: textProp(m, 'SqlCommand') ?? '',
    sqlCommandParam: textProp(m, 'SqlCommandParam') ?? '',
    parameterLineages: lineageRefs(textProp(m, 'ParameterMap')),
    joins,
    copies,
    matchOutput,
    noMatchOutputIndex,
    errorOutput: m.outputs.findIndex((o) => o.isErrorOut),
    noMatchDisposition: disposition(matchOut?.errorRowDisposition),
  };
}
