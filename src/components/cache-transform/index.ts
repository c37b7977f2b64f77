/** @module Cache Transform (`Microsoft.Cache`): fills a Cache connection manager with the rows of its input, for Lookups in later data flows. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import type { CacheStore } from '../../dataflow/context.ts';
import { inputStore } from '../shared/row-store.ts';

/** The Cache Transform plug-in: the cache is replaced when the data flow succeeds. */
export const cacheTransform: ComponentFactory = {
  classId: 'Microsoft.Cache',
  aliases: ['DTSTransform.Cache', 'DTSTransform.Cache.2', 'DTSTransform.Cache.3', 'Microsoft.CacheTransform'],
  create(host) {
    const { input, store, process } = inputStore(host);
    return {
      process,
      commit() {
        const cm = host.connection();
        const previous = cm.cache?.columns ?? [];
        const cache: CacheStore = {
          columns: input.columns.map((c) => ({ name: c.name, dataType: c.dataType, length: c.length, precision: c.precision, scale: c.scale, codePage: c.codePage, indexPosition: previous.find((p) => p.name === c.name)?.indexPosition ?? 0 })),
          rows: store.rows(),
        };
        cm.cache = cache;
        host.event('information', '0x4020913D', `The Cache Transform wrote ${store.length} rows to the cache "${cm.name}".`, 'DTS_I_CACHEWRITTEN');
      },
    };
  },
};
