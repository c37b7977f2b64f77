/**
 * @module The file system package store: a folder (a version's `DTS/Packages`, or a `FileSystemFolder`
 * of `MsDtsSrvr.ini.xml`) whose sub-folders are the store's folders and whose `.dtsx` files are its packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { folderNotFoundError, msdbError, noPackageNameError } from './errors.ts';
import { pathSegments } from './package-path.ts';

/** The file of the package at `storePath` (`folder\name`, `.dtsx` added when missing) under `base`. */
export function storeFile(base: string, storePath: string): string {
  const segments = pathSegments(storePath);
  if (segments.length === 0) throw noPackageNameError(storePath);
  const last = segments.pop()!;
  return path.join(base, ...segments, /\.dtsx$/i.test(last) ? last : `${last}.dtsx`);
}

/** Writes a package file atomically: a temporary file in the same folder, then a rename. The folder must exist. */
export function writePackageFile(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw folderNotFoundError(`The folder "${dir}" does not exist.`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** Creates folder `name` in the directory `parentDir`; an existing one is refused, as msdb's 14591. */
export function createStoreFolder(parentDir: string, name: string): void {
  if (!fs.existsSync(parentDir)) throw folderNotFoundError(`The folder "${parentDir}" does not exist.`);
  const dir = path.join(parentDir, name);
  if (fs.existsSync(dir)) throw msdbError(14591, name);
  fs.mkdirSync(dir);
}

/** Deletes an empty folder; a folder holding packages or folders is refused, as msdb's 14593. */
export function deleteStoreFolder(dir: string): void {
  if (!fs.existsSync(dir)) throw folderNotFoundError(`The folder "${dir}" does not exist.`);
  if (fs.readdirSync(dir).length > 0) {
    throw msdbError(14593, path.basename(dir));
  }
  fs.rmdirSync(dir);
}

/** Renames the folder `dir` to `newName` (same parent); an existing name is refused, as msdb's 14591. */
export function renameStoreFolder(dir: string, newName: string): void {
  if (!fs.existsSync(dir)) throw folderNotFoundError(`The folder "${dir}" does not exist.`);
  const to = path.join(path.dirname(dir), newName);
  if (fs.existsSync(to)) throw msdbError(14591, newName);
  fs.renameSync(dir, to);
}

/** One entry of a file store listing: folders, and `.dtsx` files as packages (name without `.dtsx`). */
export interface FileStoreEntry {
  readonly kind: 'folder' | 'package';
  /** The store path, folders separated by `\`. */
  readonly path: string;
  readonly name: string;
  readonly size?: number;
  readonly modified?: Date;
}

/** The folders and packages in `dir`, recursing when `recursive`; `prefix` is the store path of `dir`. */
export function listStoreFolder(dir: string, prefix: string, recursive: boolean): FileStoreEntry[] {
  if (!fs.existsSync(dir)) throw folderNotFoundError(`The folder "${dir}" does not exist.`);
  const out: FileStoreEntry[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const join = (name: string) => (prefix ? `${prefix}\\${name}` : name);
  for (const e of entries.filter((x) => x.isDirectory())) {
    out.push({ kind: 'folder', path: join(e.name), name: e.name });
    if (recursive) out.push(...listStoreFolder(path.join(dir, e.name), join(e.name), true));
  }
  for (const e of entries.filter((x) => x.isFile() && /\.dtsx$/i.test(x.name))) {
    const st = fs.statSync(path.join(dir, e.name));
    const name = e.name.replace(/\.dtsx$/i, '');
    out.push({ kind: 'package', path: join(name), name, size: st.size, modified: st.mtime });
  }
  return out;
}
