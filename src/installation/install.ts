/** @module Lays out the side-by-side installation root: `100/`, `110/`, `120/`, each with `DTS/Binn`, `DTS/Packages`, `MsDtsSrvr.ini.xml` and its settings. */
import fs from 'node:fs';
import path from 'node:path';
import { installationsOf, type Installation } from './layout.ts';
import { LAUNCHED_TOOLS, launcherScript } from './launchers.ts';
import { defaultServiceConfig } from './service-config.ts';
import { readSettings, writeSettings } from './settings.ts';

/** What `installRoot` did for one version. */
export interface InstallResult {
  readonly installation: Installation;
  /** Files written or rewritten (launchers always; the rest only when missing). */
  readonly written: string[];
  /** Files left as they were (an existing `MsDtsSrvr.ini.xml`, existing settings). */
  readonly kept: string[];
}

/**
 * Creates (or completes) the installation root. Idempotent: launchers are rewritten, while an
 * existing `MsDtsSrvr.ini.xml` and existing settings (registered instances, values) are kept.
 */
export function installRoot(root: string, opts: { node?: string; packageRoot?: string } = {}): InstallResult[] {
  return installationsOf(path.resolve(root)).map((inst) => {
    const written: string[] = [];
    const kept: string[] = [];
    for (const dir of [inst.binn, inst.packages, inst.settingsDir, inst.dataDir]) fs.mkdirSync(dir, { recursive: true });
    for (const tool of LAUNCHED_TOOLS) {
      const file = path.join(inst.binn, tool);
      fs.writeFileSync(file, launcherScript(tool, inst.year, { node: opts.node, root: opts.packageRoot, home: inst.root }), { mode: 0o755 });
      fs.chmodSync(file, 0o755);
      written.push(file);
    }
    if (fs.existsSync(inst.serviceConfigFile)) kept.push(inst.serviceConfigFile);
    else {
      fs.writeFileSync(inst.serviceConfigFile, defaultServiceConfig());
      written.push(inst.serviceConfigFile);
    }
    if (fs.existsSync(inst.settingsFile)) {
      // Re-read and re-write so that values added by newer OpenDTS versions appear; existing entries win.
      writeSettings(inst, readSettings(inst));
      kept.push(inst.settingsFile);
    } else {
      writeSettings(inst, readSettings(inst));
      written.push(inst.settingsFile);
    }
    return { installation: inst, written, kept };
  });
}
