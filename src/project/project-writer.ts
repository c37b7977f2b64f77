/**
 * @module Writing project files for a 2012+ project built in code: `Project.params`, the project manifest (with each
 * package's metadata read from its XML), and a whole `.ispac`, laid out as SSIS writes them.
 */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { encryptProjectXml, formatProtectionLevel, passwordEmptyError, ProtectionLevel, usesPassword, usesUserKey } from '../protection/index.ts';
import { variableTypeOfCode, variableTypeOfName, variableTypeOfTypeCode } from '../types/index.ts';
import { attr, childElements, DTS_NAMESPACE, escapeAttribute, escapeText, firstChild, outerXml, parseXml, serializeXml, SSIS_NAMESPACE, textOf, type XmlElement } from '../xml/index.ts';
import { PARAMS_MEMBER, writeIspac } from './ispac.ts';
import { projectError } from './project-error.ts';

const DTS = (local: string) => `{${DTS_NAMESPACE}}${local}`;
const NL = '\r\n';

/** A parameter to write: its type as a .NET name (`String`, `Int32`, `Boolean`, `DateTime`, …) or a TypeCode number. */
export interface ParameterInput {
  readonly name: string;
  readonly dataType: string | number;
  readonly value?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly sensitive?: boolean;
  /** Defaults to a new GUID. */
  readonly id?: string;
}

/** A package of a project being built: its file name and bytes (format 6 or 8). */
export interface PackageInput {
  readonly name: string;
  readonly data: Uint8Array;
  /** Whether it can be started on its own (default true). */
  readonly entryPoint?: boolean;
}

/** A project to write. */
export interface ProjectInput {
  readonly name: string;
  readonly packages: readonly PackageInput[];
  readonly parameters?: readonly ParameterInput[];
  readonly connectionManagers?: readonly { readonly name: string; readonly data: Uint8Array }[];
  /**
   * Default DontSaveSensitive. At a password level the manifest gets a PasswordVerifier and sensitive parameter values
   * are encrypted with `password` (the packages must already be protected the same way); user-key levels cannot be
   * written here.
   */
  readonly protectionLevel?: ProtectionLevel;
  readonly password?: string;
  readonly id?: string;
  readonly description?: string;
  readonly version?: { readonly major?: number; readonly minor?: number; readonly build?: number; readonly comments?: string };
  /** CreationDate (a string is written as given); default now. A Date is also the members' timestamp. */
  readonly created?: Date | string;
  /** CreatorName and CreatorComputerName; default the current user and host. */
  readonly creatorName?: string;
  readonly creatorComputerName?: string;
}

/** A date as .NET's round-trip format writes it in local time: `2013-09-26T16:39:28.7670000-04:00`. */
export function dotNetRoundTripDate(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}0000${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function typeCodeOf(dataType: string | number, what: string): number {
  const type = typeof dataType === 'number' ? variableTypeOfTypeCode(dataType) : variableTypeOfName(dataType);
  if (type?.typeCode === undefined) throw projectError(`the data type "${dataType}" of ${what} is not a parameter type`, undefined);
  return type.typeCode;
}

/** `<SSIS:Property SSIS:Name="n">v</SSIS:Property>`; an empty value is written as SSIS writes it, as a line break. */
function property(indent: string, name: string, value: string, attrsOnNewLines: boolean): string {
  const open = attrsOnNewLines ? `<SSIS:Property${NL}${indent}  SSIS:Name="${escapeAttribute(name)}">` : `<SSIS:Property SSIS:Name="${escapeAttribute(name)}">`;
  const body = value === '' && !attrsOnNewLines ? NL + indent : escapeText(value, NL);
  return `${indent}${open}${body}</SSIS:Property>${NL}`;
}

interface ParameterFields {
  readonly id: string;
  readonly description: string;
  readonly required: boolean;
  readonly sensitive: boolean;
  readonly value: string | undefined;
  readonly typeCode: number;
}

function parameterXml(indent: string, name: string, p: ParameterFields, attrsOnNewLines: boolean): string {
  const inner = `${indent}    `;
  const props = [
    property(inner, 'ID', p.id, attrsOnNewLines),
    property(inner, 'CreationName', '', attrsOnNewLines),
    property(inner, 'Description', p.description, attrsOnNewLines),
    property(inner, 'IncludeInDebugDump', '0', attrsOnNewLines),
    property(inner, 'Required', p.required ? '1' : '0', attrsOnNewLines),
    property(inner, 'Sensitive', p.sensitive ? '1' : '0', attrsOnNewLines),
    ...(p.value === undefined ? [] : [property(inner, 'Value', p.value, attrsOnNewLines)]),
    property(inner, 'DataType', String(p.typeCode), attrsOnNewLines),
  ].join('');
  const open = attrsOnNewLines ? `<SSIS:Parameter${NL}${indent}  SSIS:Name="${escapeAttribute(name)}">` : `<SSIS:Parameter SSIS:Name="${escapeAttribute(name)}">`;
  return `${indent}${open}${NL}${indent}  <SSIS:Properties>${NL}${props}${indent}  </SSIS:Properties>${NL}${indent}</SSIS:Parameter>${NL}`;
}

function fields(p: ParameterInput): ParameterFields {
  return {
    id: p.id ?? `{${randomUUID()}}`,
    description: p.description ?? '',
    required: p.required ?? false,
    sensitive: p.sensitive ?? false,
    value: p.value,
    typeCode: typeCodeOf(p.dataType, `parameter "${p.name}"`),
  };
}

/** The bytes of a `Project.params` file, as the designer writes it (one attribute a line). */
export function writeProjectParams(parameters: readonly ParameterInput[]): Uint8Array {
  const body = parameters.map((p) => parameterXml('  ', p.name, fields(p), true)).join('');
  return new Uint8Array(Buffer.from(`<?xml version="1.0"?>${NL}<SSIS:Parameters xmlns:SSIS="${SSIS_NAMESPACE}">${NL}${body}</SSIS:Parameters>`, 'utf8'));
}

/** What the manifest records about a package, read from the package's XML. */
function packageMetadata(p: PackageInput): string {
  const root = parseXml(p.data, p.name).root;
  if (root.namespaceUri !== DTS_NAMESPACE || root.localName !== 'Executable') throw projectError('this is not an SSIS package', p.name, root);
  const formatProperty = childElements(root, DTS('Property')).find((e) => attr(e, DTS('Name')) === 'PackageFormatVersion');
  const format = formatProperty ? textOf(formatProperty).trim() : '';
  const dtsId = attr(root, DTS('DTSID'));
  if (format === '' || Number(format) < 6 || dtsId === undefined) {
    throw projectError(`a project holds packages of the 2012 format or later (PackageFormatVersion 6 or 8), and this one has format ${format || 'unknown'}; upgrade it first`, p.name, root);
  }
  const a = (n: string, d = '') => attr(root, DTS(n)) ?? d;
  const indent = '          ';
  const props = [
    property(indent, 'ID', dtsId, false),
    property(indent, 'Name', a('ObjectName'), false),
    property(indent, 'VersionMajor', a('VersionMajor', '1'), false),
    property(indent, 'VersionMinor', a('VersionMinor', '0'), false),
    property(indent, 'VersionBuild', a('VersionBuild', '0'), false),
    property(indent, 'VersionComments', a('VersionComments'), false),
    property(indent, 'VersionGUID', a('VersionGUID'), false),
    property(indent, 'PackageFormatVersion', format, false),
    property(indent, 'Description', a('Description'), false),
    property(indent, 'ProtectionLevel', a('ProtectionLevel', '1'), false),
  ].join('');
  const params = childElements(firstChild(root, DTS('PackageParameters')) ?? root, DTS('PackageParameter')).map((pp: XmlElement) => {
    const name = attr(pp, DTS('ObjectName')) ?? '';
    const code = Number(attr(pp, DTS('DataType')) ?? '8');
    const typeCode = variableTypeOfCode(code)?.typeCode;
    if (typeCode === undefined) throw projectError(`package parameter "${name}" has data type ${code}, which has no parameter type`, p.name, pp);
    const valueEl = childElements(pp, DTS('Property')).find((e) => attr(e, DTS('Name')) === 'ParameterValue');
    const sensitive = (attr(pp, DTS('Sensitive')) ?? '').toLowerCase() === 'true';
    return parameterXml('          ', name, {
      id: attr(pp, DTS('DTSID')) ?? '',
      description: attr(pp, DTS('Description')) ?? '',
      required: (attr(pp, DTS('Required')) ?? '').toLowerCase() === 'true',
      sensitive,
      // Sensitive values are not copied into the manifest.
      value: sensitive || !valueEl ? undefined : textOf(valueEl),
      typeCode,
    }, false);
  });
  const parameters = params.length === 0 ? `        <SSIS:Parameters />${NL}` : `        <SSIS:Parameters>${NL}${params.join('')}        </SSIS:Parameters>${NL}`;
  return `      <SSIS:PackageMetaData SSIS:Name="${escapeAttribute(p.name)}">${NL}        <SSIS:Properties>${NL}${props}        </SSIS:Properties>${NL}${parameters}      </SSIS:PackageMetaData>${NL}`;
}

/** The protection level of `project`, checked: no user-key levels, and a password for the password levels. */
function checkedLevel(project: ProjectInput): ProtectionLevel {
  const level = project.protectionLevel ?? ProtectionLevel.DontSaveSensitive;
  if (level === ProtectionLevel.ServerStorage || usesUserKey(level)) {
    throw projectError(`a project cannot be written with ${formatProtectionLevel(level)} here (no Windows user key); use a password level or DontSaveSensitive`, project.name);
  }
  if (usesPassword(level) && !project.password) throw passwordEmptyError();
  return level;
}

/** The manifest's PasswordVerifier: the literal `SSIS`, encrypted with the project password (attribute form). */
function passwordVerifier(password: string): string {
  const doc = parseXml(`<SSIS:Project xmlns:SSIS="${SSIS_NAMESPACE}"><SSIS:Property SSIS:Name="PasswordVerifier" SSIS:Sensitive="1">SSIS</SSIS:Property></SSIS:Project>`);
  encryptProjectXml(doc, ProtectionLevel.EncryptSensitiveWithPassword, password);
  return outerXml(childElements(doc.root)[0]);
}

/** The bytes of a project manifest (`@Project.manifest`) for `project`. */
export function writeProjectManifest(project: ProjectInput): Uint8Array {
  const created = project.created ?? new Date();
  let creator = project.creatorName;
  if (creator === undefined) {
    try {
      creator = userInfo().username;
    } catch {
      creator = '';
    }
  }
  const v = project.version ?? {};
  const indent = '    ';
  const levelNumber = checkedLevel(project);
  const props = [
    property(indent, 'ID', project.id ?? `{${randomUUID()}}`, false),
    property(indent, 'Name', project.name, false),
    property(indent, 'VersionMajor', String(v.major ?? 1), false),
    property(indent, 'VersionMinor', String(v.minor ?? 0), false),
    property(indent, 'VersionBuild', String(v.build ?? 0), false),
    property(indent, 'VersionComments', v.comments ?? '', false),
    property(indent, 'CreationDate', typeof created === 'string' ? created : dotNetRoundTripDate(created), false),
    property(indent, 'CreatorName', creator, false),
    property(indent, 'CreatorComputerName', project.creatorComputerName ?? hostname(), false),
    property(indent, 'Description', project.description ?? '', false),
    ...(usesPassword(levelNumber) ? [`${indent}${passwordVerifier(project.password!)}${NL}`] : []),
    property(indent, 'FormatVersion', '1', false),
  ].join('');
  const list = (tag: string, items: string[]) =>
    items.length === 0 ? `  <SSIS:${tag}s />${NL}` : `  <SSIS:${tag}s>${NL}${items.join('')}  </SSIS:${tag}s>${NL}`;
  const packages = list('Package', project.packages.map((p) => `    <SSIS:Package SSIS:Name="${escapeAttribute(p.name)}" SSIS:EntryPoint="${p.entryPoint === false ? 0 : 1}" />${NL}`));
  const connections = list('ConnectionManager', (project.connectionManagers ?? []).map((c) => `    <SSIS:ConnectionManager SSIS:Name="${escapeAttribute(c.name)}" />${NL}`));
  const level = formatProtectionLevel(levelNumber);
  const text =
    `<SSIS:Project SSIS:ProtectionLevel="${level}" xmlns:SSIS="${SSIS_NAMESPACE}">${NL}  <SSIS:Properties>${NL}${props}  </SSIS:Properties>${NL}` +
    packages +
    connections +
    `  <SSIS:DeploymentInfo>${NL}    <SSIS:ProjectConnectionParameters />${NL}    <SSIS:PackageInfo>${NL}${project.packages.map(packageMetadata).join('')}    </SSIS:PackageInfo>${NL}  </SSIS:DeploymentInfo>${NL}</SSIS:Project>`;
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * The bytes of an `.ispac` holding `project`: its packages and connection managers, `Project.params` and a manifest.
 * Connection manager parameters (`CM.<name>.<property>`) are not generated.
 */
export async function createIspac(project: ProjectInput): Promise<Uint8Array> {
  const level = checkedLevel(project);
  let parameters = writeProjectParams(project.parameters ?? []);
  if (usesPassword(level)) parameters = serializeXml(encryptProjectXml(parseXml(parameters, PARAMS_MEMBER), level, project.password));
  return writeIspac({
    manifest: writeProjectManifest(project),
    parameters,
    packages: project.packages,
    ...(project.connectionManagers ? { connectionManagers: project.connectionManagers } : {}),
    ...(project.created instanceof Date ? { mtime: project.created } : {}),
  });
}
