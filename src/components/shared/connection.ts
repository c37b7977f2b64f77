/** @module Finding the connection manager bound to a component during validation. */
import type { DataFlowConnection, DataFlowContext } from '../../dataflow/context.ts';
import type { ComponentModel } from '../../dataflow/model.ts';

/** The connection bound to a component's slot (first slot by default), when a context can resolve it. */
export function boundConnection(m: ComponentModel, ctx: DataFlowContext | undefined, slot?: string): DataFlowConnection | undefined {
  const binding = slot === undefined ? m.connections[0] : m.connections.find((c) => c.name === slot) ?? m.connections[0];
  return binding ? ctx?.connection(binding.connectionManagerRefId) : undefined;
}
