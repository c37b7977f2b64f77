/**
 * @module The msdb store by path: folders resolved from the root folder, packages imported through the
 * package gate (load check and permanent upgrade) in one transaction, read, deleted and listed.
 */
import { folderNotFoundError, noPackageNameError } from './errors.ts';
import { ROOT_FOLDER_ID } from './guid.ts';
import type { MsdbSession } from './instances.ts';
import { gatePackage, isEncryptedWhole, type GatedPackage } from './package-gate.ts';
import { parsePackagePath, pathSegments, type PackagePath } from './package-path.ts';
import { addFolder, checkExists, deleteFolder, deletePackage, getFolder, getPackage, listFolders, listPackages, putPackage, renameFolder, setEncryptedFlag } from './procedures/index.ts';
import type { PackageListing, PackageRow } from './procedures/index.ts';
import { SsisError } from '../errors.ts';
import { versionOfFormat } from '../versions/index.ts';

/** The ID of the folder at `folders` (below the root), or undefined when one of them does not exist. */
export async function findFolderId(s: MsdbSession, folders: readonly string[]): Promise<string | undefined> {
  let id = ROOT_FOLDER_ID;
  for (const name of folders) {
    const f = await getFolder(s, name, id);
    if (!f) return undefined;
    id = f.folderid;
  }
  return id;
}

async function requireFolder(s: MsdbSession, folders: readonly string[]): Promise<string> {
  const id = await findFolderId(s, folders);
  if (id === undefined) throw folderNotFoundError(`The folder "\\${folders.join('\\')}" does not exist in instance "${s.name}".`);
  return id;
}

function requirePath(text: string): PackagePath {
  const p = parsePackagePath(text);
  if (!p) throw noPackageNameError(text);
  return p;
}

/** What an import did. */
export interface StoreResult {
  readonly path: string;
  readonly action: 'inserted' | 'updated';
  /** The format the package came in when it was upgraded on the way in. */
  readonly upgradedFrom?: number;
  readonly size: number;
}

/** The package exists and overwriting was not asked for. */
export class PackageExistsError extends SsisError {
  constructor(path: string) {
    super('0xC0010014', 'DTS_E_GENERICERROR', `The package "${path}" already exists.`);
  }
}

/**
 * Imports package bytes into the instance at `packagePath`: gated (must load; upgraded into the
 * instance's format; a newer format is refused) before anything is written, then stored in one
 * transaction with the original bytes kept when the instance keeps backups.
 */
export async function importPackage(
  s: MsdbSession,
  packagePath: string,
  input: Uint8Array,
  opts: { fileName?: string; password?: string; overwrite?: boolean; gated?: GatedPackage } = {},
): Promise<StoreResult> {
  const p = requirePath(packagePath);
  const gated = opts.gated ?? (await gatePackage(input, { year: s.year, fileName: opts.fileName ?? p.name, password: opts.password }));
  const h = gated.header;
  const action = await s.db.transaction(async () => {
    const folderid = await requireFolder(s, p.folders);
    if (!opts.overwrite && (await checkExists(s, p.name, folderid))) throw new PackageExistsError(packagePath);
    const done = await putPackage(s, {
      name: p.name,
      id: h.id,
      description: h.description,
      createdate: new Date(),
      folderid,
      packagedata: gated.bytes,
      packageformat: versionOfFormat(h.formatVersion)?.msdbPackageFormat ?? 3,
      packagetype: h.packageType,
      vermajor: h.versionMajor,
      verminor: h.versionMinor,
      verbuild: h.versionBuild,
      vercomments: h.versionComments,
      verid: h.versionGuid || h.id,
    });
    // EncryptAllWithPassword (3) and EncryptAllWithUserKey (4) packages are flagged; which levels SSIS flags is unverified.
    await setEncryptedFlag(s, p.name, folderid, isEncryptedWhole(gated.bytes) || h.protectionLevel === 3 || h.protectionLevel === 4);
    if (gated.upgradedFrom !== undefined && s.backupOriginals) {
      await s.db.run('INSERT INTO opendts_package_backups (folderid, name, backupdate, packageformat, packagedata) VALUES (?, ?, ?, ?, ?)', [
        folderid,
        p.name,
        new Date(),
        gated.upgradedFrom,
        gated.original,
      ]);
    }
    return done;
  });
  return { path: packagePath, action, ...(gated.upgradedFrom !== undefined ? { upgradedFrom: gated.upgradedFrom } : {}), size: gated.bytes.length };
}

/** Reads a package (with the reader check); undefined when the folder or package does not exist. */
export async function readStoredPackage(s: MsdbSession, packagePath: string): Promise<PackageRow | undefined> {
  const p = requirePath(packagePath);
  const folderid = await findFolderId(s, p.folders);
  return folderid === undefined ? undefined : getPackage(s, p.name, folderid);
}

/** Whether the package exists. */
export async function storedPackageExists(s: MsdbSession, packagePath: string): Promise<boolean> {
  const p = requirePath(packagePath);
  const folderid = await findFolderId(s, p.folders);
  return folderid !== undefined && (await checkExists(s, p.name, folderid));
}

/** Deletes a package (with the writer check) in one transaction; false when it did not exist. */
export async function removeStoredPackage(s: MsdbSession, packagePath: string): Promise<boolean> {
  const p = requirePath(packagePath);
  return s.db.transaction(async () => {
    const folderid = await findFolderId(s, p.folders);
    return folderid !== undefined && deletePackage(s, p.name, folderid);
  });
}

/** The original bytes kept when packages were upgraded on import, newest first. */
export async function packageBackups(s: MsdbSession, packagePath: string): Promise<{ backupdate: Date; packageformat: number; packagedata: Buffer }[]> {
  const p = requirePath(packagePath);
  const folderid = await findFolderId(s, p.folders);
  if (folderid === undefined) return [];
  const rows = await s.db.query('SELECT backupdate, packageformat, packagedata FROM opendts_package_backups WHERE folderid = ? AND name = ? ORDER BY backupid DESC', [folderid, p.name]);
  return rows.map((r) => ({ backupdate: new Date(r.backupdate as string), packageformat: Number(r.packageformat), packagedata: Buffer.from(r.packagedata as Uint8Array) }));
}

/** Creates folder `name` under `parent` (a folder path). */
export async function createStoredFolder(s: MsdbSession, parent: string, name: string): Promise<string> {
  return s.db.transaction(async () => addFolder(s, await requireFolder(s, pathSegments(parent)), name));
}

/** Deletes the (empty) folder at `path`. */
export async function deleteStoredFolder(s: MsdbSession, path: string): Promise<void> {
  const segments = pathSegments(path);
  await s.db.transaction(async () => deleteFolder(s, await requireFolder(s, segments)));
}

/** Renames the folder at `path` to `newName`. */
export async function renameStoredFolder(s: MsdbSession, path: string, newName: string): Promise<void> {
  await s.db.transaction(async () => renameFolder(s, await requireFolder(s, pathSegments(path)), newName));
}

/** Whether the folder at `path` exists. */
export async function storedFolderExists(s: MsdbSession, path: string): Promise<boolean> {
  return (await findFolderId(s, pathSegments(path))) !== undefined;
}

/** One entry of a folder listing. */
export type FolderEntry = { readonly kind: 'folder'; readonly path: string; readonly name: string } | ({ readonly kind: 'package'; readonly path: string } & PackageListing);

/** The folders and packages under `path`, recursing when `recursive`. */
export async function listStoredFolder(s: MsdbSession, path: string, recursive: boolean): Promise<FolderEntry[]> {
  const base = pathSegments(path);
  const out: FolderEntry[] = [];
  const walk = async (folderid: string, segments: string[]) => {
    for (const f of await listFolders(s, folderid)) {
      const sub = [...segments, f.foldername];
      out.push({ kind: 'folder', path: sub.join('\\'), name: f.foldername });
      if (recursive) await walk(f.folderid, sub);
    }
    for (const pkg of await listPackages(s, folderid)) out.push({ kind: 'package', ...pkg, path: [...segments, pkg.name].join('\\') });
  };
  await walk(await requireFolder(s, base), base);
  return out;
}

