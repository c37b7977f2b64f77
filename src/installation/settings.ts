/** @module One version's settings (its "registry key" `…\<folder>\SSIS`): registered msdb instances, registry values and default paths, kept in `SSIS/settings.json`. */
import fs from 'node:fs';
import path from 'node:path';
import { SsisError } from '../errors.ts';
import type { Installation } from './layout.ts';

/** Where an msdb instance's database lives. */
export type InstanceConnection =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

/** An msdb instance as registered in its version's settings. */
export type InstanceRegistration = InstanceConnection & {
  /** Keep the original bytes of a package upgraded on import (table `opendts_package_backups`). */
  readonly backupOriginals?: boolean;
  /** ISO time of registration. */
  readonly created: string;
};

/** The content of `SSIS/settings.json`. */
export interface VersionSettings {
  /** The product version these settings belong to (e.g. 2014), for readers of the file. */
  productVersion: number;
  /** Registry values by their SSIS names, e.g. `ServiceConfigFile`, `Setup\SQLPath`. */
  values: Record<string, string>;
  /** Default paths: the file system store and the folder of new SQLite instances. */
  defaultPaths: { packages: string; data: string };
  /** Registered msdb instances by name (names compare case-insensitively, as SQL Server's). */
  instances: Record<string, InstanceRegistration>;
  /** The instance `.`, `(local)` and `localhost` name; the first one created unless set. */
  defaultInstance?: string;
}

/** The settings a fresh installation starts with. */
export function defaultSettings(inst: Installation): VersionSettings {
  return {
    productVersion: inst.year,
    values: { ServiceConfigFile: inst.serviceConfigFile, 'Setup\\SQLPath': inst.dts + path.sep },
    defaultPaths: { packages: inst.packages, data: inst.dataDir },
    instances: {},
  };
}

/** Reads a version's settings; a missing file gives the defaults, a broken one an error naming the file. */
export function readSettings(inst: Installation): VersionSettings {
  let text: string;
  try {
    text = fs.readFileSync(inst.settingsFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings(inst);
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<VersionSettings>;
    const base = defaultSettings(inst);
    return {
      productVersion: parsed.productVersion ?? base.productVersion,
      values: { ...base.values, ...parsed.values },
      defaultPaths: { ...base.defaultPaths, ...parsed.defaultPaths },
      instances: parsed.instances ?? {},
      ...(parsed.defaultInstance !== undefined ? { defaultInstance: parsed.defaultInstance } : {}),
    };
  } catch (error) {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The settings file "${inst.settingsFile}" is not valid JSON: ${(error as Error).message}`, {
      location: { file: inst.settingsFile },
    });
  }
}

/** Writes a version's settings atomically (temporary file, then rename). */
export function writeSettings(inst: Installation, settings: VersionSettings): void {
  fs.mkdirSync(inst.settingsDir, { recursive: true });
  const tmp = `${inst.settingsFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n');
  fs.renameSync(tmp, inst.settingsFile);
}

/** Reads, changes and writes a version's settings; returns what was written. */
export function updateSettings(inst: Installation, change: (settings: VersionSettings) => void): VersionSettings {
  const settings = readSettings(inst);
  change(settings);
  writeSettings(inst, settings);
  return settings;
}

/** The registered name matching `name` case-insensitively, if any. */
export function registeredName(settings: VersionSettings, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(settings.instances).find((k) => k.toLowerCase() === wanted);
}
