/** @module The FTP task: send, receive and delete files and make or remove folders, locally and on an FTP server (basic-ftp). */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { SsisError, errorMessage } from '../errors.ts';
import { ftpConnectionSettings, type FtpConnectionSettings } from '../connections/settings/index.ts';
import type { ConnectionManager } from '../package/index.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

/** DTSFTPOp, by name and number. */
export const FTP_OPERATIONS = ['Send', 'Receive', 'DeleteLocal', 'DeleteRemote', 'MakeDirLocal', 'MakeDirRemote', 'RemoveDirLocal', 'RemoveDirRemote'] as const;
export type FtpOperation = (typeof FTP_OPERATIONS)[number];

function setting(ctx: TaskContext, name: string): string | undefined {
  const raw = (ctx.settings['raw'] ?? {}) as Record<string, string>;
  const lower = name.toLowerCase();
  for (const source of [ctx.settings as Record<string, unknown>, raw]) {
    for (const [k, v] of Object.entries(source)) if (k.toLowerCase() === lower && v !== undefined && v !== '') return String(v);
  }
  return undefined;
}

const flag = (text: string | undefined) => text !== undefined && /^(true|-1|1)$/i.test(text);

/** The operation of the task (`TaskOperationType`, a name or a DTSFTPOp number; Send by default). */
export function ftpOperation(text: string | undefined): FtpOperation {
  if (text === undefined || text === '') return 'Send';
  const op = /^\d+$/.test(text) ? FTP_OPERATIONS[Number(text)] : FTP_OPERATIONS.find((o) => o.toLowerCase() === text.toLowerCase());
  if (!op) throw new SsisError('0xC0029186', 'DTS_E_FTPTASK_OPERATION', `The FTP task operation "${text}" is not valid.`);
  return op;
}

/** The remote files a path names: a file, or a folder's files matching `*` and `?` in the last part. */
export function matchRemote(path: string, names: readonly string[]): string[] {
  const name = posix.basename(path);
  if (!/[*?]/.test(name)) return [path];
  const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return names.filter((n) => re.test(n)).map((n) => posix.join(posix.dirname(path), n));
}

function connectionSettings(ctx: TaskContext, name: string): FtpConnectionSettings {
  const cm = ctx.connection(name);
  const model = cm.source as ConnectionManager | undefined;
  if (model?.element) return { ...ftpConnectionSettings(model), ...(cm.properties['ServerPassword'] !== undefined ? { password: String(cm.properties['ServerPassword']) } : {}) };
  const m = /^([^:]*)(?::(\d+))?$/.exec(cm.connectionString.trim());
  const p = cm.properties;
  return {
    host: m?.[1] ?? '', port: Number(m?.[2] ?? 21), user: String(p['ServerUserName'] ?? 'anonymous'), password: p['ServerPassword'] === undefined ? undefined : String(p['ServerPassword']),
    passive: flag(String(p['UsePassiveMode'] ?? '')), timeoutSeconds: Number(p['Timeout'] ?? 60), chunkSizeKb: 1, retries: 1,
  };
}

/** The FTP task. */
export const ftpTask: TaskImplementation = {
  validate(ctx) {
    ftpOperation(setting(ctx, 'TaskOperationType') ?? setting(ctx, 'Operation'));
    const conn = setting(ctx, 'ConnectionName') ?? setting(ctx, 'Connection');
    if (!conn) throw new SsisError('0xC0029186', 'DTS_E_FTPTASK_NOCONNECTION', `The FTP task "${ctx.task.name}" has no FTP connection manager.`);
    connectionSettings(ctx, conn);
  },
  async execute(ctx) {
    const op = ftpOperation(setting(ctx, 'TaskOperationType') ?? setting(ctx, 'Operation'));
    const value = (name: string, isVariable: string) => {
      const v = setting(ctx, name) ?? '';
      return flag(setting(ctx, isVariable)) ? String(ctx.variable(v).value ?? '') : v;
    };
    const local = () => {
      const v = value('TaskLocalPath', 'TaskIsLocalVariable');
      return flag(setting(ctx, 'TaskIsLocalVariable')) ? ctx.filePath(v, { isConnection: false }) : ctx.filePath(v);
    };
    const overwrite = flag(setting(ctx, 'TaskOverwriteDest'));
    if (op === 'MakeDirLocal') return void mkdirSync(local(), { recursive: true });
    if (op === 'RemoveDirLocal') return void rmSync(local(), { recursive: true });
    if (op === 'DeleteLocal') return void rmSync(local());
    const s = connectionSettings(ctx, setting(ctx, 'ConnectionName') ?? setting(ctx, 'Connection')!);
    const { Client } = await import('basic-ftp');
    const client = new Client(s.timeoutSeconds * 1000);
    const remote = value('TaskRemotePath', 'TaskIsRemoteVariable');
    try {
      await client.access({ host: s.host, port: s.port, user: s.user, password: s.password ?? '', secure: false });
      if (op === 'MakeDirRemote') await client.ensureDir(remote);
      else if (op === 'RemoveDirRemote') await client.removeDir(remote);
      else if (op === 'DeleteRemote') await client.remove(remote);
      else if (op === 'Receive') {
        const folder = local();
        const files = matchRemote(remote, (await client.list(posix.dirname(remote))).filter((f) => f.isFile).map((f) => f.name));
        for (const f of files) {
          const target = join(folder, posix.basename(f));
          if (existsSync(target) && !overwrite) throw new SsisError('0xC001602A', 'DTS_E_FTPTASK_FILEEXISTS', `File "${target}" already exists.`);
          await client.downloadTo(target, f);
        }
      } else {
        const path = local();
        const files = statSync(path).isDirectory() ? readdirSync(path).map((n) => join(path, n)) : [path];
        for (const f of files) await client.uploadFrom(f, posix.join(remote, basename(f)));
      }
    } catch (error) {
      if (error instanceof SsisError) throw error;
      throw new SsisError('0xC001602A', 'DTS_E_FTPTASK_FAILED', `An error occurred in the requested FTP operation (${op} on ${s.host}:${s.port}). Detailed error description: ${errorMessage(error)}.`);
    } finally {
      client.close();
    }
  },
};
