/**
 * @module The SSIS Package Store as the service shows it ("Stored Packages"): the top-level folders of
 * the version's `MsDtsSrvr.ini.xml`, each an msdb instance's folder tree or a file system folder.
 */
import { installationOf, readServiceConfig } from '../installation/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { listStoreFolder } from './file-store.ts';
import { openInstance, resolveServer, type Credentials } from './instances.ts';
import { resolveDtsFolder } from './locations.ts';
import { listStoredFolder } from './msdb-store.ts';
import { pathSegments } from './package-path.ts';
import { assertReadable } from './version-rules.ts';

/** One entry of the Package Store. */
export interface PackageStoreEntry {
  readonly kind: 'folder' | 'package';
  /** The `/DTS` path, starting with the top-level folder (`File System\Daily\load`). */
  readonly path: string;
  readonly name: string;
  /** Package size in bytes. */
  readonly size?: number;
}

/**
 * The folders and packages at `dtsPath` in the Package Store of version `year` (the top-level folders
 * for an empty path), recursing when `recursive`. msdb folders are read as `credentials`.
 */
export async function listPackageStore(
  root: string,
  year: ToolYear,
  dtsPath: string,
  opts: { recursive?: boolean; credentials?: Credentials } = {},
): Promise<PackageStoreEntry[]> {
  const recursive = opts.recursive ?? false;
  const segments = pathSegments(dtsPath);
  if (segments.length === 0) {
    const out: PackageStoreEntry[] = [];
    for (const top of readServiceConfig(installationOf(root, year))) {
      out.push({ kind: 'folder', path: top.name, name: top.name });
      if (recursive) out.push(...(await listPackageStore(root, year, top.name, opts)));
    }
    return out;
  }
  const where = resolveDtsFolder(root, year, dtsPath);
  const prefix = (rest: string) => [...segments, ...pathSegments(rest)].join('\\');
  if (where.kind === 'FILE') {
    return listStoreFolder(where.dir, '', recursive).map((e) => ({ kind: e.kind, path: prefix(e.path), name: e.name, ...(e.size !== undefined ? { size: e.size } : {}) }));
  }
  const ref = resolveServer(root, where.server, year);
  assertReadable(ref, year);
  const s = await openInstance(ref, opts.credentials);
  try {
    const base = pathSegments(where.path).length;
    return (await listStoredFolder(s, where.path, recursive)).map((e) => ({
      kind: e.kind,
      path: prefix(pathSegments(e.path).slice(base).join('\\')),
      name: e.name,
      ...(e.kind === 'package' ? { size: e.size } : {}),
    }));
  } finally {
    await s.close();
  }
}
