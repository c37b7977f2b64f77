/**
 * @module `opendts instance`: create, list and drop msdb instances side by side, and manage their
 * logins and roles (`user`, `role`, `package-roles`).
 */
import path from 'node:path';
import type { CliIo } from '../io.ts';
import { installationOf, readSettings, resolveRoot } from '../../installation/index.ts';
import { parseToolYear, resolveToolYear, type ToolYear } from '../../versions/index.ts';
import { errorMessage, isSsisError } from '../../errors.ts';
import {
  addLogin,
  addRole,
  addRoleMember,
  createInstance,
  dropInstance,
  findFolderId,
  findPrincipal,
  grantInstanceAccess,
  listInstances,
  openInstance,
  parsePackagePath,
  resolveServer,
  setPackageRoles,
  type MsdbSession,
} from '../../store/index.ts';

const USAGE = [
  'Usage: opendts instance <command> [--root DIR]',
  '  create NAME --version 2008|2012|2014 [--url postgres://…?schema=S] [--file PATH] [--backup-originals] [--default]',
  '  list',
  '  drop NAME',
  '  user NAME LOGIN [--password P] [--role ROLE]...   add a login (SQLite: with its password; PostgreSQL: an existing database login) and its roles',
  '  role NAME ROLE                                    add a user-defined database role',
  '  package-roles NAME PACKAGE [--reader ROLE] [--writer ROLE]   set a package\'s reader and writer roles',
].join('\n');

interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

const VALUE_FLAGS = new Set(['--root', '--version', '--url', '--file', '--password', '--role', '--reader', '--writer']);
const BOOL_FLAGS = new Set(['--backup-originals', '--default', '--help', '-h']);

function parse(args: string[]): Parsed | string {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return `${name} needs a value.`;
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else if (BOOL_FLAGS.has(a)) flags.set(a, ['true']);
    else if (a.startsWith('--')) return `unknown option "${a}".`;
    else positional.push(a);
  }
  return { positional, flags };
}

async function withSession<T>(root: string, name: string, fn: (s: MsdbSession) => Promise<T>): Promise<T> {
  const ref = resolveServer(root, name, resolveToolYear({}));
  const s = await openInstance(ref);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

/** Runs `opendts instance`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const p = parse(args);
  if (typeof p === 'string') {
    io.err(`opendts instance: ${p}`);
    io.err(USAGE);
    return 1;
  }
  const [command, ...rest] = p.positional;
  if (p.flags.has('--help') || p.flags.has('-h') || command === undefined) {
    (command === undefined && !p.flags.has('--help') && !p.flags.has('-h') ? io.err : io.out)(USAGE);
    return command === undefined && !p.flags.has('--help') && !p.flags.has('-h') ? 1 : 0;
  }
  const flag = (name: string) => p.flags.get(name)?.at(-1);
  const rootFlag = flag('--root');
  const root = rootFlag ? path.resolve(io.cwd, rootFlag) : resolveRoot(io.env);
  try {
    switch (command) {
      case 'create': {
        const [name] = rest;
        if (!name) break;
        const versionText = flag('--version');
        const year: ToolYear | undefined = versionText ? parseToolYear(versionText) : resolveToolYear({ env: io.env.OPENDTS_PRODUCT_VERSION });
        if (year === undefined) {
          io.err(`opendts instance: unknown version "${versionText}": use 2008, 2012 or 2014.`);
          return 1;
        }
        const file = flag('--file');
        const ref = await createInstance(root, name, year, {
          ...(flag('--url') ? { url: flag('--url') } : {}),
          ...(file ? { file: path.resolve(io.cwd, file) } : {}),
          backupOriginals: p.flags.has('--backup-originals'),
          makeDefault: p.flags.has('--default'),
        });
        const where = ref.registration.kind === 'sqlite' ? ref.registration.file : ref.registration.url;
        io.out(`Created SQL Server ${year} instance "${ref.name}" (${ref.registration.kind}: ${where}).`);
        return 0;
      }
      case 'list': {
        const all = listInstances(root);
        if (all.length === 0) io.out(`No instances are registered under ${root}.`);
        for (const ref of all) {
          const where = ref.registration.kind === 'sqlite' ? ref.registration.file : ref.registration.url;
          const isDefault = readSettings(installationOf(root, ref.year)).defaultInstance === ref.name;
          io.out(`${ref.name.padEnd(20)} ${String(ref.year).padEnd(5)} ${ref.registration.kind.padEnd(8)} ${where}${isDefault ? '   (default)' : ''}`);
        }
        return 0;
      }
      case 'drop': {
        const [name] = rest;
        if (!name) break;
        const ref = await dropInstance(root, name);
        io.out(`Dropped SQL Server ${ref.year} instance "${ref.name}".`);
        return 0;
      }
      case 'user': {
        const [name, login] = rest;
        if (!name || !login) break;
        await withSession(root, name, (s) =>
          s.db.transaction(async () => {
            // A PostgreSQL login may already have its principal row from a first connection.
            if (!(await findPrincipal(s.db, login))) await addLogin(s.db, login, flag('--password'));
            for (const role of p.flags.get('--role') ?? []) await addRoleMember(s.db, role, login);
            await grantInstanceAccess(s.db, login);
          }),
        );
        io.out(`Added login "${login}" to instance "${name}".`);
        return 0;
      }
      case 'role': {
        const [name, role] = rest;
        if (!name || !role) break;
        await withSession(root, name, (s) => addRole(s.db, role));
        io.out(`Added role "${role}" to instance "${name}".`);
        return 0;
      }
      case 'package-roles': {
        const [name, pkgPath] = rest;
        const pp = pkgPath ? parsePackagePath(pkgPath) : undefined;
        if (!name || !pp) break;
        await withSession(root, name, async (s) => {
          const folderid = await findFolderId(s, pp.folders);
          await setPackageRoles(s, pp.name, folderid ?? '', flag('--reader') ?? null, flag('--writer') ?? null);
        });
        io.out(`Set the roles of package "${pkgPath}".`);
        return 0;
      }
      default:
        io.err(`opendts instance: unknown command "${command}".`);
        io.err(USAGE);
        return 1;
    }
  } catch (error) {
    io.err(`opendts instance: ${isSsisError(error) ? error.message : errorMessage(error)}`);
    return 1;
  }
  io.err(`opendts instance ${command}: missing arguments.`);
  io.err(USAGE);
  return 1;
}
