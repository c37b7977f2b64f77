/**
 * @module The places dtutil reads packages from and writes them to: a file, a package in an msdb
 * instance, or a Package Store path (resolved to one of those through `MsDtsSrvr.ini.xml`), with the
 * rules between versions applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  assertReadable,
  assertWritable,
  gatePackage,
  importPackage,
  openInstance,
  readStoredPackage,
  removeStoredPackage,
  resolveDtsPackage,
  resolveServer,
  storedPackageExists,
  writePackageFile,
  type Credentials,
  type InstanceRef,
  type MsdbSession,
} from '../../store/index.ts';
import type { ToolYear } from '../../versions/index.ts';
import { mapWindowsPath, pathRulesFromEnv } from '../../connections/windows-path.ts';
import type { CliIo } from '../io.ts';
import type { StoreKind } from './command.ts';
import { DtutilFailure, EXIT } from './failure.ts';

/** What every action needs to know. */
export interface DtutilContext {
  readonly io: CliIo;
  readonly root: string;
  readonly year: ToolYear;
}

/** A resolved package location. */
export type Endpoint =
  | { readonly kind: 'FILE'; readonly file: string; readonly label: string }
  | { readonly kind: 'SQL'; readonly ref: InstanceRef; readonly path: string; readonly creds: Credentials; readonly label: string };

/**
 * Resolves `/FILE`, `/SQL` (with its server and login) or `/DTS` to a file or an msdb package. A Windows
 * file path (`c:\pkgs\x.dtsx`) is mapped to Linux by the `OPENDTS_PATH_MAP` rules, as package paths are.
 */
export function resolveEndpoint(ctx: DtutilContext, kind: StoreKind, where: string, server?: string, creds: Credentials = {}): Endpoint {
  if (kind === 'FILE') return { kind: 'FILE', file: path.resolve(ctx.io.cwd, mapWindowsPath(where, pathRulesFromEnv(ctx.io.env))), label: where };
  if (kind === 'DTS') {
    const r = resolveDtsPackage(ctx.root, ctx.year, where);
    if (r.kind === 'FILE') return { kind: 'FILE', file: r.file, label: where };
    return { kind: 'SQL', ref: resolveServer(ctx.root, r.server, ctx.year), path: r.path, creds: {}, label: where };
  }
  return { kind: 'SQL', ref: resolveServer(ctx.root, server, ctx.year), path: where, creds, label: where };
}

/** Runs `fn` with a session on the endpoint's instance. */
export async function withSession<T>(ep: Extract<Endpoint, { kind: 'SQL' }>, fn: (s: MsdbSession) => Promise<T>): Promise<T> {
  const s = await openInstance(ep.ref, ep.creds);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/** The package's bytes, or undefined when it does not exist. An instance newer than the tool is refused. */
export async function readEndpoint(ctx: DtutilContext, ep: Endpoint): Promise<Uint8Array | undefined> {
  if (ep.kind === 'FILE') return fs.existsSync(ep.file) && fs.statSync(ep.file).isFile() ? fs.readFileSync(ep.file) : undefined;
  assertReadable(ep.ref, ctx.year);
  return (await withSession(ep, (s) => readStoredPackage(s, ep.path)))?.packagedata;
}

/** Whether the package exists. */
export async function endpointExists(ctx: DtutilContext, ep: Endpoint): Promise<boolean> {
  if (ep.kind === 'FILE') return fs.existsSync(ep.file) && fs.statSync(ep.file).isFile();
  assertReadable(ep.ref, ctx.year);
  return withSession(ep, (s) => storedPackageExists(s, ep.path));
}

/**
 * Deletes the package; false when it did not exist. Deleting stores no package format, so a tool may
 * delete from an instance of its own version or an older one (which is how /MOVE imports from it).
 */
export async function deleteEndpoint(ctx: DtutilContext, ep: Endpoint): Promise<boolean> {
  if (ep.kind === 'FILE') {
    if (!fs.existsSync(ep.file)) return false;
    fs.unlinkSync(ep.file);
    return true;
  }
  assertReadable(ep.ref, ctx.year);
  return withSession(ep, (s) => removeStoredPackage(s, ep.path));
}

/**
 * Loads the package as the tool of this version does (refusing a newer format), mapping failures to
 * exit code 5. Returns the package's bytes: as given, or, with `upgrade`, saved in the tool's format.
 */
export async function checkLoads(ctx: DtutilContext, bytes: Uint8Array, label: string, password: string | undefined, upgrade = false): Promise<Uint8Array> {
  try {
    return (await gatePackage(bytes, { year: ctx.year, fileName: label, password, upgrade })).bytes;
  } catch (error) {
    throw new DtutilFailure(EXIT.cannotLoad, error);
  }
}

/**
 * Writes package bytes to the endpoint. A file keeps the bytes as they are; an msdb instance (of the
 * tool's own version only) stores them through the package gate, upgraded into its format.
 */
export async function writeEndpoint(ctx: DtutilContext, ep: Endpoint, bytes: Uint8Array, opts: { overwrite: boolean; password?: string }): Promise<{ upgradedFrom?: number }> {
  if (ep.kind === 'FILE') {
    writePackageFile(ep.file, bytes);
    return {};
  }
  assertWritable(ep.ref, ctx.year);
  let gated;
  try {
    gated = await gatePackage(bytes, { year: ep.ref.year, fileName: ep.label, password: opts.password });
  } catch (error) {
    throw new DtutilFailure(EXIT.cannotLoad, error);
  }
  const r = await withSession(ep, (s) => importPackage(s, ep.path, bytes, { overwrite: opts.overwrite, gated }));
  return r.upgradedFrom !== undefined ? { upgradedFrom: r.upgradedFrom } : {};
}

/** For a file destination that is an existing directory, the file inside it named after the package. */
export function intoDirectory(ep: Endpoint, packageName: string): Endpoint {
  if (ep.kind !== 'FILE' || !fs.existsSync(ep.file) || !fs.statSync(ep.file).isDirectory()) return ep;
  return { ...ep, file: path.join(ep.file, `${packageName}.dtsx`) };
}

/** The package name a location ends with (file name without `.dtsx`, or the last path segment). */
export function packageNameOf(ep: Endpoint): string {
  const last = ep.kind === 'FILE' ? path.basename(ep.file) : (ep.path.split(/[\\/]/).filter(Boolean).pop() ?? '');
  return last.replace(/\.dtsx$/i, '');
}

/** Whether two endpoints are the same package. */
export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  if (a.kind === 'FILE' && b.kind === 'FILE') return path.resolve(a.file) === path.resolve(b.file);
  if (a.kind === 'SQL' && b.kind === 'SQL') return a.ref.name === b.ref.name && a.path.replace(/^\\+/, '').toLowerCase() === b.path.replace(/^\\+/, '').toLowerCase();
  return false;
}
