/** @module Log providers and the logging options of a container. */
import type { XmlElement } from '../xml/index.ts';

/** A log provider of the package. */
export interface LogProvider {
  dtsId: string;
  name: string;
  description: string;
  /** As written (`DTS.LogProviderSQLServer.2`, `Microsoft.LogProviderTextFile`, …). */
  creationName: string;
  /** Canonical (2014 moniker). */
  classId: string;
  /** The connection manager name (or file) the provider writes to. */
  configString: string;
  readonly element: XmlElement;
}

/** The logging options of a container. */
export interface LoggingOptions {
  /** UseParentSetting 0, Enabled 1, Disabled 2. */
  loggingMode: number;
  filterKind: number;
  /** `EventFilter` as written (`2,7,OnError,…`). */
  eventFilter: string;
  /** DTSIDs of the selected log providers. */
  selectedLogProviders: string[];
  readonly element: XmlElement;
}
