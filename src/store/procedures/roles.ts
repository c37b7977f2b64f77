/** @module `sp_ssis_getpackageroles` and `sp_ssis_setpackageroles`: a package's reader and writer roles. */
import type { MsdbSession } from '../instances.ts';
import { msdbError } from '../errors.ts';
import { roleName, roleSid } from '../principals.ts';
import { checkSetRoles } from './access.ts';

/** `sp_ssis_getpackageroles`: the names of the package's reader and writer roles (null when unset or gone). */
export async function getPackageRoles(s: MsdbSession, name: string, folderid: string): Promise<{ readrole: string | null; writerole: string | null }> {
  const [r] = await s.db.query('SELECT readrolesid, writerolesid FROM sysssispackages WHERE name = ? AND folderid = ?', [name, folderid]);
  const resolve = async (sid: unknown) => (sid === null || sid === undefined ? null : ((await roleName(s.db, Buffer.from(sid as Uint8Array))) ?? null));
  return { readrole: await resolve(r?.readrolesid), writerole: await resolve(r?.writerolesid) };
}

/** `sp_ssis_setpackageroles`: only the owner, db_ssisadmin or sysadmin; an unknown role raises 15014; null clears a role. */
export async function setPackageRoles(s: MsdbSession, name: string, folderid: string, readrole: string | null, writerole: string | null): Promise<void> {
  const [r] = await s.db.query('SELECT ownersid FROM sysssispackages WHERE name = ? AND folderid = ?', [name, folderid]);
  if (!r) throw msdbError(14307, name);
  checkSetRoles(s, name, { ownersid: Buffer.from(r.ownersid as Uint8Array) });
  const readSid = readrole === null ? null : await roleSid(s.db, readrole);
  const writeSid = writerole === null ? null : await roleSid(s.db, writerole);
  if (readrole !== null && readSid === undefined) throw msdbError(15014, readrole);
  if (writerole !== null && writeSid === undefined) throw msdbError(15014, writerole);
  await s.db.run('UPDATE sysssispackages SET readrolesid = ?, writerolesid = ? WHERE name = ? AND folderid = ?', [readSid, writeSid, name, folderid]);
}
