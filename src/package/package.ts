/** @module The package: the root container with its properties, connection managers, parameters, configurations, log providers and upgrade problems. */
import type { XmlDocument } from '../xml/index.ts';
import type { ContainerBase } from './executable.ts';
import type { ConnectionManager } from './connection-manager.ts';
import type { Parameter } from './parameter.ts';
import type { Configuration } from './configuration.ts';
import type { LogProvider } from './logging.ts';
import type { UpgradeProblem } from './problems.ts';

/** A `PackageFormatVersion`: 2 (2005), 3 (2008), 6 (2012), 8 (2014). */
export type PackageFormat = 2 | 3 | 6 | 8;
/** The formats OpenDTS writes. */
export type WritableFormat = 3 | 6 | 8;

/** A loaded (or created) package. */
export interface Package extends ContainerBase {
  readonly kind: 'Package';
  /** The format of the file as read (or as created). */
  readonly sourceFormat: PackageFormat;
  /** The format of the XML the model holds (a package created for format 3 is built in the 2012 shape and written back as 3). */
  readonly xmlFormat: PackageFormat;
  /** The format the model is upgraded to: the tool's format, never lower than `sourceFormat`. */
  formatVersion: PackageFormat;
  /** `DTS:ProtectionLevel` (default 1, EncryptSensitiveWithUserKey; see `ProtectionLevel` in `src/protection`). */
  protectionLevel: number;
  /** -1 = number of logical processors + 2. */
  maxConcurrentExecutables: number;
  checkpointFileName: string;
  /** Never 0, IfExists 1, Always 2. */
  checkpointUsage: number;
  saveCheckpoints: boolean;
  /** `EnableConfig`: whether package configurations are applied. */
  enableConfigurations: boolean;
  suppressConfigurationWarnings: boolean;
  packageType: number;
  versionMajor: number;
  versionMinor: number;
  versionBuild: number;
  versionGuid: string;
  versionComments: string;
  creatorName: string;
  creatorComputerName: string;
  creationDate: string;
  lastModifiedProductVersion: string;
  connectionManagers: ConnectionManager[];
  /** Package parameters (2012+). */
  parameters: Parameter[];
  configurations: Configuration[];
  logProviders: LogProvider[];
  /** Problems met while reading or upgrading; a package with problems cannot run ({@link assertRunnable}). */
  problems: UpgradeProblem[];
  /** Things a user should know that do not stop the package (e.g. a value encrypted with a user key, treated as missing). */
  warnings: string[];
  /**
   * Set when values were decrypted with a password on load: saving encrypts them again with the same password
   * and level (so the saved bytes differ from the file's: new salt and IV).
   */
  protection?: { readonly level: number; readonly password: string };
  /** The file name it was read from, for messages. */
  fileName?: string;
  /** The XML it was read from (edits go here; saving an unchanged package gives back its bytes). */
  readonly xml: XmlDocument;
}
