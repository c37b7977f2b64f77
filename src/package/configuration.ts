/** @module Package configurations (2005-2008 deployment model; still honoured later). */
import type { XmlElement } from '../xml/index.ts';

/** DTSConfigurationType values. */
export const CONFIGURATION_TYPES = {
  ConfigFile: 1,
  EnvVariable: 2,
  RegEntry: 3,
  ParentVariable: 4,
  SqlServer: 5,
  IndirectConfigFile: 6,
  IndirectEnvVariable: 7,
  IndirectRegEntry: 8,
  IndirectParentVariable: 9,
  IndirectSqlServer: 10,
} as const;

/** A package configuration. */
export interface Configuration {
  dtsId: string;
  name: string;
  description: string;
  /** DTSConfigurationType (see {@link CONFIGURATION_TYPES}). */
  type: number;
  /** The file, variable, connection/table/filter, etc., as written. */
  configurationString: string;
  /** For ParentVariable: the property path it sets. */
  configurationVariable: string;
  readonly element: XmlElement;
}
