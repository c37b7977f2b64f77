/** @module What `dtexec /SQL` and `/DTS` use to load a package from a store: the bytes as stored, after the version rules and the reader check. */
import fs from 'node:fs';
import { resolveRoot } from '../installation/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { notFoundError } from './errors.ts';
import { openInstance, resolveServer } from './instances.ts';
import { resolveDtsPackage } from './locations.ts';
import { readStoredPackage } from './msdb-store.ts';
import { assertReadable } from './version-rules.ts';

/** A package loaded from a store. */
export interface StoredPackage {
  readonly bytes: Uint8Array;
  /** A name for messages: `\\SQL\instance\folder\name` or the file path. */
  readonly source: string;
  /** The instance it came from (msdb only). */
  readonly instance?: { readonly name: string; readonly year: ToolYear };
}

/**
 * Loads the package at `path` from msdb (`store: 'SQL'`, the default, with `server`, `user`,
 * `password` as `/SER`, `/U`, `/P`) or from the SSIS Package Store (`store: 'DTS'`), as a tool of
 * `year`. An instance newer than the tool is refused; a missing package raises DTS_E_PACKAGENOTFOUND.
 */
export async function loadFromStore(opts: {
  store?: 'SQL' | 'DTS';
  server?: string;
  path: string;
  user?: string;
  password?: string;
  year: ToolYear;
  /** The installation root; default from `env` (`OPENDTS_HOME`, else `~/.opendts`). */
  root?: string;
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<StoredPackage> {
  const root = opts.root ?? resolveRoot(opts.env ?? process.env);
  const where = opts.store === 'DTS' ? resolveDtsPackage(root, opts.year, opts.path) : { kind: 'SQL' as const, server: opts.server, path: opts.path };
  if (where.kind === 'FILE') {
    if (!fs.existsSync(where.file)) throw notFoundError(`The package "${opts.path}" does not exist in the SSIS Package Store ("${where.file}").`);
    return { bytes: fs.readFileSync(where.file), source: where.file };
  }
  const ref = resolveServer(root, where.server, opts.year);
  assertReadable(ref, opts.year);
  const session = await openInstance(ref, { user: opts.user, password: opts.password });
  try {
    const row = await readStoredPackage(session, where.path);
    if (!row) throw notFoundError(`The package "${where.path}" does not exist in instance "${ref.name}".`);
    return { bytes: row.packagedata, source: `\\SQL\\${ref.name}\\${where.path.replace(/^\\+/, '')}`, instance: { name: ref.name, year: ref.year } };
  } finally {
    await session.close();
  }
}
