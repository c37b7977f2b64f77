/** @module Union All (`Microsoft.UnionAll`): any number of inputs into one asynchronous output, in arrival order. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { unionAllRuntime } from './runtime.ts';
import { readUnionAllSettings } from './settings.ts';

/** The Union All plug-in. */
export const unionAll: ComponentFactory = {
  classId: 'Microsoft.UnionAll',
  aliases: ['DTSTransform.UnionAll', 'DTSTransform.UnionAll.2', 'DTSTransform.UnionAll.3', 'B594E9A8-4351-4939-891C-CFE1AB93E925'],
  create: (host) => unionAllRuntime(host, readUnionAllSettings(host.component)),
};
