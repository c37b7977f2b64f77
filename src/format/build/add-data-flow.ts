/** @module Builder functions for data flows: the Data Flow task, components with their inputs, outputs, columns and properties, and paths. */
import type { XmlElement } from '../../xml/index.ts';
import { SsisError } from '../../errors.ts';
import type { Component, Container, Input, Output, OutputColumn, Path, Task } from '../../package/index.ts';
import { classIdForFormat, classIdEntry } from '../../versions/index.ts';
import { elementNamed } from '../dom.ts';
import { readDataFlow } from '../read/read-data-flow.ts';
import { packageOf } from '../package-registry.ts';
import { addExecutable } from './add-executable.ts';
import { editContext, assertNewName } from './builder-state.ts';
import { connectionManagerOf, type ConnectionRef } from './connection-ref.ts';
import { h, insertIndented, type Attrs } from './tree.ts';

/** A custom property value: a plain value, or one with its .NET type and expression flags. */
export type PropertyValue = string | number | boolean | { value: string; dataType?: string; expressionType?: 'None' | 'Notify'; containsId?: boolean; typeConverter?: string };

/** Column type settings, as the .dtsx spells them (`wstr`, `str`, `i4`, `numeric`, `dbTimeStamp`, …). */
export interface ColumnTypeSpec {
  dataType: string;
  length?: number;
  precision?: number;
  scale?: number;
  codePage?: number;
}

/** An output column to add. */
export interface OutputColumnSpec extends ColumnTypeSpec {
  name: string;
  properties?: Record<string, PropertyValue>;
  errorRowDisposition?: 'FailComponent' | 'IgnoreFailure' | 'RedirectRow' | 'NotUsed';
  truncationRowDisposition?: 'FailComponent' | 'IgnoreFailure' | 'RedirectRow' | 'NotUsed';
  /** The name of the external metadata column of the same output it maps to. */
  externalColumn?: string;
  sortKeyPosition?: number;
}

/** An external metadata column to add. */
export interface ExternalColumnSpec extends ColumnTypeSpec {
  name: string;
}

/** An input column to add: the upstream output column (refId) it reads. */
export interface InputColumnSpec {
  lineage: string;
  usageType?: 'readOnly' | 'readWrite';
  externalColumn?: string;
  properties?: Record<string, PropertyValue>;
}

/** An input to add. */
export interface InputSpec {
  name: string;
  columns?: InputColumnSpec[];
  externalColumns?: ExternalColumnSpec[];
  hasSideEffects?: boolean;
  properties?: Record<string, PropertyValue>;
}

/** An output to add. An error output (`isErrorOut`) gets its ErrorCode and ErrorColumn columns. */
export interface OutputSpec {
  name: string;
  columns?: OutputColumnSpec[];
  externalColumns?: ExternalColumnSpec[];
  /** The name of the input this output is synchronous with. */
  synchronousInput?: string;
  exclusionGroup?: number;
  isErrorOut?: boolean;
  isSorted?: boolean;
  properties?: Record<string, PropertyValue>;
}

/** A component to add. */
export interface ComponentSpec {
  name: string;
  /** The canonical class (`Microsoft.DerivedColumn`); managed ones (`Microsoft.DataReaderSourceAdapter`) get the managed host. */
  classId: string;
  description?: string;
  version?: number;
  usesDispositions?: boolean;
  properties?: Record<string, PropertyValue>;
  connections?: { name: string; connectionManager: ConnectionRef }[];
  inputs?: InputSpec[];
  outputs?: OutputSpec[];
}

function propertiesEl(props: Record<string, PropertyValue> | undefined, extra: XmlElement[] = []): XmlElement[] {
  const list = Object.entries(props ?? {}).map(([name, v]) => {
    const full = typeof v === 'object' ? v : { value: String(v), dataType: typeof v === 'number' ? 'System.Int32' : typeof v === 'boolean' ? 'System.Boolean' : 'System.String' };
    return h('property', {
      containsID: full.containsId ? 'true' : undefined,
      dataType: full.dataType ?? 'System.String',
      expressionType: full.expressionType && full.expressionType !== 'None' ? full.expressionType : undefined,
      name,
      typeConverter: full.typeConverter,
    }, full.value === '' ? [] : [full.value]);
  });
  const all = [...extra, ...list];
  return all.length === 0 ? [] : [h('properties', {}, all)];
}

function typeAttrs(c: ColumnTypeSpec): Attrs {
  return {
    codePage: c.codePage ? String(c.codePage) : undefined,
    dataType: c.dataType,
    length: c.length ? String(c.length) : undefined,
    precision: c.precision ? String(c.precision) : undefined,
    scale: c.scale ? String(c.scale) : undefined,
  };
}

function externalEl(owner: string, cols: ExternalColumnSpec[] | undefined): XmlElement {
  return h('externalMetadataColumns', {}, (cols ?? []).map((x) => h('externalMetadataColumn', { refId: `${owner}.ExternalColumns[${x.name}]`, ...typeAttrs(x), name: x.name })));
}

/** Adds a Data Flow task. */
export function addDataFlowTask(container: Container, spec: { name: string; defaultBufferMaxRows?: number; defaultBufferSize?: number }): Task {
  const pipeline = h('pipeline', {
    defaultBufferMaxRows: spec.defaultBufferMaxRows === undefined ? undefined : String(spec.defaultBufferMaxRows),
    defaultBufferSize: spec.defaultBufferSize === undefined ? undefined : String(spec.defaultBufferSize),
    version: '1',
  }, [h('components'), h('paths')]);
  return addExecutable(container, spec.name, 'Microsoft.Pipeline', 'Data Flow Task', {}, [h('DTS:ObjectData', {}, [pipeline])]) as Task;
}

function pipelineOf(task: Task): XmlElement {
  if (task.kind !== 'Pipeline' || !task.dataFlow) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${task.refId}" is not a Data Flow task.`);
  return task.dataFlow.element;
}

function refresh(task: Task, what: string): void {
  const ctx = editContext(packageOf(task), what);
  task.dataFlow = readDataFlow(pipelineOf(task), task.refId, ctx);
}

/** Adds a component to a Data Flow task; returns it as read back (component objects are re-read after every data flow edit). */
export function addComponent(task: Task, spec: ComponentSpec): Component {
  const pkg = packageOf(task);
  const pipeline = pipelineOf(task);
  assertNewName(task.dataFlow!.components.map((c) => c.name), spec.name, 'Component');
  const format = pkg.xmlFormat as 6 | 8;
  const cRef = `${task.refId}\\${spec.name}`;
  const entry = classIdEntry(spec.classId);
  const managed = entry !== undefined && entry.kind === 'component' && (entry.spellings[6]?.[0] ?? '').startsWith('clr:') || spec.classId === 'Microsoft.OData';
  const classAttr = managed ? classIdForFormat('Microsoft.ManagedComponentHost', format) : classIdForFormat(spec.classId, format);
  const properties = { ...spec.properties };
  if (managed) properties.UserComponentTypeName = classIdForFormat(spec.classId, format);

  const inputs = (spec.inputs ?? []).map((i) => {
    const iRef = `${cRef}.Inputs[${i.name}]`;
    return h('input', { refId: iRef, hasSideEffects: i.hasSideEffects ? 'true' : undefined, name: i.name }, [
      ...propertiesEl(i.properties),
      h('inputColumns', {}, (i.columns ?? []).map((c) => inputColumnEl(task, iRef, c))),
      externalEl(iRef, i.externalColumns),
    ]);
  });
  const outputs = (spec.outputs ?? []).map((o) => {
    const oRef = `${cRef}.Outputs[${o.name}]`;
    const cols: OutputColumnSpec[] = [...(o.columns ?? [])];
    const special = new Map<string, number>();
    if (o.isErrorOut) {
      for (const [name, flag] of [['ErrorCode', 1], ['ErrorColumn', 2]] as const) {
        if (!cols.some((c) => c.name === name)) cols.push({ name, dataType: 'i4' });
        special.set(name, flag);
      }
    }
    return h('output', {
      refId: oRef,
      exclusionGroup: o.exclusionGroup ? String(o.exclusionGroup) : undefined,
      isErrorOut: o.isErrorOut ? 'true' : undefined,
      isSorted: o.isSorted ? 'true' : undefined,
      name: o.name,
      synchronousInputId: o.synchronousInput === undefined ? undefined : `${cRef}.Inputs[${o.synchronousInput}]`,
    }, [
      ...propertiesEl(o.properties),
      h('outputColumns', {}, cols.map((c) => {
        const ref = `${oRef}.Columns[${c.name}]`;
        return h('outputColumn', {
          refId: ref,
          ...typeAttrs(c),
          errorRowDisposition: c.errorRowDisposition,
          externalMetadataColumnId: c.externalColumn === undefined ? undefined : `${oRef}.ExternalColumns[${c.externalColumn}]`,
          lineageId: ref,
          name: c.name,
          sortKeyPosition: c.sortKeyPosition ? String(c.sortKeyPosition) : undefined,
          specialFlags: special.has(c.name) ? String(special.get(c.name)) : undefined,
          truncationRowDisposition: c.truncationRowDisposition,
        }, propertiesEl(c.properties));
      })),
      externalEl(oRef, o.externalColumns),
    ]);
  });
  const connections = (spec.connections ?? []).map((k) => {
    const cm = connectionManagerOf(pkg, k.connectionManager);
    return h('connection', { refId: `${cRef}.Connections[${k.name}]`, connectionManagerID: cm.refId, connectionManagerRefId: cm.refId, name: k.name });
  });
  const el = h('component', {
    refId: cRef,
    componentClassID: classAttr,
    description: spec.description ?? entry?.friendlyName,
    name: spec.name,
    usesDispositions: spec.usesDispositions ? 'true' : undefined,
    version: spec.version === undefined ? undefined : String(spec.version),
  }, [
    ...propertiesEl(properties),
    ...(connections.length ? [h('connections', {}, connections)] : []),
    ...(inputs.length ? [h('inputs', {}, inputs)] : []),
    ...(outputs.length ? [h('outputs', {}, outputs)] : []),
  ]);
  insertIndented(elementNamed(pipeline, 'components')!, el);
  refresh(task, 'addComponent');
  return task.dataFlow!.components.find((c) => c.refId === cRef)!;
}

function findOutputColumn(task: Task, refId: string): OutputColumn {
  for (const c of task.dataFlow!.components) for (const o of c.outputs) for (const col of o.columns) if (col.refId === refId) return col;
  throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The data flow "${task.refId}" has no output column "${refId}".`);
}

function inputColumnEl(task: Task, iRef: string, c: InputColumnSpec): XmlElement {
  const up = findOutputColumn(task, c.lineage);
  return h('inputColumn', {
    refId: `${iRef}.Columns[${up.name}]`,
    cachedCodepage: up.codePage ? String(up.codePage) : undefined,
    cachedDataType: up.dataType,
    cachedLength: up.length ? String(up.length) : undefined,
    cachedName: up.name,
    cachedPrecision: up.precision ? String(up.precision) : undefined,
    cachedScale: up.scale ? String(up.scale) : undefined,
    externalMetadataColumnId: c.externalColumn === undefined ? undefined : `${iRef}.ExternalColumns[${c.externalColumn}]`,
    lineageId: up.refId,
    usageType: c.usageType === 'readWrite' ? 'readWrite' : undefined,
  }, propertiesEl(c.properties));
}

/**
 * Adds a path from an output to an input. `columns` (names, or `'all'`) also adds input columns on the input
 * reading those columns of the output (error outputs' ErrorCode/ErrorColumn included only when named).
 */
export function addPath(task: Task, from: Output, to: Input, opts: { name?: string; columns?: string[] | 'all' } = {}): Path {
  const pipeline = pipelineOf(task);
  const name = opts.name ?? from.name;
  assertNewName(task.dataFlow!.paths.map((p) => p.name), name, 'Path');
  if (task.dataFlow!.paths.some((p) => p.endRefId === to.refId)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The input "${to.refId}" already has a path.`);
  const el = h('path', { refId: `${task.refId}.Paths[${name}]`, endId: to.refId, name, startId: from.refId });
  insertIndented(elementNamed(pipeline, 'paths')!, el);
  if (opts.columns !== undefined) {
    const wanted = opts.columns === 'all' ? from.columns.filter((c) => c.specialFlags === 0).map((c) => c.name) : opts.columns;
    const inputColumns = elementNamed(to.element, 'inputColumns') ?? (() => {
      const w = h('inputColumns');
      insertIndented(to.element, w, to.element.children.find((c) => c.type === 'element' && c.localName === 'externalMetadataColumns') ?? null);
      return w;
    })();
    for (const n of wanted) {
      const col = from.columns.find((c) => c.name === n);
      if (!col) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The output "${from.refId}" has no column "${n}".`);
      insertIndented(inputColumns, inputColumnEl(task, to.refId, { lineage: col.refId }));
    }
  }
  refresh(task, 'addPath');
  return task.dataFlow!.paths.find((p) => p.name === name)!;
}
