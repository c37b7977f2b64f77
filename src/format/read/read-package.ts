/** @module `readPackage`: bytes → the package model, upgraded in memory to the tool's format, with SSIS's version rules. */
import { parseXml, type XmlDocument, type XmlElement } from '../../xml/index.ts';
import { SsisError, isSsisError, errorMessage } from '../../errors.ts';
import type { Configuration, LogProvider, Package, PackageFormat } from '../../package/index.ts';
import { CURRENT_YEAR, versionOfFormat, versionOfYear, type ToolYear } from '../../versions/index.ts';
import { dialectOf, parseBool, parseIntOr, LEGACY } from '../dialect.ts';
import { DTS_NS, attrLocal } from '../dom.ts';
import { newContext, type ReadContext } from './context.ts';
import { readConnectionManagers } from './read-connections.ts';
import { readParameters } from './read-variables.ts';
import { readExecutable } from './read-executable.ts';
import { refuseNewerFormat } from './version-rules.ts';
import { canonicalClass } from './class-names.ts';
import { registerPackage } from '../package-registry.ts';
import { decryptPackageXml } from '../../protection/index.ts';

/** Options of {@link readPackage}. */
export interface ReadOptions {
  /** For messages. */
  fileName?: string;
  /** The version acting as the tool (default 2014): it refuses newer formats and upgrades older ones in memory. */
  tool?: ToolYear;
  /** The password of a package protected with EncryptSensitiveWithPassword / EncryptAllWithPassword. */
  password?: string;
}

function loadError(message: string, file: string | undefined, el?: XmlElement): SsisError {
  return new SsisError('0xC0010018', 'DTS_E_LOADFROMXML', message, {
    location: { file: file ?? '<package>', line: el?.line || undefined, column: el?.column || undefined },
  });
}

/** The `PackageFormatVersion` of a package root, or undefined when it has none. */
export function formatOfRoot(root: XmlElement): number | undefined {
  const v = LEGACY.prop(root, 'PackageFormatVersion');
  if (v === undefined || !/^\s*-?\d+\s*$/.test(v)) return undefined;
  return Number(v);
}

function readLogProviders(root: XmlElement, ctx: ReadContext): LogProvider[] {
  const d = ctx.dialect;
  return d.items(root, 'LogProviders', 'LogProvider').map((el) => {
    const creationName = d.prop(el, 'CreationName') ?? '';
    return {
      dtsId: d.prop(el, 'DTSID') ?? '',
      name: d.prop(el, 'ObjectName') ?? '',
      description: d.prop(el, 'Description') ?? '',
      creationName,
      classId: canonicalClass(creationName, 'logProvider'),
      configString: d.prop(el, 'ConfigString') ?? '',
      element: el,
    };
  });
}

function readConfigurations(root: XmlElement, ctx: ReadContext): Configuration[] {
  const d = ctx.dialect;
  return d.items(root, 'Configurations', 'Configuration').map((el) => ({
    dtsId: d.prop(el, 'DTSID') ?? '',
    name: d.prop(el, 'ObjectName') ?? '',
    description: d.prop(el, 'Description') ?? '',
    type: parseIntOr(d.prop(el, 'ConfigurationType'), 1),
    configurationString: d.prop(el, 'ConfigurationString') ?? '',
    configurationVariable: d.prop(el, 'ConfigurationVariable') ?? '',
    element: el,
  }));
}

const ENCRYPTED = Buffer.from('Encrypted');
const SALT = Buffer.from('Salt=');

/**
 * False when the input certainly holds no encrypted value (a quick byte search), so the protection walk can be
 * skipped. UTF-16 input is always searched by the walk.
 */
function mayHoldEncryption(input: Uint8Array | string): boolean {
  if (typeof input === 'string') return input.includes('Encrypted') || input.includes('Salt=');
  const b = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || b[1] === 0) return true;
  return b.includes(ENCRYPTED) || b.includes(SALT);
}

/** Lifts a parsed package document into the model (no version rule applied). */
export function liftPackage(xml: XmlDocument, format: PackageFormat, tool: ToolYear, fileName?: string): Package {
  const root = xml.root;
  const ctx = newContext(dialectOf(format), format, fileName);
  const connectionManagers = readConnectionManagers(root, ctx);
  const exe = readExecutable(root, undefined, ctx);
  const p = exe.properties;
  const toolFormat = versionOfYear(tool).packageFormat;
  const pkg: Package = {
    ...(exe as Package),
    kind: 'Package',
    sourceFormat: format,
    xmlFormat: format,
    formatVersion: Math.max(format, toolFormat) as PackageFormat,
    protectionLevel: parseIntOr(p['ProtectionLevel'], 1),
    maxConcurrentExecutables: parseIntOr(p['MaxConcurrentExecutables'], -1),
    checkpointFileName: p['CheckpointFileName'] ?? '',
    checkpointUsage: parseIntOr(p['CheckpointUsage'], 0),
    saveCheckpoints: parseBool(p['SaveCheckpoints'], false),
    enableConfigurations: parseBool(p['EnableConfig'], false),
    suppressConfigurationWarnings: parseBool(p['SuppressConfigurationWarnings'], false),
    packageType: parseIntOr(p['PackageType'], 5),
    versionMajor: parseIntOr(p['VersionMajor'], 1),
    versionMinor: parseIntOr(p['VersionMinor'], 0),
    versionBuild: parseIntOr(p['VersionBuild'], 0),
    versionGuid: p['VersionGUID'] ?? '',
    versionComments: p['VersionComments'] ?? '',
    creatorName: p['CreatorName'] ?? '',
    creatorComputerName: p['CreatorComputerName'] ?? '',
    creationDate: p['CreationDate'] ?? '',
    lastModifiedProductVersion: p['LastModifiedProductVersion'] ?? '',
    connectionManagers,
    parameters: readParameters(root, ctx),
    configurations: readConfigurations(root, ctx),
    logProviders: readLogProviders(root, ctx),
    problems: ctx.problems,
    warnings: ctx.warnings,
    fileName,
    xml,
  };
  registerPackage(pkg);
  return pkg;
}

/**
 * Reads a package. The tool (default 2014) refuses a newer format (0xC001700A DTS_E_INVALIDVERSIONNUMBER) and
 * upgrades an older one in memory; problems met on the way are listed in `problems` (see `assertRunnable`).
 * Bad input raises one SsisError naming the file, the line and the problem.
 */
export function readPackage(input: Uint8Array | string, opts: ReadOptions = {}): Package {
  const file = opts.fileName;
  const tool = opts.tool ?? CURRENT_YEAR;
  let xml: XmlDocument;
  try {
    xml = parseXml(input, file);
  } catch (e) {
    if (isSsisError(e)) throw e;
    throw new SsisError('0xC0011007', 'DTS_E_FUNDAMENTALLOADINGERROR', `The file "${file ?? '<package>'}" could not be read as XML: ${errorMessage(e)}`, { location: { file }, cause: e });
  }
  const decrypted = mayHoldEncryption(input) ? decryptPackageXml(xml, opts.password) : { doc: xml, unavailable: [], decrypted: 0, wholeDocument: false, level: undefined };
  xml = decrypted.doc;
  const root = xml.root;
  if (root.localName !== 'Executable' || root.namespaceUri !== DTS_NS) {
    throw new SsisError('0xC0011007', 'DTS_E_FUNDAMENTALLOADINGERROR',
      `The file "${file ?? '<package>'}" is XML but not an SSIS package: its root element is <${root.name}>, not <DTS:Executable> in namespace "${DTS_NS}".`,
      { location: { file, line: root.line, column: root.column } });
  }
  const format = formatOfRoot(root);
  if (format === undefined) {
    throw loadError(`The package "${file ?? '<package>'}" has no PackageFormatVersion property: the required property <DTS:Property DTS:Name="PackageFormatVersion"> is missing.`, file, root);
  }
  refuseNewerFormat(format, tool, file);
  if (versionOfFormat(format) === undefined) {
    throw loadError(`The package "${file ?? '<package>'}" has PackageFormatVersion ${format}, which is not a format of any SSIS version OpenDTS knows (2, 3, 6 or 8).`, file, root);
  }
  if (!attrLocal(root, 'ExecutableType')) {
    throw loadError(`The package "${file ?? '<package>'}" lacks the required attribute DTS:ExecutableType on its root <DTS:Executable>.`, file, root);
  }
  const pkg = liftPackage(xml, format as PackageFormat, tool, file);
  for (const u of decrypted.unavailable) pkg.warnings.push(u.message);
  if (opts.password !== undefined && (decrypted.decrypted > 0 || decrypted.wholeDocument)) {
    pkg.protection = { level: decrypted.level ?? pkg.protectionLevel, password: opts.password };
  }
  return pkg;
}
