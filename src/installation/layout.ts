/** @module The folders and files of one product version under the installation root, as SSIS lays them out under `Microsoft SQL Server\<folder>`. */
import path from 'node:path';
import { toolVersions, versionOfYear, type ProductVersion, type ToolYear } from '../versions/index.ts';

/** The paths of one version's installation (`<root>/100`, `<root>/110`, `<root>/120`). */
export interface Installation {
  readonly root: string;
  readonly year: ToolYear;
  readonly version: ProductVersion;
  /** `<root>/<folder>`, e.g. `<root>/120`. */
  readonly home: string;
  /** `<root>/<folder>/DTS`: the default root file system folder. */
  readonly dts: string;
  /** `<root>/<folder>/DTS/Binn`: the tools (`dtexec`, `dtutil`) and `MsDtsSrvr.ini.xml`. */
  readonly binn: string;
  /** `<root>/<folder>/DTS/Packages`: the file system package store. */
  readonly packages: string;
  /** `<root>/<folder>/DTS/Binn/MsDtsSrvr.ini.xml`: the service's configuration. */
  readonly serviceConfigFile: string;
  /** `<root>/<folder>/SSIS`: the settings (the "registry key"). */
  readonly settingsDir: string;
  /** `<root>/<folder>/SSIS/settings.json`. */
  readonly settingsFile: string;
  /** `<root>/<folder>/MSSQL/DATA`: where the SQLite files of this version's msdb instances go by default. */
  readonly dataDir: string;
}

/** The installation of `year` under `root` (paths only; nothing is created). */
export function installationOf(root: string, year: ToolYear): Installation {
  const version = versionOfYear(year);
  const home = path.join(root, version.folder);
  const dts = path.join(home, 'DTS');
  const binn = path.join(dts, 'Binn');
  const settingsDir = path.join(home, 'SSIS');
  return {
    root,
    year,
    version,
    home,
    dts,
    binn,
    packages: path.join(dts, 'Packages'),
    serviceConfigFile: path.join(binn, 'MsDtsSrvr.ini.xml'),
    settingsDir,
    settingsFile: path.join(settingsDir, 'settings.json'),
    dataDir: path.join(home, 'MSSQL', 'DATA'),
  };
}

/** The installations of every tool version under `root`, oldest first. */
export function installationsOf(root: string): Installation[] {
  return toolVersions().map((v) => installationOf(root, v.year as ToolYear));
}
