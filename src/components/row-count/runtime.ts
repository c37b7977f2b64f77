/** @module Row Count runtime: counts the rows passing through and writes the variable after the last row. */
import type { Batch } from '../../dataflow/batch.ts';
import type { ComponentHost, ComponentRuntime } from '../../dataflow/component.ts';
import type { RowCountSettings } from './settings.ts';

/** Creates the runtime. */
export function rowCountRuntime(host: ComponentHost, settings: RowCountSettings): ComponentRuntime {
  let count = 0;
  return {
    async process(_input: number, batch: Batch) {
      count += batch.count;
      await host.send(0, batch);
    },
    commit() {
      // SSIS writes the variable in PostExecute only: it is not visible inside the same data flow.
      host.context.variables.set(settings.variableName, count);
    },
  };
}
