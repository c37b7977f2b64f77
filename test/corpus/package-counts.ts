/** @module Counting what a package holds, to compare a package before and after an upgrade. */
import type { Package } from '../../src/package/index.ts';
import { allDataFlows, allVariables, isContainer, walkExecutables } from '../../src/package/index.ts';

/** Counts of executables, variables, connections, components, paths, input column mappings and constraints. */
export function packageCounts(pkg: Package): Record<string, number> {
  const exes = [...walkExecutables(pkg)];
  const flows = allDataFlows(pkg).map((f) => f.dataFlow);
  return {
    executables: exes.length,
    variables: allVariables(pkg).length,
    connections: pkg.connectionManagers.length,
    components: flows.reduce((n, f) => n + f.components.length, 0),
    paths: flows.reduce((n, f) => n + f.paths.length, 0),
    columnMappings: flows.reduce((n, f) => n + f.components.reduce((m, c) => m + c.inputs.reduce((k, i) => k + i.columns.length, 0), 0), 0),
    constraints: exes.reduce((n, e) => n + (isContainer(e) ? e.precedenceConstraints.length : 0), 0),
  };
}
