/**
 * @module The Stored Packages operations of the service, by Package Store path (`MSDB\folder\name`,
 * `File System\folder\name`): list, read, store (gated and upgraded into the destination's format),
 * delete, copy, rename, folders and permanent upgrade — the version rules of `store/` on every step.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  assertReadable, assertWritable, createStoreFolder, createStoredFolder, deleteStoreFolder, deleteStoredFolder, gatePackage, importPackage,
  listPackageStore, listStoredFolder, notFoundError, parsePackagePath, PackageExistsError, pathSegments, readStoredPackage, removeStoredPackage,
  renameStoreFolder, renameStoredFolder, resolveDtsFolder, resolveDtsPackage, resolveServer, writePackageFile,
  type MsdbSession, type PackageStoreEntry,
} from '../store/index.ts';
import { installationOf, readServiceConfig } from '../installation/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { ApiError } from './http-kit.ts';
import { InstancePool, type Actor } from './instance-pool.ts';

/** A top-level folder as the tree shows it: its kind, and for msdb its instance and that instance's version. */
export interface TopFolderInfo {
  readonly name: string;
  readonly kind: 'msdb' | 'file';
  readonly instance?: string;
  readonly instanceVersion?: number;
  /** False when the service may not store into it (an older instance). */
  readonly writable: boolean;
  /** Why the folder cannot be opened (an unregistered instance, a newer one), if so. */
  readonly problem?: string;
}

/** What a store operation reports. */
export interface StoreOutcome {
  readonly path: string;
  readonly upgradedFrom?: number;
  readonly size?: number;
}

/** The Package Store of one service (root and version), acting as a signed-in user. */
export class PackageOps {
  readonly #root: string;
  readonly #year: ToolYear;
  readonly #pool = new InstancePool();

  constructor(root: string, year: ToolYear) {
    this.#root = root;
    this.#year = year;
  }

  /** Closes the connections to the instances. */
  close(): Promise<void> {
    return this.#pool.close();
  }

  /** The top-level folders of the configuration, with their instances. */
  topFolders(): TopFolderInfo[] {
    return readServiceConfig(installationOf(this.#root, this.#year)).map((f) => {
      if (f.type === 'FileSystemFolder') return { name: f.name, kind: 'file', writable: true };
      try {
        const ref = resolveServer(this.#root, f.serverName, this.#year);
        assertReadable(ref, this.#year);
        let writable = true;
        try {
          assertWritable(ref, this.#year);
        } catch {
          writable = false;
        }
        return { name: f.name, kind: 'msdb', instance: ref.name, instanceVersion: ref.year, writable };
      } catch (error) {
        return { name: f.name, kind: 'msdb', writable: false, problem: (error as Error).message };
      }
    });
  }

  /** The folders and packages directly in `dtsPath`. */
  async list(dtsPath: string, actor: Actor): Promise<PackageStoreEntry[]> {
    const where = resolveDtsFolder(this.#root, this.#year, dtsPath);
    if (where.kind === 'FILE') return listPackageStore(this.#root, this.#year, dtsPath);
    const top = pathSegments(dtsPath).slice(0, pathSegments(dtsPath).length - pathSegments(where.path).length);
    return this.#withInstance(where.server, actor, false, async (s) =>
      (await listStoredFolder(s, where.path, false)).map((e) => ({
        kind: e.kind,
        path: [...top, ...pathSegments(e.path)].join('\\'),
        name: e.name,
        ...(e.kind === 'package' ? { size: e.size } : {}),
      })),
    );
  }

  /** The bytes of the package at `dtsPath`, read as the user (an instance newer than the service is refused). */
  async read(dtsPath: string, actor: Actor): Promise<Uint8Array> {
    const where = resolveDtsPackage(this.#root, this.#year, dtsPath);
    if (where.kind === 'FILE') {
      if (!fs.existsSync(where.file)) throw notFoundError(`The package "${dtsPath}" does not exist.`);
      return fs.readFileSync(where.file);
    }
    const row = await this.#withInstance(where.server, actor, false, (s) => readStoredPackage(s, where.path));
    if (!row) throw notFoundError(`The package "${dtsPath}" does not exist.`);
    return row.packagedata;
  }

  /**
   * Stores package bytes at `dtsPath`: it must load in the service's version and is upgraded into its
   * format; an msdb instance older than the service is refused (nothing is exported to an older instance).
   */
  async store(dtsPath: string, bytes: Uint8Array, actor: Actor, opts: { overwrite?: boolean; backup?: boolean; password?: string } = {}): Promise<StoreOutcome> {
    const where = resolveDtsPackage(this.#root, this.#year, dtsPath);
    if (where.kind === 'FILE') {
      if (!opts.overwrite && fs.existsSync(where.file)) throw new PackageExistsError(dtsPath);
      const gated = await gatePackage(bytes, { year: this.#year, fileName: path.basename(where.file), password: opts.password });
      if (opts.backup && gated.upgradedFrom !== undefined && fs.existsSync(where.file)) {
        fs.copyFileSync(where.file, `${where.file}.format${gated.upgradedFrom}.bak`);
      }
      writePackageFile(where.file, gated.bytes);
      return { path: dtsPath, size: gated.bytes.length, ...(gated.upgradedFrom !== undefined ? { upgradedFrom: gated.upgradedFrom } : {}) };
    }
    return this.#withInstance(where.server, actor, true, async (s) => {
      const session = opts.backup === undefined ? s : { ...s, backupOriginals: opts.backup };
      const r = await importPackage(session, where.path, bytes, { overwrite: opts.overwrite, password: opts.password });
      return { path: dtsPath, size: r.size, ...(r.upgradedFrom !== undefined ? { upgradedFrom: r.upgradedFrom } : {}) };
    });
  }

  /** Deletes the package at `dtsPath`. */
  async remove(dtsPath: string, actor: Actor): Promise<void> {
    const where = resolveDtsPackage(this.#root, this.#year, dtsPath);
    if (where.kind === 'FILE') {
      if (!fs.existsSync(where.file)) throw notFoundError(`The package "${dtsPath}" does not exist.`);
      fs.rmSync(where.file);
      return;
    }
    const removed = await this.#withInstance(where.server, actor, false, (s) => removeStoredPackage(s, where.path));
    if (!removed) throw notFoundError(`The package "${dtsPath}" does not exist.`);
  }

  /** Copies a package to another path (another folder, instance or store), upgraded into the destination's format. */
  async copy(from: string, to: string, actor: Actor, opts: { overwrite?: boolean; password?: string } = {}): Promise<StoreOutcome> {
    return this.store(to, await this.read(from, actor), actor, opts);
  }

  /** Renames a package within its folder: copied under the new name, then the old one deleted. */
  async rename(dtsPath: string, newName: string, actor: Actor): Promise<StoreOutcome> {
    const p = parsePackagePath(dtsPath);
    if (!p) throw new ApiError(400, `"${dtsPath}" names no package.`);
    const to = [...p.folders, newName].join('\\');
    const bytes = await this.read(dtsPath, actor);
    // The bytes move as they are: a rename is no upgrade (the gate would upgrade an older file).
    const where = resolveDtsPackage(this.#root, this.#year, to);
    let outcome: StoreOutcome;
    if (where.kind === 'FILE') {
      if (fs.existsSync(where.file)) throw new PackageExistsError(to);
      await gatePackage(bytes, { year: this.#year, upgrade: false });
      writePackageFile(where.file, bytes);
      outcome = { path: to, size: bytes.length };
    } else {
      outcome = await this.store(to, bytes, actor);
    }
    await this.remove(dtsPath, actor);
    return outcome;
  }

  /** Upgrades a package in place into the service's format, keeping the old bytes when `backup`. */
  async upgrade(dtsPath: string, actor: Actor, backup: boolean, password?: string): Promise<StoreOutcome> {
    const bytes = await this.read(dtsPath, actor);
    const gated = await gatePackage(bytes, { year: this.#year, password });
    if (gated.upgradedFrom === undefined) throw new ApiError(409, `The package "${dtsPath}" already is in the SQL Server ${this.#year} format: nothing to upgrade.`);
    return this.store(dtsPath, bytes, actor, { overwrite: true, backup, password });
  }

  /** Creates folder `name` in the folder `parent`. */
  async createFolder(parent: string, name: string, actor: Actor): Promise<void> {
    const where = resolveDtsFolder(this.#root, this.#year, parent);
    if (where.kind === 'FILE') return createStoreFolder(where.dir, name);
    await this.#withInstance(where.server, actor, true, (s) => createStoredFolder(s, where.path, name));
  }

  /** Deletes the empty folder at `dtsPath`. */
  async deleteFolder(dtsPath: string, actor: Actor): Promise<void> {
    const where = this.#subFolder(dtsPath);
    if (where.kind === 'FILE') return deleteStoreFolder(where.dir);
    await this.#withInstance(where.server, actor, true, (s) => deleteStoredFolder(s, where.path));
  }

  /** Renames the folder at `dtsPath` to `name`. */
  async renameFolder(dtsPath: string, name: string, actor: Actor): Promise<void> {
    const where = this.#subFolder(dtsPath);
    if (where.kind === 'FILE') return renameStoreFolder(where.dir, name);
    await this.#withInstance(where.server, actor, true, (s) => renameStoredFolder(s, where.path, name));
  }

  #subFolder(dtsPath: string) {
    const where = resolveDtsFolder(this.#root, this.#year, dtsPath);
    if ((where.kind === 'FILE' ? where.storePath : where.path) === '') throw new ApiError(400, `"${dtsPath}" is a top-level folder of MsDtsSrvr.ini.xml: change it in the configuration file.`);
    return where;
  }

  async #withInstance<T>(server: string | undefined, actor: Actor, write: boolean, act: (s: MsdbSession) => Promise<T>): Promise<T> {
    const ref = resolveServer(this.#root, server, this.#year);
    if (write) assertWritable(ref, this.#year);
    else assertReadable(ref, this.#year);
    return this.#pool.use(ref, actor, act);
  }
}
