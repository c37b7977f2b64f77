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
  const p = d.propertiesOf(inner);
  const columns: FlatFileColumn[] = d.items(inner, 'FlatFileColumns', 'FlatFileColumn').map((el) => {
    const c = d.propertiesOf(el);
    return {
      name: c.get('ObjectName') ?? '',
      dtsId: c.get('DTSID') ?? '',
      dataType: parseIntOr(c.get('DataType'), 129),
      columnType: c.get('ColumnType') ?? 'Delimited',
      columnDelimiter: decodeXmlEscapes(c.get('ColumnDelimiter') ?? ''),
      columnWidth: parseIntOr(c.get('ColumnWidth'), 0),
      maximumWidth: parseIntOr(c.get('MaximumWidth'), 0),
      dataPrecision: parseIntOr(c.get('DataPrecision'), 0),
      dataScale: parseIntOr(c.get('DataScale'), 0),
      textQualified: parseBool(c.get('TextQualified'), true),
      fastParse: parseBool(c.get('FastParse'), false),
    };
  });
  return {
    format: p.get('Format') ?? 'Delimited',
    codePage: parseIntOr(p.get('CodePage'), 1252),
    unicode: parseBool(p.get('Unicode'), false),
    localeId: parseIntOr(p.get('LocaleID'), 1033),
    headerRowsToSkip: parseIntOr(p.get('HeaderRowsToSkip'), 0),
    headerRowDelimiter: decodeXmlEscapes(p.get('HeaderRowDelimiter') ?? '_x000D__x000A_'),
    rowDelimiter: decodeXmlEscapes(p.get('RowDelimiter') ?? ''),
    textQualifier: decodeXmlEscapes(p.get('TextQualifier') ?? '<none>'),
    columnNamesInFirstDataRow: parseBool(p.get('ColumnNamesInFirstDataRow'), false),
    dataRowsToSkip: parseIntOr(p.get('DataRowsToSkip'), 0),
    columns,
  };
}

/** One connection manager element (package-level or a project `.conmgr`'s root). */
export function readConnectionManager(el: XmlElement, ctx: ReadContext, scope = 'Package'): ConnectionManager {
  const d = ctx.dialect;
  const props = d.propertiesOf(el);
  const name = props.get('ObjectName') ?? '';
  const creationName = props.get('CreationName') ?? '';
  const objectData = elementNamed(el, 'ObjectData');
  const inner = objectData ? elementChildren(objectData)[0] : undefined;
  const innerProps = inner ? d.props(inner) : {};
  const encrypted = inner ? encryptedProperty(inner, 'ConnectionString') : false;
  const connectionString = encrypted ? undefined : inner ? d.prop(inner, 'ConnectionString') ?? '' : '';
  const type = canonicalConnection(creationName);
  const cm: ConnectionManager = {
    refId: props.get('refId') ?? `${scope}.ConnectionManagers[${name}]`,
    dtsId: props.get('DTSID') ?? '',
    name,
    description: props.get('Description') ?? '',
    creationName,
    type,
    connectionString,
    connectionProperties: connectionString ? parseConnectionString(connectionString) : {},
    delayValidation: parseBool(props.get('DelayValidation'), false),
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
