/** @module The rows of `sysssispackages` and `sysssispackagefolders` as the procedures return them, the same from every database. */
import type { Row } from '../db/driver.ts';
import { normalizeGuid } from '../guid.ts';

/** One row of `sysssispackages`. */
export interface PackageRow {
  name: string;
  id: string;
  description: string | null;
  createdate: Date;
  folderid: string;
  ownersid: Buffer;
  packagedata: Buffer;
  /** 2 = 2005 format, 3 = 2008 or later. */
  packageformat: number;
  packagetype: number;
  vermajor: number;
  verminor: number;
  verbuild: number;
  vercomments: string | null;
  verid: string;
  isencrypted: boolean;
  readrolesid: Buffer | null;
  writerolesid: Buffer | null;
}

/** One row of `sysssispackagefolders`. */
export interface FolderRow {
  folderid: string;
  parentfolderid: string | null;
  foldername: string;
}

function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

function blob(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  return Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
}

/** A package row from any dialect. */
export function packageRow(r: Row): PackageRow {
  return {
    name: String(r.name),
    id: normalizeGuid(r.id)!,
    description: (r.description as string | null) ?? null,
    createdate: date(r.createdate),
    folderid: normalizeGuid(r.folderid)!,
    ownersid: blob(r.ownersid)!,
    packagedata: blob(r.packagedata) ?? Buffer.alloc(0),
    packageformat: Number(r.packageformat),
    packagetype: Number(r.packagetype),
    vermajor: Number(r.vermajor),
    verminor: Number(r.verminor),
    verbuild: Number(r.verbuild),
    vercomments: (r.vercomments as string | null) ?? null,
    verid: normalizeGuid(r.verid)!,
    isencrypted: Number(r.isencrypted) === 1 || r.isencrypted === true,
    readrolesid: blob(r.readrolesid),
    writerolesid: blob(r.writerolesid),
  };
}

/** A folder row from any dialect. */
export function folderRow(r: Row): FolderRow {
  return { folderid: normalizeGuid(r.folderid)!, parentfolderid: normalizeGuid(r.parentfolderid), foldername: String(r.foldername) };
}

