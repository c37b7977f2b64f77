/** @module dtutil's folder actions: /FCREATE, /FDELETE, /FDIRECTORY, /FEXISTS, /FRENAME, in msdb (`SQL`) and the Package Store (`DTS`). */
import fs from 'node:fs';
import {
  assertReadable,
  createStoreFolder,
  createStoredFolder,
  deleteStoreFolder,
  deleteStoredFolder,
  listPackageStore,
  listStoredFolder,
  openInstance,
  renameStoredFolder,
  renameStoreFolder,
  resolveDtsFolder,
  resolveServer,
  storedFolderExists,
  type InstanceRef,
  type MsdbSession,
} from '../../store/index.ts';
import type { DtutilAction, DtutilCommand } from './command.ts';
import { MESSAGES } from './console.ts';
import type { DtutilContext } from './endpoints.ts';
import { EXIT } from './failure.ts';

type FolderTarget = { kind: 'FILE'; dir: string; storePath: string } | { kind: 'SQL'; ref: InstanceRef; path: string };

function target(ctx: DtutilContext, cmd: DtutilCommand, store: 'SQL' | 'DTS', folderPath: string): FolderTarget {
  if (store === 'DTS') {
    const r = resolveDtsFolder(ctx.root, ctx.year, folderPath);
    return r.kind === 'FILE' ? r : { kind: 'SQL', ref: resolveServer(ctx.root, r.server, ctx.year), path: r.path };
  }
  // Folder actions on msdb use the destination server, else the source server, else the default instance (SSIS behaviour unverified).
  return { kind: 'SQL', ref: resolveServer(ctx.root, cmd.destServer ?? cmd.sourceServer, ctx.year), path: folderPath };
}

async function session<T>(cmd: DtutilCommand, ref: InstanceRef, fn: (s: MsdbSession) => Promise<T>): Promise<T> {
  const s = await openInstance(ref, { user: cmd.destUser ?? cmd.sourceUser, password: cmd.destPassword ?? cmd.sourcePassword });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const join = (parent: string, name: string) => (parent.replace(/[\\/]+$/, '') === '' ? name : `${parent.replace(/[\\/]+$/, '')}\\${name}`);

/** Runs a folder action; returns the exit code. Folders hold no package format, so instances of the tool's version or older ones are managed. */
export async function runFolderAction(ctx: DtutilContext, cmd: DtutilCommand, action: DtutilAction): Promise<number> {
  const out = ctx.io.out;
  switch (action.kind) {
    case 'FCREATE': {
      const t = target(ctx, cmd, action.store, action.parent);
      if (t.kind === 'FILE') createStoreFolder(t.dir, action.name);
      else {
        assertReadable(t.ref, ctx.year);
        await session(cmd, t.ref, (s) => createStoredFolder(s, t.path, action.name));
      }
      break;
    }
    case 'FDELETE': {
      const t = target(ctx, cmd, action.store, join(action.parent, action.name));
      if (t.kind === 'FILE') deleteStoreFolder(t.dir);
      else {
        assertReadable(t.ref, ctx.year);
        await session(cmd, t.ref, (s) => deleteStoredFolder(s, t.path));
      }
      break;
    }
    case 'FRENAME': {
      const t = target(ctx, cmd, action.store, join(action.parent, action.oldName));
      if (t.kind === 'FILE') renameStoreFolder(t.dir, action.newName);
      else {
        assertReadable(t.ref, ctx.year);
        await session(cmd, t.ref, (s) => renameStoredFolder(s, t.path, action.newName));
      }
      break;
    }
    case 'FEXISTS': {
      const t = target(ctx, cmd, action.store, action.path);
      let exists: boolean;
      if (t.kind === 'FILE') exists = fs.existsSync(t.dir) && fs.statSync(t.dir).isDirectory();
      else {
        assertReadable(t.ref, ctx.year);
        exists = await session(cmd, t.ref, (s) => storedFolderExists(s, t.path));
      }
      out(exists ? MESSAGES.folderExists : MESSAGES.folderMissing);
      return exists ? EXIT.success : EXIT.failure;
    }
    case 'FDIRECTORY': {
      out(`Folder: ${action.store === 'SQL' ? '\\MSDB' : ''}\\${action.path.replace(/^[\\/]+/, '')}`);
      let entries: { kind: 'folder' | 'package'; path: string }[];
      if (action.store === 'DTS') entries = await listPackageStore(ctx.root, ctx.year, action.path, { recursive: action.recursive });
      else {
        const t = target(ctx, cmd, 'SQL', action.path) as Extract<FolderTarget, { kind: 'SQL' }>;
        assertReadable(t.ref, ctx.year);
        entries = await session(cmd, t.ref, (s) => listStoredFolder(s, t.path, action.recursive));
      }
      for (const e of entries) out(`  ${e.kind === 'folder' ? '<FOLDER>' : '        '} ${e.path}`);
      out('');
      break;
    }
    default:
      return EXIT.syntax;
  }
  out(MESSAGES.success);
  return EXIT.success;
}
