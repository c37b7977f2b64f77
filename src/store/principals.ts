/**
 * @module Who is calling an msdb instance and which roles they hold: msdb's fixed roles
 * (db_ssisadmin, db_ssisltduser, db_ssisoperator), user-defined roles, the server role sysadmin,
 * SQL logins with a password hash (SQLite instances) and database logins (PostgreSQL instances).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import type { StoreDb } from './db/driver.ts';
import { msdbError } from './errors.ts';

/** msdb's fixed database roles for SSIS. */
export const FIXED_ROLES = ['db_ssisadmin', 'db_ssisltduser', 'db_ssisoperator'] as const;
/** The server role that passes every check. */
export const SYSADMIN = 'sysadmin';

/** The caller of a procedure, as `SUSER_SID()`, `IS_MEMBER()` and `IS_SRVROLEMEMBER()` see it. */
export interface Caller {
  readonly login: string;
  readonly sid: Buffer;
  readonly sysadmin: boolean;
  /** Database roles the login is a member of. */
  readonly roles: ReadonlySet<string>;
  /** True for the integrated (operating system) login. */
  readonly integrated: boolean;
}

/** `IS_MEMBER(role)`. */
export function isMember(caller: Caller, role: string): boolean {
  return caller.roles.has(role);
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(stored: string | null, password: string): boolean {
  const [kind, salt, hash] = (stored ?? '').split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** Creates the fixed roles and the sysadmin server role of a new instance. */
export async function seedPrincipals(db: StoreDb): Promise<void> {
  for (const role of [...FIXED_ROLES, SYSADMIN]) {
    await db.run('INSERT INTO opendts_principals (name, type, sid, isfixedrole) VALUES (?, ?, ?, 1)', [role, 'R', randomBytes(16)]);
  }
}

/** The principal row of `name`, if any. */
export async function findPrincipal(db: StoreDb, name: string): Promise<{ name: string; type: string; sid: Buffer; passwordhash: string | null } | undefined> {
  const rows = await db.query('SELECT name, type, sid, passwordhash FROM opendts_principals WHERE name = ?', [name]);
  return rows[0] as { name: string; type: string; sid: Buffer; passwordhash: string | null } | undefined;
}

/** The SID of a database role (`sys.database_principals` type 'R'), if it exists. */
export async function roleSid(db: StoreDb, role: string): Promise<Buffer | undefined> {
  const p = await findPrincipal(db, role);
  return p?.type === 'R' ? p.sid : undefined;
}

/** The name of the role with this SID, if one exists. */
export async function roleName(db: StoreDb, sid: Buffer): Promise<string | undefined> {
  const rows = await db.query("SELECT name FROM opendts_principals WHERE type = 'R' AND sid = ?", [sid]);
  return rows[0]?.name as string | undefined;
}

/** Adds a SQL login (SQLite instances: with a password) or a database login (PostgreSQL: authenticated by the server). */
export async function addLogin(db: StoreDb, name: string, password: string | undefined): Promise<void> {
  await db.run('INSERT INTO opendts_principals (name, type, sid, passwordhash) VALUES (?, ?, ?, ?)', [
    name,
    'S',
    randomBytes(16),
    password === undefined ? null : hashPassword(password),
  ]);
}

/**
 * Lets a PostgreSQL login use the instance's tables (schema usage, row access, sequences), so that it can
 * connect as itself; msdb's roles are then enforced by the procedures, as SQL Server's are, not by the
 * database's own grants. Nothing to do for SQLite instances.
 */
export async function grantInstanceAccess(db: StoreDb, login: string): Promise<void> {
  if (db.dialect !== 'postgres') return;
  const [row] = await db.query('SELECT current_schema() AS schema');
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const schema = quote(String(row!.schema));
  await db.exec(
    `GRANT USAGE ON SCHEMA ${schema} TO ${quote(login)}; ` +
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${quote(login)}; ` +
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${quote(login)}`,
  );
}

/** Adds a user-defined database role (for per-package reader and writer roles). */
export async function addRole(db: StoreDb, name: string): Promise<void> {
  await db.run('INSERT INTO opendts_principals (name, type, sid) VALUES (?, ?, ?)', [name, 'R', randomBytes(16)]);
}

/** `sp_addrolemember`: puts `member` in `role` (a database role or sysadmin). */
export async function addRoleMember(db: StoreDb, role: string, member: string): Promise<void> {
  if ((await findPrincipal(db, role))?.type !== 'R') throw msdbError(15014, role);
  await db.run('DELETE FROM opendts_role_members WHERE role = ? AND member = ?', [role, member]);
  await db.run('INSERT INTO opendts_role_members (role, member) VALUES (?, ?)', [role, member]);
}

async function rolesOf(db: StoreDb, login: string): Promise<Set<string>> {
  const rows = await db.query('SELECT role FROM opendts_role_members WHERE member = ?', [login]);
  return new Set(rows.map((r) => r.role as string));
}

/** The integrated login's name: the operating system user, as Windows authentication would give. */
export function integratedLogin(): string {
  return os.userInfo().username;
}

/**
 * Identifies the caller of a SQLite instance. No user: Windows authentication, the operating system
 * user, treated as the machine's administrator (sysadmin). A user: a SQL login whose password must
 * match; an unknown user or a wrong password is refused with SQL Server's message 18456.
 */
export async function authenticateSqlite(db: StoreDb, user: string | undefined, password: string | undefined): Promise<Caller> {
  if (user === undefined || user === '') {
    const login = integratedLogin();
    return { login, sid: Buffer.from(`os:${login}`), sysadmin: true, roles: await rolesOf(db, login), integrated: true };
  }
  const p = await findPrincipal(db, user);
  if (!p || p.type !== 'S' || !passwordMatches(p.passwordhash, password ?? '')) throw msdbError(18456, user);
  const roles = await rolesOf(db, user);
  return { login: user, sid: Buffer.from(p.sid), sysadmin: roles.has(SYSADMIN), roles, integrated: false };
}

/**
 * Identifies the caller of a PostgreSQL instance: the database login the connection runs as (the
 * server already checked its password). Superusers are sysadmin. A login used for the first time
 * gets a principal row (and SID) of its own.
 */
export async function authenticatePostgres(db: StoreDb): Promise<Caller> {
  const [who] = await db.query('SELECT current_user AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super');
  const login = String(who!.login);
  let p = await findPrincipal(db, login);
  if (!p) {
    await db.run('INSERT INTO opendts_principals (name, type, sid) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [login, 'S', randomBytes(16)]);
    p = await findPrincipal(db, login);
  }
  const roles = await rolesOf(db, login);
  return { login, sid: Buffer.from(p!.sid), sysadmin: who!.super === true || roles.has(SYSADMIN), roles, integrated: false };
}
