/** @module `createPackage`: a new, empty package for SQL Server 2008, 2012 or 2014, ready to be filled with the builder functions. */
import { hostname, userInfo } from 'node:os';
import { createDocument, parseXml, serializeXml } from '../../xml/index.ts';
import type { Package, WritableFormat } from '../../package/index.ts';
import { classIdForFormat, versionOfFormat } from '../../versions/index.ts';
import { liftPackage } from '../read/read-package.ts';
import { h } from './tree.ts';
import { randomIds, type IdSource } from './ids.ts';
import { rememberBuilder } from './builder-state.ts';
import { registerPackage } from '../package-registry.ts';

/** Options of {@link createPackage}. */
export interface CreatePackageOptions {
  name: string;
  /** The format to save in: 3 (2008), 6 (2012) or 8 (2014, the default). */
  format?: WritableFormat;
  description?: string;
  /** Default 0 (DontSaveSensitive): the user-key levels need Windows. */
  protectionLevel?: number;
  /** Where new DTSIDs come from (default random; `sequentialIds()` for reproducible files). */
  ids?: IdSource;
  /** `DTS:CreationDate`, as SSIS writes it (`M/d/yyyy h:mm:ss AM`). */
  creationDate?: string;
  creatorName?: string;
  creatorComputerName?: string;
}

function ssisDate(d: Date): string {
  const h12 = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${h12}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
}

/**
 * A new package. Packages for 2012 and 2014 are built in their own format; a package for 2008 is built in the
 * 2012 shape and written as format 3 by `writePackage`.
 */
export function createPackage(opts: CreatePackageOptions): Package {
  const format = opts.format ?? 8;
  // A 2008 package is built in the 2012 shape (the builder's one XML shape) and written back as format 3.
  const xmlFormat = versionOfFormat(format)?.features.refIdSerialization ? format : 6;
  const ids = opts.ids ?? randomIds;
  const type = classIdForFormat('Microsoft.Package', xmlFormat);
  const version = versionOfFormat(format);
  const root = h('DTS:Executable', {
    'xmlns:DTS': 'www.microsoft.com/SqlServer/Dts',
    'DTS:refId': 'Package',
    'DTS:CreationDate': opts.creationDate ?? ssisDate(new Date()),
    'DTS:CreationName': type,
    'DTS:CreatorComputerName': opts.creatorComputerName ?? hostname(),
    'DTS:CreatorName': opts.creatorName ?? userInfo().username,
    'DTS:Description': opts.description,
    'DTS:DTSID': ids(),
    'DTS:ExecutableType': type,
    'DTS:LastModifiedProductVersion': version?.buildNumber,
    'DTS:LocaleID': '1033',
    'DTS:ObjectName': opts.name,
    'DTS:PackageType': '5',
    'DTS:ProtectionLevel': String(opts.protectionLevel ?? 0),
    'DTS:VersionBuild': '1',
    'DTS:VersionGUID': ids(),
  }, [
    '\n  ', h('DTS:Property', { 'DTS:Name': 'PackageFormatVersion' }, [String(xmlFormat)]),
    '\n  ', h('DTS:Variables'),
    '\n  ', h('DTS:Executables'),
    '\n',
  ]);
  // Written out and read back so that the new package's XML has source text: later edits keep the rest byte-stable.
  const doc = parseXml(serializeXml(createDocument(root, { bom: true, lineEnding: '\r\n' })), `${opts.name}.dtsx`);
  const lifted = liftPackage(doc, xmlFormat, 2014);
  const pkg: Package = { ...lifted, sourceFormat: format, formatVersion: Math.max(format, lifted.formatVersion) as Package['formatVersion'] };
  registerPackage(pkg);
  rememberBuilder(pkg, ids);
  return pkg;
}
