/** @module The product versions side by side (2005 read-only, 2008, 2012, 2014): every fact that differs between them, as data. */

/** The versions a tool can act as. 2005 exists only as an input format. */
export type ProductYear = 2005 | 2008 | 2012 | 2014;
/** The versions OpenDTS installs and runs side by side. */
export type ToolYear = 2008 | 2012 | 2014;

/** Everything about one product version that code may need to ask. */
export interface ProductVersion {
  readonly year: ProductYear;
  /** The folder number under the installation root, as in `Microsoft SQL Server\120`. */
  readonly folder: '90' | '100' | '110' | '120';
  /** Internal major version (`9.0`, `10.0`, `11.0`, `12.0`). */
  readonly internalVersion: string;
  /** The `PackageFormatVersion` a package of this version carries. */
  readonly packageFormat: 2 | 3 | 6 | 8;
  /** `msdb.dbo.sysssispackages.packageformat`: 2 = 2005 format, 3 = 2008 or later. */
  readonly msdbPackageFormat: 2 | 3;
  /** The assembly version of the runtime, for binding and for banners. */
  readonly assemblyVersion: string;
  /** The build number dtexec prints in its banner. */
  readonly buildNumber: string;
  /** Product name as printed in banners and messages. */
  readonly productName: string;
  /** The Windows service name of the Integration Services service. */
  readonly serviceName: string;
  /** The settings location SSIS uses (the "registry key"), as SSIS documents it. */
  readonly registryKey: string;
  /** The msdb tables that hold packages, folders and logs for this version. */
  readonly msdb: { readonly packages: string; readonly folders: string; readonly log: string };
  /** Whether OpenDTS can write packages in this version's format and run it as a tool. */
  readonly isTool: boolean;
  /** Features that exist from this version on. */
  readonly features: VersionFeatures;
}

/** Feature switches: code asks these instead of comparing version numbers. */
export interface VersionFeatures {
  /** Package and project parameters (`$Package::`, `$Project::`). */
  readonly parameters: boolean;
  /** The Expression task. */
  readonly expressionTask: boolean;
  /** The functions LEFT, REPLACENULL, TOKEN, TOKENCOUNT. */
  readonly expressionFunctions2012: boolean;
  /** String results of expressions are limited to 4000 characters. */
  readonly expressionStringLimit4000: boolean;
  /** The 2012 serialization: properties as attributes, refId paths instead of integer lineage IDs. */
  readonly refIdSerialization: boolean;
  /** Version-independent class names (`Microsoft.Package`, `Microsoft.DerivedColumn`). */
  readonly monikerClassIds: boolean;
  /** The project deployment model (.ispac, Project.params, .conmgr). */
  readonly projectDeployment: boolean;
  /** The Lookup transformation's cache modes and the Cache connection manager. */
  readonly lookupCacheModes: boolean;
  /** The 2012 flat file parser rules (short rows, embedded qualifiers). */
  readonly flatFileParsing2012: boolean;
}

const FEATURES_2005: VersionFeatures = {
  parameters: false,
  expressionTask: false,
  expressionFunctions2012: false,
  expressionStringLimit4000: true,
  refIdSerialization: false,
  monikerClassIds: false,
  projectDeployment: false,
  lookupCacheModes: false,
  flatFileParsing2012: false,
};
const FEATURES_2008: VersionFeatures = { ...FEATURES_2005, lookupCacheModes: true };
const FEATURES_2012: VersionFeatures = {
  ...FEATURES_2008,
  parameters: true,
  expressionTask: true,
  expressionFunctions2012: true,
  expressionStringLimit4000: false,
  refIdSerialization: true,
  projectDeployment: true,
  flatFileParsing2012: true,
};
const FEATURES_2014: VersionFeatures = { ...FEATURES_2012, monikerClassIds: true };

const MSDB_2008 = { packages: 'sysssispackages', folders: 'sysssispackagefolders', log: 'sysssislog' } as const;

/** The table itself, oldest first. */
export const PRODUCT_VERSIONS: readonly ProductVersion[] = [
  {
    year: 2005,
    folder: '90',
    internalVersion: '9.0',
    packageFormat: 2,
    msdbPackageFormat: 2,
    assemblyVersion: '9.0.242.0',
    buildNumber: '9.00.5000.00',
    productName: 'Microsoft SQL Server 2005',
    serviceName: 'MsDtsServer',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\90\\SSIS',
    msdb: { packages: 'sysdtspackages90', folders: 'sysdtspackagefolders90', log: 'sysdtslog90' },
    isTool: false,
    features: FEATURES_2005,
  },
  {
    year: 2008,
    folder: '100',
    internalVersion: '10.0',
    packageFormat: 3,
    msdbPackageFormat: 3,
    assemblyVersion: '10.0.0.0',
    buildNumber: '10.50.6000.34',
    productName: 'Microsoft SQL Server 2008 R2',
    serviceName: 'MsDtsServer100',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\100\\SSIS',
    msdb: MSDB_2008,
    isTool: true,
    features: FEATURES_2008,
  },
  {
    year: 2012,
    folder: '110',
    internalVersion: '11.0',
    packageFormat: 6,
    msdbPackageFormat: 3,
    assemblyVersion: '11.0.0.0',
    buildNumber: '11.0.7001.0',
    productName: 'Microsoft SQL Server 2012',
    serviceName: 'MsDtsServer110',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\110\\SSIS',
    msdb: MSDB_2008,
    isTool: true,
    features: FEATURES_2012,
  },
  {
    year: 2014,
    folder: '120',
    internalVersion: '12.0',
    packageFormat: 8,
    msdbPackageFormat: 3,
    assemblyVersion: '12.0.0.0',
    buildNumber: '12.0.6024.0',
    productName: 'Microsoft SQL Server 2014',
    serviceName: 'MsDtsServer120',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\120\\SSIS',
    msdb: MSDB_2008,
    isTool: true,
    features: FEATURES_2014,
  },
];

/** The version OpenDTS acts as when nothing else says: the current one. */
export const CURRENT_YEAR: ToolYear = 2014;
