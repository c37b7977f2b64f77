/** @module Multicast (`Microsoft.Multicast`): every row to every output, sharing the buffer (no settings). */
import type { ComponentFactory } from '../../dataflow/component.ts';

/** The Multicast plug-in. Each output gets its own view of the buffer, so a downstream change in one branch stays there. */
export const multicast: ComponentFactory = {
  classId: 'Microsoft.Multicast',
  aliases: ['DTSTransform.Multicast', 'DTSTransform.Multicast.2', 'DTSTransform.Multicast.3', 'EC139FBC-694E-490B-8EA7-35690FB0F445'],
  create: (host) => ({
    async process(_input, batch) {
      const outs = host.component.outputs;
      for (let o = 0; o < outs.length; o++) await host.send(o, o === outs.length - 1 ? batch : batch.branch());
    },
  }),
};
