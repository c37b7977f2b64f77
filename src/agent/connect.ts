/** @module Finds the msdb an Agent command works on: a registered instance (`--instance NAME`, the default instance otherwise) of the installation root, or a database URL (`--db`); with the Agent's product version, server name and SMTP settings. */
import os from 'node:os';
import { installationOf, readSettings, resolveRoot, updateSettings } from '../installation/index.ts';
import { openInstance, resolveServer } from '../store/index.ts';
import { resolveToolYear, type ToolYear } from '../versions/index.ts';
import { AgentStore } from './agent-store.ts';
import { smtpFromValues, smtpToValues, type SmtpSettings } from './notify.ts';
import { openAgentDb } from './sql-db.ts';

/** An opened msdb for the Agent. */
export interface AgentTarget {
  readonly store: AgentStore;
  /** `sysjobhistory.server`: `HOST\INSTANCE`. */
  readonly server: string;
  /** The product version the Agent acts as (dtexec is pinned to it). */
  readonly year: ToolYear;
  readonly smtp?: SmtpSettings;
}

/** Where to find the msdb. */
export interface TargetOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly root?: string;
  readonly instance?: string;
  readonly db?: string;
}

/** Opens (and migrates) the Agent's tables in the chosen msdb. */
export async function openAgentTarget(o: TargetOptions): Promise<AgentTarget> {
  const toolYear = resolveToolYear({ pinned: o.env.OPENDTS_PINNED_VERSION, env: o.env.OPENDTS_PRODUCT_VERSION });
  let store: AgentStore;
  let server: string;
  let year: ToolYear = toolYear;
  let smtp: SmtpSettings | undefined;
  if (o.db !== undefined) {
    store = new AgentStore(await openAgentDb(o.db));
    server = os.hostname();
  } else {
    const root = o.root ?? resolveRoot(o.env);
    const ref = resolveServer(root, o.instance, toolYear);
    const session = await openInstance(ref);
    store = new AgentStore(session.db);
    server = `${os.hostname()}\\${ref.name}`;
    year = ref.year;
    smtp = smtpFromValues(readSettings(installationOf(root, ref.year)).values);
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store, server, year, ...(smtp ? { smtp } : {}) };
}

/** Saves the SMTP settings the Agent of an instance mails through, in that instance's version settings; returns the settings file. */
export function saveSmtpSettings(o: Omit<TargetOptions, 'db'>, smtp: SmtpSettings): string {
  const root = o.root ?? resolveRoot(o.env);
  const ref = resolveServer(root, o.instance, resolveToolYear({ pinned: o.env.OPENDTS_PINNED_VERSION, env: o.env.OPENDTS_PRODUCT_VERSION }));
  const inst = installationOf(root, ref.year);
  updateSettings(inst, (settings) => {
    for (const key of Object.keys(settings.values)) if (key.startsWith('Agent\\SMTP\\')) delete settings.values[key];
    Object.assign(settings.values, smtpToValues(smtp));
  });
  return inst.settingsFile;
}
