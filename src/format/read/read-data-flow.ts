/**
 * @module Reading a data flow (`<pipeline>`): components, inputs, outputs, columns, properties and paths. In
 * 2005/2008 files every object has an integer ID and columns an integer lineage ID; the reader computes the
 * 2012-style refIds from the names and resolves every integer reference, recording broken ones as problems.
 */
import type { XmlElement } from '../../xml/index.ts';
import type {
  Component, ComponentConnection, ComponentProperty, DataFlow, ExternalMetadataColumn, Input, InputColumn, Output, OutputColumn, Path,
} from '../../package/index.ts';
import { parseBool, parseIntOr } from '../dialect.ts';
import { attrLocal as a, elementNamed, elementsNamed, ownText } from '../dom.ts';
import { addProblem, resolveConnection, type ReadContext } from './context.ts';
import { canonicalClass } from './class-names.ts';

function kids(el: XmlElement, wrapper: string, item: string): XmlElement[] {
  const w = elementNamed(el, wrapper);
  return w ? elementsNamed(w, item) : [];
}

function num(el: XmlElement, name: string, fallback = 0): number {
  return parseIntOr(a(el, name), fallback);
}

function intId(el: XmlElement): number | undefined {
  const v = a(el, 'id');
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** Custom properties under `<properties>`. */
export function readComponentProperties(el: XmlElement): ComponentProperty[] {
  return kids(el, 'properties', 'property').map((p) => {
    const isArray = parseBool(a(p, 'isArray'), false);
    const arrayEl = elementNamed(p, 'arrayElements');
    return {
      name: a(p, 'name') ?? '',
      value: arrayEl ? '' : ownText(p),
      dataType: a(p, 'dataType') ?? '',
      expressionType: a(p, 'expressionType') ?? 'None',
      containsId: parseBool(a(p, 'containsID'), false),
      typeConverter: a(p, 'typeConverter') ?? '',
      isArray,
      arrayElements: arrayEl ? elementsNamed(arrayEl, 'arrayElement').map(ownText) : undefined,
      sensitive: parseBool(a(p, 'Encrypted'), false) || parseBool(a(p, 'Sensitive'), false),
      element: p,
    };
  });
}

/** Names every integer ID of a legacy pipeline by its computed refId (first pass). */
interface IdTables {
  /** object id (component, input, output, column, external column) → refId */
  ids: Map<number, string>;
  lineage: Map<number, { refId: string; name: string }>;
  outputColumnRefIds: Set<string>;
  inputRefIds: Set<string>;
  outputRefIds: Set<string>;
  columnNames: Map<string, string>;
}

function componentRefId(c: XmlElement, taskRefId: string): string {
  return a(c, 'refId') ?? `${taskRefId}\\${a(c, 'name') ?? ''}`;
}
const ioRefId = (el: XmlElement, owner: string, kind: 'Inputs' | 'Outputs'): string => a(el, 'refId') ?? `${owner}.${kind}[${a(el, 'name') ?? ''}]`;
const extRefId = (el: XmlElement, owner: string): string => a(el, 'refId') ?? `${owner}.ExternalColumns[${a(el, 'name') ?? ''}]`;
const colRefId = (el: XmlElement, owner: string, name: string): string => a(el, 'refId') ?? `${owner}.Columns[${name}]`;

function firstPass(pipeline: XmlElement, taskRefId: string): IdTables {
  const t: IdTables = { ids: new Map(), lineage: new Map(), outputColumnRefIds: new Set(), inputRefIds: new Set(), outputRefIds: new Set(), columnNames: new Map() };
  const note = (el: XmlElement, refId: string): void => {
    const id = intId(el);
    if (id !== undefined) t.ids.set(id, refId);
  };
  for (const c of kids(pipeline, 'components', 'component')) {
    const cRef = componentRefId(c, taskRefId);
    note(c, cRef);
    for (const o of kids(c, 'outputs', 'output')) {
      const oRef = ioRefId(o, cRef, 'Outputs');
      t.outputRefIds.add(oRef);
      note(o, oRef);
      for (const col of kids(o, 'outputColumns', 'outputColumn')) {
        const name = a(col, 'name') ?? '';
        const ref = colRefId(col, oRef, name);
        note(col, ref);
        t.outputColumnRefIds.add(ref);
        t.columnNames.set(ref, name);
        const lin = a(col, 'lineageId');
        if (lin !== undefined && /^-?\d+$/.test(lin)) t.lineage.set(Number(lin), { refId: ref, name });
      }
      for (const x of kids(o, 'externalMetadataColumns', 'externalMetadataColumn')) note(x, extRefId(x, oRef));
    }
    for (const i of kids(c, 'inputs', 'input')) {
      const iRef = ioRefId(i, cRef, 'Inputs');
      t.inputRefIds.add(iRef);
      note(i, iRef);
      for (const x of kids(i, 'externalMetadataColumns', 'externalMetadataColumn')) note(x, extRefId(x, iRef));
    }
  }
  return t;
}

/** Resolves a reference attribute: a refId in 2012+ files, an integer ID (0 = none) before. */
function resolveRef(value: string | undefined, t: IdTables, legacy: boolean): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!legacy || !/^-?\d+$/.test(value)) return value;
  if (value === '0') return undefined;
  return t.ids.get(Number(value));
}

function columnType(el: XmlElement): { dataType: string; length: number; precision: number; scale: number; codePage: number } {
  return { dataType: a(el, 'dataType') ?? '', length: num(el, 'length'), precision: num(el, 'precision'), scale: num(el, 'scale'), codePage: num(el, 'codePage') };
}

function readExternal(owner: XmlElement, ownerRef: string): ExternalMetadataColumn[] {
  return kids(owner, 'externalMetadataColumns', 'externalMetadataColumn').map((x) => ({
    refId: extRefId(x, ownerRef),
    name: a(x, 'name') ?? '',
    id: intId(x),
    ...columnType(x),
    properties: readComponentProperties(x),
    element: x,
  }));
}

/** Reads one `<pipeline>` element of the Data Flow task `taskRefId`. */
export function readDataFlow(pipeline: XmlElement, taskRefId: string, ctx: ReadContext): DataFlow {
  const legacy = ctx.dialect.legacy;
  const t = firstPass(pipeline, taskRefId);
  const lineageIds = new Map<number, string>();
  for (const [id, v] of t.lineage) lineageIds.set(id, v.refId);

  const components: Component[] = kids(pipeline, 'components', 'component').map((c) => {
    const cRef = componentRefId(c, taskRefId);
    const rawClassId = a(c, 'componentClassID') ?? '';
    if (rawClassId === '') addProblem(ctx, c, cRef, 'is a component without a class (componentClassID)');
    const properties = readComponentProperties(c);
    const userType = properties.find((p) => p.name === 'UserComponentTypeName')?.value;
    const hostClass = canonicalClass(rawClassId, 'component');
    const classId = hostClass === 'Microsoft.ManagedComponentHost' && userType ? canonicalClass(userType, 'component') : hostClass;

    const connections: ComponentConnection[] = kids(c, 'connections', 'connection').map((k) => {
      const id = a(k, 'connectionManagerRefId') ?? a(k, 'connectionManagerID') ?? '';
      const resolved = resolveConnection(ctx, id);
      if (id !== '' && resolved === undefined && !id.startsWith('Project.')) {
        addProblem(ctx, k, `${cRef}.Connections[${a(k, 'name') ?? ''}]`, `refers to a connection manager "${id}" that the package does not have`);
      }
      return {
        refId: a(k, 'refId') ?? `${cRef}.Connections[${a(k, 'name') ?? ''}]`,
        name: a(k, 'name') ?? '',
        description: a(k, 'description') ?? '',
        connectionManagerId: id,
        connectionManagerRefId: resolved ?? id,
        element: k,
      };
    });

    const inputs: Input[] = kids(c, 'inputs', 'input').map((i) => {
      const iRef = ioRefId(i, cRef, 'Inputs');
      const columns: InputColumn[] = kids(i, 'inputColumns', 'inputColumn').map((col) => {
        const lin = a(col, 'lineageId') ?? '';
        let lineageRefId: string | undefined;
        let upstreamName = '';
        if (legacy && /^-?\d+$/.test(lin)) {
          const hit = t.lineage.get(Number(lin));
          lineageRefId = hit?.refId;
          upstreamName = hit?.name ?? '';
        } else if (t.outputColumnRefIds.has(lin)) {
          lineageRefId = lin;
          upstreamName = t.columnNames.get(lin) ?? '';
        }
        // A column whose lineage is broken has no name to take: it is named by its ID so that messages can point at it.
        const name = a(col, 'cachedName') || a(col, 'name') || upstreamName || `#${a(col, 'id') ?? lin}`;
        const ref = colRefId(col, iRef, name);
        if (lineageRefId === undefined) addProblem(ctx, col, ref, `refers to lineage ID "${lin}", which no output column of the data flow has`);
        return {
          refId: ref,
          lineageRefId: lineageRefId ?? lin,
          lineageId: legacy && /^-?\d+$/.test(lin) ? Number(lin) : undefined,
          name,
          cachedDataType: a(col, 'cachedDataType') ?? '',
          cachedLength: num(col, 'cachedLength'),
          cachedPrecision: num(col, 'cachedPrecision'),
          cachedScale: num(col, 'cachedScale'),
          cachedCodePage: num(col, 'cachedCodepage'),
          usageType: a(col, 'usageType') ?? 'readOnly',
          externalMetadataColumnRefId: resolveRef(a(col, 'externalMetadataColumnId'), t, legacy),
          errorRowDisposition: a(col, 'errorRowDisposition') ?? 'NotUsed',
          truncationRowDisposition: a(col, 'truncationRowDisposition') ?? 'NotUsed',
          properties: readComponentProperties(col),
          element: col,
        };
      });
      return {
        refId: iRef,
        name: a(i, 'name') ?? '',
        description: a(i, 'description') ?? '',
        id: intId(i),
        hasSideEffects: parseBool(a(i, 'hasSideEffects'), false),
        errorRowDisposition: a(i, 'errorRowDisposition') ?? 'NotUsed',
        truncationRowDisposition: a(i, 'truncationRowDisposition') ?? 'NotUsed',
        columns,
        externalColumns: readExternal(i, iRef),
        properties: readComponentProperties(i),
        element: i,
      };
    });

    const outputs: Output[] = kids(c, 'outputs', 'output').map((o) => {
      const oRef = ioRefId(o, cRef, 'Outputs');
      const columns: OutputColumn[] = kids(o, 'outputColumns', 'outputColumn').map((col) => {
        const name = a(col, 'name') ?? '';
        const lin = a(col, 'lineageId');
        return {
          refId: colRefId(col, oRef, name),
          name,
          description: a(col, 'description') ?? '',
          lineageId: lin !== undefined && /^-?\d+$/.test(lin) ? Number(lin) : undefined,
          id: intId(col),
          ...columnType(col),
          externalMetadataColumnRefId: resolveRef(a(col, 'externalMetadataColumnId'), t, legacy),
          sortKeyPosition: num(col, 'sortKeyPosition'),
          comparisonFlags: num(col, 'comparisonFlags'),
          specialFlags: num(col, 'specialFlags'),
          errorRowDisposition: a(col, 'errorRowDisposition') ?? 'NotUsed',
          truncationRowDisposition: a(col, 'truncationRowDisposition') ?? 'NotUsed',
          errorOrTruncationOperation: a(col, 'errorOrTruncationOperation') ?? '',
          properties: readComponentProperties(col),
          element: col,
        };
      });
      const sync = resolveRef(a(o, 'synchronousInputId'), t, legacy);
      return {
        refId: oRef,
        name: a(o, 'name') ?? '',
        description: a(o, 'description') ?? '',
        id: intId(o),
        isErrorOut: parseBool(a(o, 'isErrorOut'), false),
        isSorted: parseBool(a(o, 'isSorted'), false),
        synchronousInputRefId: sync,
        exclusionGroup: num(o, 'exclusionGroup'),
        errorRowDisposition: a(o, 'errorRowDisposition') ?? 'NotUsed',
        truncationRowDisposition: a(o, 'truncationRowDisposition') ?? 'NotUsed',
        columns,
        externalColumns: readExternal(o, oRef),
        properties: readComponentProperties(o),
        element: o,
      };
    });

    return {
      refId: cRef,
      name: a(c, 'name') ?? '',
      description: a(c, 'description') ?? '',
      id: intId(c),
      classId,
      rawClassId,
      userComponentTypeName: userType,
      contactInfo: a(c, 'contactInfo') ?? '',
      version: num(c, 'version'),
      usesDispositions: parseBool(a(c, 'usesDispositions'), false),
      validateExternalMetadata: parseBool(a(c, 'validateExternalMetadata'), true),
      localeId: num(c, 'localeId', -1),
      properties,
      connections,
      inputs,
      outputs,
      element: c,
    };
  });

  const paths: Path[] = kids(pipeline, 'paths', 'path').map((p) => {
    const name = a(p, 'name') ?? '';
    const refId = a(p, 'refId') ?? `${taskRefId}.Paths[${name}]`;
    const start = resolveRef(a(p, 'startId'), t, legacy);
    const end = resolveRef(a(p, 'endId'), t, legacy);
    if (start === undefined || !t.outputRefIds.has(start)) addProblem(ctx, p, refId, `starts at "${a(p, 'startId') ?? ''}", which is not an output of the data flow`);
    if (end === undefined || !t.inputRefIds.has(end)) addProblem(ctx, p, refId, `ends at "${a(p, 'endId') ?? ''}", which is not an input of the data flow`);
    return { refId, name, startRefId: start ?? a(p, 'startId') ?? '', endRefId: end ?? a(p, 'endId') ?? '', id: intId(p), element: p };
  });

  return { components, paths, lineageIds, element: pipeline };
}
