/** @module Resolving a component's columns to buffer slots. */
import type { ComponentHost } from '../../dataflow/component.ts';
import type { LayoutColumn } from '../../dataflow/layout.ts';

/** The buffer slot of a lineage in a layout; throws a clear error when the lineage is missing. */
function slotIn(host: ComponentHost, layout: { slotOf(l: string): number | undefined; columns: readonly LayoutColumn[] }, lineageId: string, name: string): LayoutColumn {
  const slot = layout.slotOf(lineageId);
  if (slot === undefined) throw host.error('0xC004706B', 'DTS_E_BUFFERCOLUMNNOTFOUND', `the column "${name}" (lineage "${lineageId}") is not in the buffer.`);
  return layout.columns[slot]!;
}

/** The layout columns of an input's columns, in the input's order. */
export function inputColumns(host: ComponentHost, input = 0): LayoutColumn[] {
  const layout = host.inputLayout(input);
  return host.component.inputs[input]!.columns.map((c) => slotIn(host, layout, c.lineageId, c.name));
}

/** The layout columns of an output's own columns, in the output's order. */
export function outputColumns(host: ComponentHost, output: number): LayoutColumn[] {
  const layout = host.outputLayout(output);
  return host.component.outputs[output]!.columns.map((c) => slotIn(host, layout, c.lineageId, c.name));
}

/** The layout column of a lineage arriving at an input. */
export function lineageColumn(host: ComponentHost, input: number, lineageId: string, name = lineageId): LayoutColumn {
  return slotIn(host, host.inputLayout(input), lineageId, name);
}
