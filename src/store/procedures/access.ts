/** @module The security checks of the `sp_ssis_*` procedures, word for word as msdb's procedure bodies make them. */
import type { MsdbSession } from '../instances.ts';
import { isMember, roleName } from '../principals.ts';
import { msdbError } from '../errors.ts';

function ownerIs(s: MsdbSession, sid: Buffer): boolean {
  return Buffer.compare(sid, s.caller.sid) === 0;
}

/** The role a package's role SID names; a SID whose role no longer exists counts as db_ssisadmin. */
async function packageRole(s: MsdbSession, sid: Buffer | null): Promise<string | undefined> {
  if (sid === null) return undefined;
  return (await roleName(s.db, sid)) ?? 'db_ssisadmin';
}

/** `sp_ssis_getpackage`'s check: may the caller read this package? Raises 14307 or 14586. */
export async function checkRead(s: MsdbSession, name: string, row: { ownersid: Buffer; readrolesid: Buffer | null }): Promise<void> {
  const c = s.caller;
  const readRole = await packageRole(s, row.readrolesid);
  const ltdOwner = isMember(c, 'db_ssisltduser') && ownerIs(s, row.ownersid);
  if (readRole !== undefined) {
    if (!isMember(c, readRole) && !isMember(c, 'db_ssisadmin') && !c.sysadmin && !ltdOwner) throw msdbError(14307, name);
  } else if (!isMember(c, 'db_ssisadmin') && !c.sysadmin && !isMember(c, 'db_ssisoperator') && !ltdOwner) {
    throw msdbError(14586, name);
  }
}

/** `sp_ssis_putpackage`'s check for an existing package: may the caller overwrite it? Raises 14307. */
export async function checkUpdate(s: MsdbSession, name: string, row: { ownersid: Buffer; writerolesid: Buffer | null }): Promise<void> {
  const c = s.caller;
  const writeRole = await packageRole(s, row.writerolesid);
  const ltdOwner = isMember(c, 'db_ssisltduser') && ownerIs(s, row.ownersid);
  const inWriteRole = writeRole !== undefined && isMember(c, writeRole);
  if (!inWriteRole && !isMember(c, 'db_ssisadmin') && !c.sysadmin && !ltdOwner) throw msdbError(14307, name);
}

/** `sp_ssis_putpackage`'s check for a new package: ltduser, admin or sysadmin. Raises 14307. */
export function checkInsert(s: MsdbSession, name: string): void {
  const c = s.caller;
  if (!isMember(c, 'db_ssisltduser') && !isMember(c, 'db_ssisadmin') && !c.sysadmin) throw msdbError(14307, name);
}

/** `sp_ssis_deletepackage`'s check: with a writer role set, db_ssisadmin alone is not enough. Raises 14307. */
export async function checkDelete(s: MsdbSession, name: string, row: { ownersid: Buffer; writerolesid: Buffer | null }): Promise<void> {
  const c = s.caller;
  const writeRole = await packageRole(s, row.writerolesid);
  const ltdOwner = isMember(c, 'db_ssisltduser') && ownerIs(s, row.ownersid);
  const privileged = writeRole === undefined ? isMember(c, 'db_ssisadmin') || c.sysadmin : isMember(c, writeRole) || c.sysadmin;
  if (!privileged && !ltdOwner) throw msdbError(14307, name);
}

/** The folder procedures' check: ltduser, admin or sysadmin, else `error` (14591 for add/rename, 14307 for delete). */
export function checkFolderWrite(s: MsdbSession, name: string, error: 14591 | 14307): void {
  const c = s.caller;
  if (!isMember(c, 'db_ssisltduser') && !isMember(c, 'db_ssisadmin') && !c.sysadmin) throw msdbError(error, name);
}

/** `sp_ssis_setpackageroles`'s check: only the owner, db_ssisadmin or sysadmin. */
export function checkSetRoles(s: MsdbSession, name: string, row: { ownersid: Buffer }): void {
  const c = s.caller;
  if (!isMember(c, 'db_ssisadmin') && !c.sysadmin && !ownerIs(s, row.ownersid)) throw msdbError(14307, name);
}
