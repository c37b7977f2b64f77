/** @module Reading `.conmgr` files: the project connection managers of a 2012+ project. */
import type { UnavailableValue } from '../protection/index.ts';
import { attr, childElements, descendants, DTS_NAMESPACE, firstChild, textOf, type XmlDocument, type XmlElement } from '../xml/index.ts';
import type { ProjectReadOptions } from './project-params.ts';
import { projectError } from './project-error.ts';
import { decryptSensitiveValues } from './sensitive-values.ts';
import { loadProjectXml } from './xml-input.ts';

const DTS = (local: string) => `{${DTS_NAMESPACE}}${local}`;

/** A project connection manager. */
export interface ProjectConnectionManager {
  readonly name: string;
  readonly dtsId: string;
  /** The connection type as written (`OLEDB`, `FLATFILE`, `ADO.NET:System.Data.SqlClient.SqlConnection, …`, `SMTP`). */
  readonly creationName: string;
  readonly description: string;
  readonly delayValidation: boolean;
  /** The connection string from the type-specific ObjectData element; undefined when it has none. */
  readonly connectionString: string | undefined;
  /** The password, when the file holds one that could be read. */
  readonly password: string | undefined;
  /** Property expressions by property name. */
  readonly propertyExpressions: Readonly<Record<string, string>>;
  /** Every `DTS:` attribute of the root, by local name, as written. */
  readonly properties: Readonly<Record<string, string>>;
  /** The type-specific element inside `DTS:ObjectData` (for readers that know the type). */
  readonly objectData: XmlElement | undefined;
  readonly unavailable: readonly UnavailableValue[];
  /** The (decrypted) XML document; its root is the same `DTS:ConnectionManager` element a package holds. */
  readonly xml: XmlDocument;
}

/** Reads a `.conmgr` file. */
export function readConnectionManagerFile(input: Uint8Array | string | XmlDocument, fileName?: string, opts: ProjectReadOptions = {}): ProjectConnectionManager {
  const doc = loadProjectXml(input, fileName, DTS('ConnectionManager'), 'a connection manager (.conmgr) file');
  const root = doc.root;
  const sensitive = decryptSensitiveValues(doc, opts.password);
  const name = attr(root, DTS('ObjectName'));
  if (name === undefined) throw projectError('the connection manager has no DTS:ObjectName', fileName ?? doc.fileName, root);
  const objectData = firstChild(root, DTS('ObjectData'));
  const inner = objectData ? childElements(objectData)[0] : undefined;
  const passwordEl = inner ? descendants(inner).find((e) => e.localName === 'Password' && attr(e, DTS('Name')) === 'Password') : undefined;
  const properties: Record<string, string> = {};
  for (const a of root.attributes) if (a.name.startsWith(`${root.prefix}:`)) properties[a.name.slice(root.prefix.length + 1)] = a.value;
  const propertyExpressions: Record<string, string> = {};
  for (const pe of childElements(root, DTS('PropertyExpression'))) propertyExpressions[attr(pe, DTS('Name')) ?? ''] = textOf(pe);
  return {
    name,
    dtsId: attr(root, DTS('DTSID')) ?? '',
    creationName: attr(root, DTS('CreationName')) ?? '',
    description: attr(root, DTS('Description')) ?? '',
    delayValidation: (attr(root, DTS('DelayValidation')) ?? '').toLowerCase() === 'true',
    connectionString: inner ? (attr(inner, DTS('ConnectionString')) ?? attr(inner, '{}ConnectionString')) : undefined,
    password: passwordEl && !sensitive.byElement.has(passwordEl) ? textOf(passwordEl) : undefined,
    propertyExpressions,
    properties,
    objectData: inner,
    unavailable: sensitive.unavailable,
    xml: doc,
  };
}
