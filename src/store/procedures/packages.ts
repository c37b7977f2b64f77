/** @module `sp_ssis_putpackage`, `getpackage`, `deletepackage`, `listpackages`, `checkexists`: the package procedures of msdb, as library functions. */
import type { MsdbSession } from '../instances.ts';
import { checkDelete, checkInsert, checkRead, checkUpdate } from './access.ts';
import { packageRow, type PackageRow } from './rows.ts';

/** The parameters of `sp_ssis_putpackage`: a package row without what the instance decides (owner, roles, encryption flag). */
export type PutPackageParams = Omit<PackageRow, 'ownersid' | 'packagedata' | 'isencrypted' | 'readrolesid' | 'writerolesid'> & { packagedata: Uint8Array };

async function ownerAndRoles(s: MsdbSession, name: string, folderid: string) {
  const rows = await s.db.query('SELECT ownersid, readrolesid, writerolesid FROM sysssispackages WHERE name = ? AND folderid = ?', [name, folderid]);
  const r = rows[0];
  if (!r) return undefined;
  const b = (v: unknown) => (v === null || v === undefined ? null : Buffer.from(v as Uint8Array));
  return { ownersid: b(r.ownersid)!, readrolesid: b(r.readrolesid), writerolesid: b(r.writerolesid) };
}

/**
 * `sp_ssis_putpackage`: inserts the package, or updates it when (name, folder) exists. The update
 * keeps the owner, `isencrypted` and the reader/writer roles; the insert makes the caller the owner.
 */
export async function putPackage(s: MsdbSession, p: PutPackageParams): Promise<'inserted' | 'updated'> {
  const existing = await ownerAndRoles(s, p.name, p.folderid);
  const values = [p.id, p.description, p.createdate, p.packagedata, p.packageformat, p.packagetype, p.vermajor, p.verminor, p.verbuild, p.vercomments, p.verid];
  if (existing) {
    await checkUpdate(s, p.name, existing);
    await s.db.run(
      'UPDATE sysssispackages SET id = ?, description = ?, createdate = ?, packagedata = ?, packageformat = ?, packagetype = ?, vermajor = ?, verminor = ?, verbuild = ?, vercomments = ?, verid = ? WHERE name = ? AND folderid = ?',
      [...values, p.name, p.folderid],
    );
    return 'updated';
  }
  checkInsert(s, p.name);
  await s.db.run(
    'INSERT INTO sysssispackages (name, folderid, ownersid, id, description, createdate, packagedata, packageformat, packagetype, vermajor, verminor, verbuild, vercomments, verid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [p.name, p.folderid, s.caller.sid, ...values],
  );
  return 'inserted';
}

/** `sp_ssis_getpackage`: the package's bytes (with its row), after the reader check; undefined when it does not exist. */
export async function getPackage(s: MsdbSession, name: string, folderid: string): Promise<PackageRow | undefined> {
  const existing = await ownerAndRoles(s, name, folderid);
  if (existing) await checkRead(s, name, existing);
  const rows = await s.db.query('SELECT * FROM sysssispackages WHERE name = ? AND folderid = ?', [name, folderid]);
  return rows[0] ? packageRow(rows[0]) : undefined;
}

/** `sp_ssis_deletepackage`: deletes the package after the writer check; returns whether a row was deleted. */
export async function deletePackage(s: MsdbSession, name: string, folderid: string): Promise<boolean> {
  const existing = await ownerAndRoles(s, name, folderid);
  if (existing) await checkDelete(s, name, existing);
  return (await s.db.run('DELETE FROM sysssispackages WHERE name = ? AND folderid = ?', [name, folderid])) > 0;
}

/** One row of `sp_ssis_listpackages` (with `datalength(packagedata)` as `size`). */
export interface PackageListing {
  name: string;
  id: string;
  description: string | null;
  createdate: Date;
  folderid: string;
  size: number;
  vermajor: number;
  verminor: number;
  verbuild: number;
  vercomments: string | null;
  verid: string;
}

/** `sp_ssis_listpackages`: the packages of a folder, ordered by name. */
export async function listPackages(s: MsdbSession, folderid: string): Promise<PackageListing[]> {
  const rows = await s.db.query('SELECT * FROM sysssispackages WHERE folderid = ? ORDER BY name', [folderid]);
  return rows.map(packageRow).map((r) => ({
    name: r.name,
    id: r.id,
    description: r.description,
    createdate: r.createdate,
    folderid: r.folderid,
    size: r.packagedata.length,
    vermajor: r.vermajor,
    verminor: r.verminor,
    verbuild: r.verbuild,
    vercomments: r.vercomments,
    verid: r.verid,
  }));
}

/** `sp_ssis_checkexists`: whether (name, folder) holds a package. */
export async function checkExists(s: MsdbSession, name: string, folderid: string): Promise<boolean> {
  return (await s.db.query('SELECT 1 AS one FROM sysssispackages WHERE name = ? AND folderid = ? LIMIT 1', [name, folderid])).length > 0;
}

/** Sets `isencrypted` (msdb's procedures never do; OpenDTS sets it for packages saved with an EncryptAll level). */
export async function setEncryptedFlag(s: MsdbSession, name: string, folderid: string, isencrypted: boolean): Promise<void> {
  await s.db.run('UPDATE sysssispackages SET isencrypted = ? WHERE name = ? AND folderid = ?', [isencrypted ? 1 : 0, name, folderid]);
}
