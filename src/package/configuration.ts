/** @module Package configurations (2005-2008 deployment model; still honoured later). */
import type { XmlElement } from '../xml/index.ts';

/** DTSConfigurationType values. */
export const CONFIGURATION_TYPES = {
  ParentVariable: 0,
  ConfigFile: 1,
  EnvVariable: 2,
  RegEntry: 3,
  IndirectParentVariable: 4,
  IndirectConfigFile: 5,
  IndirectRegEntry: 6,
  SqlServer: 7,
  IniFile: 8,
  IndirectSqlServer: 9,
  IndirectIniFile: 10,
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
