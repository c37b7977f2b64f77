/**
 * @module Where a package is, as dtutil and dtexec name it: a file (`/FILE`), a package in an msdb
 * instance (`/SQL` with a server), or a path in the SSIS Package Store (`/DTS`), whose top-level folders
 * come from the version's `MsDtsSrvr.ini.xml` and lead to an msdb instance or a file system folder.
 */
import path from 'node:path';
import { installationOf, readServiceConfig } from '../installation/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { folderNotFoundError } from './errors.ts';
import { storeFile } from './file-store.ts';
import { pathSegments } from './package-path.ts';

/** A package location with the Package Store resolved. */
export type ResolvedLocation =
  | { readonly kind: 'FILE'; readonly file: string }
  | { readonly kind: 'SQL'; readonly server: string | undefined; readonly path: string };

/** A folder location (for the folder actions), with the Package Store resolved. */
export type ResolvedFolder = { readonly kind: 'FILE'; readonly dir: string; readonly storePath: string } | { readonly kind: 'SQL'; readonly server: string | undefined; readonly path: string };

function splitTop(root: string, year: ToolYear, dtsPath: string) {
  const inst = installationOf(root, year);
  const folders = readServiceConfig(inst);
  const segments = pathSegments(dtsPath);
  const top = folders.find((f) => f.name.toLowerCase() === (segments[0] ?? '').toLowerCase());
  if (top) return { top, rest: segments.slice(1) };
  // A path that names no top-level folder is taken as relative to the first file system folder (SSIS behaviour unknown).
  const fsFolder = folders.find((f) => f.type === 'FileSystemFolder');
  if (!fsFolder) throw folderNotFoundError(`"${dtsPath}" does not start with a top-level folder of the SSIS Package Store (${folders.map((f) => f.name).join(', ')}).`);
  return { top: fsFolder, rest: segments };
}

/** The package a `/DTS` path names. */
export function resolveDtsPackage(root: string, year: ToolYear, dtsPath: string): ResolvedLocation {
  const { top, rest } = splitTop(root, year, dtsPath);
  if (top.type === 'SqlServerFolder') return { kind: 'SQL', server: top.serverName, path: rest.join('\\') };
  return { kind: 'FILE', file: storeFile(top.storePath, rest.join('\\')) };
}

/** The folder a `/DTS` folder path names. */
export function resolveDtsFolder(root: string, year: ToolYear, dtsPath: string): ResolvedFolder {
  const { top, rest } = splitTop(root, year, dtsPath);
  if (top.type === 'SqlServerFolder') return { kind: 'SQL', server: top.serverName, path: rest.join('\\') };
  return { kind: 'FILE', dir: path.join(top.storePath, ...rest), storePath: rest.join('\\') };
}
