/** @module A plain projection of everything the model reads from a package, to compare a package before and after an upgrade. */
import type { ComponentProperty, Package, Task } from '../../src/package/index.ts';
import { allDataFlows, isContainer, walkExecutables } from '../../src/package/index.ts';
import { lineageRefsToRefIds } from '../../src/format/index.ts';

function props(list: ComponentProperty[], lineage: ReadonlyMap<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list) {
    if (p.name === 'UserComponentTypeName') continue;
    const v = p.containsId && /^\d+$/.test(p.value.trim()) ? `#${p.value.trim()}` : p.value;
    out[p.name] = p.containsId ? lineageRefsToRefIds(v, lineage) : p.value;
    if (p.arrayElements) out[p.name] = p.arrayElements.join('|');
  }
  return out;
}

/** Everything the model holds, minus XML elements and integer IDs. */
export function packageShape(pkg: Package): unknown {
  const executables = [...walkExecutables(pkg)].map((e) => {
    const { element: _e, properties: _p, variables, eventHandlers: _h, loggingOptions, ...rest } = e as unknown as Record<string, unknown> & Task;
    const shape: Record<string, unknown> = {
      refId: rest.refId, kind: rest.kind, classId: rest.classId, name: rest.name, description: rest.description, disabled: rest.disabled,
      delayValidation: rest.delayValidation, failPackageOnFailure: rest.failPackageOnFailure, failParentOnFailure: rest.failParentOnFailure,
      maxErrorCount: rest.maxErrorCount, forceExecutionResult: rest.forceExecutionResult, transactionOption: rest.transactionOption,
      isolationLevel: rest.isolationLevel, localeId: rest.localeId, propertyExpressions: rest.propertyExpressions,
      variables: variables.map(({ element: _x, ...v }) => v),
      logging: loggingOptions && { mode: loggingOptions.loggingMode, filterKind: loggingOptions.filterKind, filter: loggingOptions.eventFilter, providers: loggingOptions.selectedLogProviders },
    };
    if (isContainer(e)) shape.constraints = e.precedenceConstraints.map(({ element: _x, ...c }) => c);
    if (e.kind === 'ForLoop') shape.loop = [e.initExpression, e.evalExpression, e.assignExpression];
    if (e.kind === 'ForeachLoop') shape.foreach = { classId: e.enumerator?.classId, settings: e.enumerator?.settings, mappings: e.variableMappings };
    if (!isContainer(e)) {
      const { raw: _raw, ...settings } = (e as Task).settings;
      shape.settings = settings;
    }
    return shape;
  });
  // Spellings as written (raw property bags, creation names) change on upgrade by design; the typed fields must not.
  const connections = pkg.connectionManagers.map(({ element: _x, properties: _p, creationName: _c, ...c }) => c);
  const dataFlows = allDataFlows(pkg).map(({ task, dataFlow }) => ({
    task: task.refId,
    components: dataFlow.components.map((c) => ({
      refId: c.refId, classId: c.classId, name: c.name, properties: props(c.properties, dataFlow.lineageIds),
      connections: c.connections.map((k) => [k.refId, k.connectionManagerRefId]),
      inputs: c.inputs.map((i) => ({
        refId: i.refId,
        columns: i.columns.map((k) => [k.refId, k.lineageRefId, k.cachedDataType, k.cachedLength, k.usageType, k.externalMetadataColumnRefId ?? '', props(k.properties, dataFlow.lineageIds)]),
        external: i.externalColumns.map((x) => [x.refId, x.dataType, x.length, x.precision, x.scale, x.codePage]),
      })),
      outputs: c.outputs.map((o) => ({
        refId: o.refId, isErrorOut: o.isErrorOut, sync: o.synchronousInputRefId ?? '', exclusionGroup: o.exclusionGroup,
        columns: o.columns.map((k) => [k.refId, k.dataType, k.length, k.precision, k.scale, k.codePage, k.sortKeyPosition, k.specialFlags, k.errorRowDisposition, k.externalMetadataColumnRefId ?? '', props(k.properties, dataFlow.lineageIds)]),
        external: o.externalColumns.map((x) => [x.refId, x.dataType, x.length, x.precision, x.scale, x.codePage]),
      })),
    })),
    paths: dataFlow.paths.map((p) => [p.refId, p.startRefId, p.endRefId]),
  }));
  return {
    name: pkg.name, protectionLevel: pkg.protectionLevel, maxConcurrentExecutables: pkg.maxConcurrentExecutables,
    checkpoint: [pkg.checkpointFileName, pkg.checkpointUsage, pkg.saveCheckpoints], enableConfigurations: pkg.enableConfigurations,
    version: [pkg.versionMajor, pkg.versionMinor, pkg.versionBuild, pkg.versionGuid], creation: [pkg.creatorName, pkg.creatorComputerName, pkg.creationDate],
    executables, connections, dataFlows,
    parameters: pkg.parameters.map(({ element: _x, ...p }) => p),
    configurations: pkg.configurations.map(({ element: _x, ...c }) => c),
    logProviders: pkg.logProviders.map(({ element: _x, creationName: _c, ...l }) => l),
  };
}
