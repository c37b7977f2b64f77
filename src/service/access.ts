/**
 * @module Who may do what in the service: sign-in as a SQL login of the msdb instance the configuration
 * names first, and the role policy (admins change anything; operators and limited users read and run).
 */
import { FIXED_ROLES, SYSADMIN, msdbErrorNumber, openInstance, resolveServer } from '../store/index.ts';
import type { ServiceTopFolder } from '../installation/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { ApiError } from './http-kit.ts';
import type { SessionUser } from './sessions.ts';

/**
 * Authenticates `user` with `password` against the msdb instance of the first `SqlServerFolder` of the
 * configuration. The login must hold sysadmin or one of msdb's SSIS roles. Integrated (no password)
 * sign-in is not offered over HTTP.
 */
export async function signIn(root: string, year: ToolYear, folders: readonly ServiceTopFolder[], user: string, password: string): Promise<SessionUser> {
  const msdb = folders.find((f) => f.type === 'SqlServerFolder');
  if (!msdb) throw new ApiError(503, 'Sign-in needs an msdb folder (SqlServerFolder) in MsDtsSrvr.ini.xml: its instance holds the logins and roles.');
  const ref = resolveServer(root, msdb.serverName, year);
  let session;
  try {
    session = await openInstance(ref, { user, password });
  } catch (error) {
    if (msdbErrorNumber(error) === 18456) throw new ApiError(401, `Login failed for user '${user}'.`);
    throw error;
  }
  await session.close();
  const caller = session.caller;
  const callers = new Map([[ref.name.toLowerCase(), caller]]);
  const roles = [...caller.roles].filter((r) => r !== SYSADMIN);
  if (!caller.sysadmin && !FIXED_ROLES.some((r) => caller.roles.has(r))) {
    throw new ApiError(403, `The login '${user}' is not a member of sysadmin, db_ssisadmin, db_ssisoperator or db_ssisltduser in instance "${ref.name}".`);
  }
  return { login: caller.login, sysadmin: caller.sysadmin, roles, credentials: { user, password }, callers };
}

/** Whether the user may change packages and folders: sysadmin or db_ssisadmin. */
export function isAdmin(user: SessionUser): boolean {
  return user.sysadmin || user.roles.includes('db_ssisadmin');
}

/**
 * Refuses a change to a user who is not an admin. In msdb, db_ssisltduser may also change the packages
 * it owns; the service simplifies this: operators and limited users read and run only.
 */
export function requireAdmin(user: SessionUser, action: string): void {
  if (!isAdmin(user)) {
    throw new ApiError(403, `Only a member of db_ssisadmin or sysadmin may ${action}; '${user.login}' (${user.roles.join(', ') || 'no role'}) may read and run packages.`);
  }
}

