/** @module Reading connection managers: properties, parsed connection strings, flat file formats and columns. */
import type { XmlElement } from '../../xml/index.ts';
import type { ConnectionManager, FlatFileColumn, FlatFileSettings } from '../../package/index.ts';
import { parseConnectionString } from '../../package/index.ts';
import { parseBool, parseIntOr } from '../dialect.ts';
import { attrLocal, elementNamed, elementChildren, elementsNamed } from '../dom.ts';
import { decodeXmlEscapes } from '../xml-escapes.ts';
import { addProblem, readPropertyExpressions, type ReadContext } from './context.ts';
import { canonicalConnection } from './class-names.ts';

function encryptedProperty(el: XmlElement, name: string): boolean {
  return elementsNamed(el, 'Property').some((p) => attrLocal(p, 'Name') === name && parseBool(attrLocal(p, 'Encrypted'), false));
}

function readFlatFile(inner: XmlElement, ctx: ReadContext): FlatFileSettings {
  const d = ctx.dialect;
  const p = (n: string): string | undefined => d.prop(inner, n);
  const columns: FlatFileColumn[] = d.items(inner, 'FlatFileColumns', 'FlatFileColumn').map((c) => ({
    name: d.prop(c, 'ObjectName') ?? '',
    dtsId: d.prop(c, 'DTSID') ?? '',
    dataType: parseIntOr(d.prop(c, 'DataType'), 129),
    columnType: d.prop(c, 'ColumnType') ?? 'Delimited',
    columnDelimiter: decodeXmlEscapes(d.prop(c, 'ColumnDelimiter') ?? ''),
    columnWidth: parseIntOr(d.prop(c, 'ColumnWidth'), 0),
    maximumWidth: parseIntOr(d.prop(c, 'MaximumWidth'), 0),
    dataPrecision: parseIntOr(d.prop(c, 'DataPrecision'), 0),
    dataScale: parseIntOr(d.prop(c, 'DataScale'), 0),
    textQualified: parseBool(d.prop(c, 'TextQualified'), true),
    fastParse: parseBool(d.prop(c, 'FastParse'), false),
  }));
  return {
    format: p('Format') ?? 'Delimited',
    codePage: parseIntOr(p('CodePage'), 1252),
    unicode: parseBool(p('Unicode'), false),
    localeId: parseIntOr(p('LocaleID'), 1033),
    headerRowsToSkip: parseIntOr(p('HeaderRowsToSkip'), 0),
    headerRowDelimiter: decodeXmlEscapes(p('HeaderRowDelimiter') ?? '_x000D__x000A_'),
    rowDelimiter: decodeXmlEscapes(p('RowDelimiter') ?? ''),
    textQualifier: decodeXmlEscapes(p('TextQualifier') ?? '<none>'),
    columnNamesInFirstDataRow: parseBool(p('ColumnNamesInFirstDataRow'), false),
    dataRowsToSkip: parseIntOr(p('DataRowsToSkip'), 0),
    columns,
  };
}

/** One connection manager element (package-level or a project `.conmgr`'s root). */
export function readConnectionManager(el: XmlElement, ctx: ReadContext, scope = 'Package'): ConnectionManager {
  const d = ctx.dialect;
  const name = d.prop(el, 'ObjectName') ?? '';
  const creationName = d.prop(el, 'CreationName') ?? '';
  const objectData = elementNamed(el, 'ObjectData');
  const inner = objectData ? elementChildren(objectData)[0] : undefined;
  const innerProps = inner ? d.props(inner) : {};
  const encrypted = inner ? encryptedProperty(inner, 'ConnectionString') : false;
  const connectionString = encrypted ? undefined : inner ? d.prop(inner, 'ConnectionString') ?? '' : '';
  const type = canonicalConnection(creationName);
  const cm: ConnectionManager = {
    refId: d.prop(el, 'refId') ?? `${scope}.ConnectionManagers[${name}]`,
    dtsId: d.prop(el, 'DTSID') ?? '',
    name,
    description: d.prop(el, 'Description') ?? '',
    creationName,
    type,
    connectionString,
    connectionProperties: connectionString ? parseConnectionString(connectionString) : {},
    delayValidation: parseBool(d.prop(el, 'DelayValidation'), false),
    retainSameConnection: parseBool(innerProps['Retain'], false),
    properties: innerProps,
    propertyExpressions: readPropertyExpressions(el),
    element: el,
  };
  if (inner && (type === 'FLATFILE' || type === 'MULTIFLATFILE')) cm.flatFile = readFlatFile(inner, ctx);
  if (creationName === '') addProblem(ctx, el, cm.refId, 'is a connection manager without a type (CreationName)');
  if (name === '') addProblem(ctx, el, cm.refId, 'is a connection manager without a name (ObjectName)');
  return cm;
}

/** The package's connection managers; fills the context's look-up tables. */
export function readConnectionManagers(root: XmlElement, ctx: ReadContext): ConnectionManager[] {
  const list = ctx.dialect.items(root, 'ConnectionManagers', 'ConnectionManager').map((el) => readConnectionManager(el, ctx));
  for (const cm of list) {
    if (cm.dtsId) ctx.connectionsById.set(cm.dtsId.toUpperCase(), cm.refId);
    ctx.connectionsByName.set(cm.name, cm.refId);
  }
  return list;
}
