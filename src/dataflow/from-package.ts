/** @module Lifts the package model's data flow (any format) into the engine's view, resolving 2008 integer lineage references to refIds. */
import { SsisError } from '../errors.ts';
import type { Component, ComponentProperty, DataFlow, ExternalMetadataColumn } from '../package/data-flow.ts';
import type { Task } from '../package/executable.ts';
import { attr } from '../xml/index.ts';
import type { ComponentModel, DataFlowModel, RowDisposition } from './model.ts';

/** Properties whose value names a column by ID. */
const LINEAGE_PROPERTIES = new Set(['AggregationColumnId', 'SortColumnId', 'InputColumnID', 'copyColumnId', 'SourceInputColumnLineageID', 'OutputColumnLineageID', 'InputColumnLineageId', 'DestinationColumn', 'SourceColumn', 'SortColumnID']);

/** The data flow of a Data Flow task, in the engine's view. Throws SsisError when the task has no data flow. */
export function dataFlowOfTask(task: Task): DataFlowModel {
  if (!task.dataFlow) throw new SsisError('0xC0047062', 'DTS_E_NODATAFLOW', `The task "${task.name}" has no data flow.`);
  const s = task.settings as unknown as Record<string, unknown>;
  const props: Record<string, string> = {};
  const put = (name: string, v: unknown): void => {
    if (v !== undefined && v !== null && v !== '') props[name] = String(v);
  };
  put('DefaultBufferMaxRows', s['defaultBufferMaxRows']);
  put('DefaultBufferSize', s['defaultBufferSize']);
  put('EngineThreads', s['engineThreads']);
  put('BufferTempStoragePath', s['bufferTempStoragePath']);
  put('BLOBTempStoragePath', s['blobTempStoragePath']);
  put('RunInOptimizedMode', s['runInOptimizedMode']);
  return dataFlowModel(task.refId, task.name, task.dataFlow, props);
}

/** Converts a package-model data flow. `properties` are the task's engine settings (DefaultBufferMaxRows, …). */
export function dataFlowModel(refId: string, name: string, flow: DataFlow, properties: Record<string, string> = {}): DataFlowModel {
  // 2008 files: integer lineage IDs; expressions and properties say `#123`.
  const byNumber = new Map<number, string>();
  const inputColumnByNumber = new Map<number, string>();
  for (const c of flow.components) {
    for (const o of c.outputs) for (const col of o.columns) if (col.lineageId !== undefined) byNumber.set(col.lineageId, col.refId);
    // 2008 properties such as AggregationColumnId or InputColumnID name input columns by their integer `id`.
    for (const i of c.inputs) {
      for (const col of i.columns) {
        const id = Number(attr(col.element, 'id'));
        if (Number.isInteger(id) && id > 0) inputColumnByNumber.set(id, col.refId);
      }
    }
  }
  const resolveIds = (text: string): string =>
    text.replace(/#(\d+)\b/g, (m, n: string) => {
      const ref = inputColumnByNumber.get(Number(n)) ?? byNumber.get(Number(n));
      return ref ? `#{${ref}}` : m;
    });
  const propsOf = (list: readonly ComponentProperty[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const p of list) {
      const v = p.value.trim();
      // 2008 writes some column references as bare integers (AggregationColumnId 9263).
      if (LINEAGE_PROPERTIES.has(p.name) && /^\d+$/.test(v)) out[p.name] = resolveIds(`#${v}`);
      else out[p.name] = p.containsId || /^#\d+$/.test(v) ? resolveIds(p.value) : p.value;
    }
    return out;
  };
  return {
    refId,
    name,
    properties,
    paths: flow.paths.map((p) => ({ refId: p.refId, name: p.name, startRefId: p.startRefId, endRefId: p.endRefId })),
    components: flow.components.map((c) => component(c, propsOf)),
  };
}

function disp(v: string): RowDisposition | undefined {
  const t = v.replace(/^RD_/, '');
  return t === 'FailComponent' || t === 'IgnoreFailure' || t === 'RedirectRow' || t === 'NotUsed' ? t : undefined;
}

function component(c: Component, propsOf: (l: readonly ComponentProperty[]) => Record<string, string>): ComponentModel {
  const externalColumn = (x: ExternalMetadataColumn) => ({ refId: x.refId, name: x.name, dataType: x.dataType, length: x.length, precision: x.precision, scale: x.scale, codePage: x.codePage, properties: propsOf(x.properties) });
  return {
    refId: c.refId,
    name: c.name,
    classId: c.classId,
    rawClassId: c.rawClassId,
    properties: { ...propsOf(c.properties), ...(c.userComponentTypeName ? { UserComponentTypeName: c.userComponentTypeName } : {}) },
    validateExternalMetadata: c.validateExternalMetadata,
    connections: c.connections.map((k) => ({ name: k.name, connectionManagerRefId: k.connectionManagerRefId || k.connectionManagerId })),
    // A dangling input is the designer's placeholder for the next path (Union All, Merge): not part of the flow.
    inputs: c.inputs.filter((i) => attr(i.element, 'dangling')?.toLowerCase() !== 'true').map((i) => ({
      refId: i.refId,
      name: i.name,
      errorRowDisposition: disp(i.errorRowDisposition),
      truncationRowDisposition: disp(i.truncationRowDisposition),
      properties: propsOf(i.properties),
      externalColumns: i.externalColumns.map(externalColumn),
      columns: i.columns.map((col) => ({
        refId: col.refId,
        lineageId: col.lineageRefId,
        name: col.name,
        dataType: col.cachedDataType,
        length: col.cachedLength,
        precision: col.cachedPrecision,
        scale: col.cachedScale,
        codePage: col.cachedCodePage,
        usageType: col.usageType === 'readWrite' ? 'readWrite' : 'readOnly',
        properties: propsOf(col.properties),
        errorRowDisposition: disp(col.errorRowDisposition),
        truncationRowDisposition: disp(col.truncationRowDisposition),
        externalMetadataColumnId: col.externalMetadataColumnRefId,
      })),
    })),
    outputs: c.outputs.map((o) => ({
      refId: o.refId,
      name: o.name,
      isErrorOut: o.isErrorOut,
      isSorted: o.isSorted,
      synchronousInputRefId: o.synchronousInputRefId,
      exclusionGroup: o.exclusionGroup,
      errorRowDisposition: disp(o.errorRowDisposition),
      truncationRowDisposition: disp(o.truncationRowDisposition),
      properties: propsOf(o.properties),
      externalColumns: o.externalColumns.map(externalColumn),
      columns: o.columns.map((col) => ({
        refId: col.refId,
        lineageId: col.refId,
        lineageNumber: col.lineageId,
        name: col.name,
        dataType: col.dataType,
        length: col.length,
        precision: col.precision,
        scale: col.scale,
        codePage: col.codePage,
        properties: propsOf(col.properties),
        errorRowDisposition: disp(col.errorRowDisposition),
        truncationRowDisposition: disp(col.truncationRowDisposition),
        externalMetadataColumnId: col.externalMetadataColumnRefId,
        sortKeyPosition: col.sortKeyPosition,
        specialFlags: col.specialFlags,
      })),
    })),
  };
}
