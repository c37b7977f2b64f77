/**
 * @module msdb instances side by side: create, register, find, open and drop them. An instance is a
 * database of one product version (SQLite file by default, or a PostgreSQL schema given by URL),
 * registered in its version's settings so that `/SourceServer NAME`, `/DestServer NAME` and `/SER NAME` find it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SsisError } from '../errors.ts';
import {
  installationOf,
  readSettings,
  registeredName,
  updateSettings,
  type InstanceConnection,
  type InstanceRegistration,
} from '../installation/index.ts';
import { toolVersions, versionOfYear, type ToolYear } from '../versions/index.ts';
import type { StoreDb } from './db/driver.ts';
import { openPostgres, parsePostgresUrl } from './db/postgres.ts';
import { openSqlite } from './db/sqlite.ts';
import { authenticatePostgres, authenticateSqlite, seedPrincipals, type Caller } from './principals.ts';
import { INSTANCE_TABLES, SEED_FOLDERS, schemaSql } from './schema.ts';
import { msdbError, serverNotFoundError } from './errors.ts';

/** A registered instance: its name, version and where it lives. */
export interface InstanceRef {
  readonly name: string;
  readonly year: ToolYear;
  readonly registration: InstanceRegistration;
}

/** An open connection to an instance, as one caller. Close it when done. */
export interface MsdbSession {
  readonly name: string;
  readonly year: ToolYear;
  readonly db: StoreDb;
  readonly caller: Caller;
  /** Keep the original bytes of packages upgraded on import. */
  readonly backupOriginals: boolean;
  close(): Promise<void>;
}

/** Credentials of a caller: none means Windows (integrated) authentication. */
export interface Credentials {
  readonly user?: string;
  readonly password?: string;
}

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_$#@-]{0,127}$/;

async function connect(conn: InstanceConnection, create: boolean, creds: Credentials = {}): Promise<StoreDb> {
  if (conn.kind === 'sqlite') {
    if (!create && !fs.existsSync(conn.file)) throw serverNotFoundError(`The database file "${conn.file}" of this instance does not exist.`);
    return openSqlite(conn.file, { create });
  }
  const target = parsePostgresUrl(conn.url);
  const usesSqlLogin = creds.user !== undefined && creds.user !== '';
  try {
    return await openPostgres(target, usesSqlLogin ? { user: creds.user, password: creds.password ?? '' } : {});
  } catch (error) {
    if (usesSqlLogin) throw msdbError(18456, creds.user!);
    throw new SsisError('0xC0014062', 'DTS_E_LOADFROMSQLSERVER', `Cannot connect to the PostgreSQL instance: ${(error as Error).message}`);
  }
}

/** Creates an instance of `year` named `name`: its database, tables and seed rows, and its registration. */
export async function createInstance(
  root: string,
  name: string,
  year: ToolYear,
  opts: { url?: string; file?: string; backupOriginals?: boolean; makeDefault?: boolean } = {},
): Promise<InstanceRef> {
  if (!VALID_NAME.test(name)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${name}" is not a valid instance name (letters, digits, _ $ # @ -; starting with a letter or _).`);
  const existing = findRegistered(root, name);
  if (existing) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `An instance named "${existing.name}" is already registered (SQL Server ${existing.year}).`);
  const inst = installationOf(root, year);
  const conn: InstanceConnection = opts.url
    ? { kind: 'postgres', url: opts.url }
    : { kind: 'sqlite', file: path.resolve(opts.file ?? path.join(inst.dataDir, `${name}.msdb.sqlite`)) };
  if (conn.kind === 'sqlite') {
    if (fs.existsSync(conn.file)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The file "${conn.file}" already exists.`);
    fs.mkdirSync(path.dirname(conn.file), { recursive: true });
  } else {
    const target = parsePostgresUrl(conn.url);
    const admin = await openPostgres({ ...target, schema: 'public' });
    try {
      await admin.exec(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
    } finally {
      await admin.close();
    }
  }
  const db = await connect(conn, true);
  try {
    await db.transaction(async () => {
      await db.exec(schemaSql(db.dialect));
      for (const f of SEED_FOLDERS) {
        await db.run('INSERT INTO sysssispackagefolders (folderid, parentfolderid, foldername) VALUES (?, ?, ?)', [f.folderid, f.parentfolderid, f.foldername]);
      }
      await seedPrincipals(db);
      const v = versionOfYear(year);
      for (const [key, value] of [
        ['ProductVersion', String(year)],
        ['PackageFormatVersion', String(v.packageFormat)],
        ['InstanceName', name],
        ['CreatedBy', os.userInfo().username],
        ['CreateDate', new Date().toISOString()],
      ]) {
        await db.run('INSERT INTO opendts_instance (key, value) VALUES (?, ?)', [key, value]);
      }
    });
  } catch (error) {
    await db.close();
    if (conn.kind === 'sqlite') fs.rmSync(conn.file, { force: true });
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `Cannot create instance "${name}": ${(error as Error).message}`);
  }
  await db.close();
  const registration: InstanceRegistration = { ...conn, ...(opts.backupOriginals ? { backupOriginals: true } : {}), created: new Date().toISOString() };
  updateSettings(inst, (s) => {
    s.instances[name] = registration;
    if (opts.makeDefault || s.defaultInstance === undefined) s.defaultInstance = name;
  });
  return { name, year, registration };
}

/** Every registered instance of every version, oldest version first. */
export function listInstances(root: string): InstanceRef[] {
  return toolVersions().flatMap((v) => {
    const year = v.year as ToolYear;
    const settings = readSettings(installationOf(root, year));
    return Object.entries(settings.instances).map(([name, registration]) => ({ name, year, registration }));
  });
}

function findRegistered(root: string, name: string): InstanceRef | undefined {
  for (const ref of listInstances(root)) if (ref.name.toLowerCase() === name.toLowerCase()) return ref;
  return undefined;
}

const LOCAL_HOSTS = new Set(['.', '(local)', 'localhost', '127.0.0.1']);

/**
 * Finds the instance a server name means: `.`, `(local)`, `localhost` or empty → the default
 * instance of the tool's version; `NAME` or `host\NAME` → the instance registered as NAME in any
 * version's settings (the tool's own version first).
 */
export function resolveServer(root: string, server: string | undefined, toolYear: ToolYear): InstanceRef {
  const text = (server ?? '').trim();
  const slash = text.indexOf('\\');
  const host = slash < 0 ? text : text.slice(0, slash);
  const instance = slash < 0 ? '' : text.slice(slash + 1);
  const isLocalHost = host === '' || LOCAL_HOSTS.has(host.toLowerCase()) || host.toLowerCase() === os.hostname().toLowerCase();
  let name = instance;
  if (name === '') {
    if (!isLocalHost) name = host;
    else {
      const s = readSettings(installationOf(root, toolYear));
      if (!s.defaultInstance) throw serverNotFoundError(`The server "${text || '.'}" names the default instance of SQL Server ${toolYear}, and none is registered. Create one with "opendts instance create NAME --version ${toolYear}".`);
      name = s.defaultInstance;
    }
  }
  const own = readSettings(installationOf(root, toolYear));
  const ownName = registeredName(own, name);
  if (ownName) return { name: ownName, year: toolYear, registration: own.instances[ownName]! };
  const found = findRegistered(root, name);
  if (!found) throw serverNotFoundError(`The server "${text}" is not a registered msdb instance. Registered instances are listed by "opendts instance list".`);
  return found;
}

/** Opens an instance as a caller; checks that its database is the version it is registered as. */
export async function openInstance(ref: InstanceRef, creds: Credentials = {}): Promise<MsdbSession> {
  const db = await connect(ref.registration, false, creds);
  try {
    const rows = await db.query("SELECT value FROM opendts_instance WHERE key = 'ProductVersion'");
    if (Number(rows[0]?.value) !== ref.year) {
      throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `Instance "${ref.name}" is registered as SQL Server ${ref.year} but its database says ${String(rows[0]?.value ?? 'nothing')}.`);
    }
    const caller = db.dialect === 'sqlite' ? await authenticateSqlite(db, creds.user, creds.password) : await authenticatePostgres(db);
    return { name: ref.name, year: ref.year, db, caller, backupOriginals: ref.registration.backupOriginals === true, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Drops an instance: its SQLite file, or its PostgreSQL schema with everything in it (only the store's tables when it is `public`), and its registration. */
export async function dropInstance(root: string, name: string): Promise<InstanceRef> {
  const ref = findRegistered(root, name);
  if (!ref) throw serverNotFoundError(`No instance named "${name}" is registered.`);
  const conn = ref.registration;
  if (conn.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(conn.file + suffix, { force: true });
  } else {
    const target = parsePostgresUrl(conn.url);
    const db = await openPostgres(target);
    try {
      // A schema of its own belongs to the instance whole, with what other layers keep in msdb (the Agent's
      // tables); in `public` only the store's own tables are dropped.
      if (target.schema !== 'public') await db.exec(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
      else for (const t of INSTANCE_TABLES) await db.exec(`DROP TABLE IF EXISTS "${target.schema}"."${t}"`);
    } finally {
      await db.close();
    }
  }
  updateSettings(installationOf(root, ref.year), (s) => {
    delete s.instances[ref.name];
    if (s.defaultInstance === ref.name) {
      const next = Object.keys(s.instances)[0];
      if (next === undefined) delete s.defaultInstance;
      else s.defaultInstance = next;
    }
  });
  return ref;
}
