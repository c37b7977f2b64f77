/** @module The File System task: every operation on one file or folder (no wildcards, as in SSIS). */
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SsisError } from '../errors.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

const OPERATIONS = ['CopyFile', 'MoveFile', 'DeleteFile', 'RenameFile', 'SetAttributes', 'CreateDirectory', 'CopyDirectory', 'MoveDirectory', 'DeleteDirectory', 'DeleteDirectoryContent'] as const;
type Operation = (typeof OPERATIONS)[number];

function operationOf(settings: Record<string, unknown>): Operation {
  const raw = String(settings['operation'] ?? '').trim();
  const op = /^\d+$/.test(raw) ? OPERATIONS[Number(raw)] : OPERATIONS.find((o) => o.toLowerCase() === raw.toLowerCase());
  if (!op) throw new SsisError('0xC002F304', 'DTS_E_FILESYSTEMTASK_OPERATION', `The File System task operation "${raw}" is not valid.`);
  return op;
}

const NEEDS_DESTINATION = new Set<Operation>(['CopyFile', 'MoveFile', 'RenameFile', 'CopyDirectory', 'MoveDirectory']);

function pathOf(ctx: TaskContext, which: 'source' | 'destination'): string {
  const value = String(ctx.settings[which] ?? '');
  const isVariable = ctx.settings[which === 'source' ? 'isSourceVariable' : 'isDestinationVariable'] === true;
  if (value === '') throw new SsisError('0xC002F30E', 'DTS_E_FILESYSTEMTASK_NOPATH', `The ${which} of the File System task "${ctx.task.name}" is not set.`);
  return isVariable ? ctx.filePath(String(ctx.variable(value).value), { isConnection: false }) : ctx.filePath(value);
}

function fail(message: string): SsisError {
  return new SsisError('0xC002F304', 'DTS_E_FILESYSTEMTASK_FAILED', `An error occurred with the following error message: "${message}".`);
}

function run(op: Operation, source: string, dest: string, overwrite: boolean, attributes: string): void {
  const exists = existsSync(source);
  const isDir = exists && statSync(source).isDirectory();
  const wantDir = op.endsWith('Directory') || op === 'DeleteDirectoryContent';
  if (op !== 'CreateDirectory' && op !== 'DeleteDirectory' && (!exists || isDir !== wantDir)) {
    throw fail(`Could not find a part of the path '${source}'.`);
  }
  const target = op === 'CopyFile' || op === 'MoveFile' ? (existsSync(dest) && statSync(dest).isDirectory() ? join(dest, basename(source)) : dest) : dest;
  if (NEEDS_DESTINATION.has(op) && existsSync(target) && !overwrite && !(op === 'CopyDirectory' && statSync(target).isDirectory())) {
    throw fail(`The file '${target}' already exists.`);
  }
  switch (op) {
    case 'CopyFile':
      return copyFileSync(source, target);
    case 'MoveFile':
    case 'RenameFile':
      if (overwrite && existsSync(target)) rmSync(target, { recursive: true, force: true });
      return renameSync(source, target);
    case 'DeleteFile':
      return rmSync(source);
    case 'SetAttributes': {
      // Windows attributes: ReadOnly (4) is the one Linux has; Hidden, System and Archive have no equivalent.
      const readOnly = /readonly|\b4\b/i.test(attributes);
      const mode = statSync(source).mode;
      return chmodSync(source, readOnly ? mode & ~0o222 : mode | 0o200);
    }
    case 'CreateDirectory':
      if (existsSync(source) && !overwrite) return;
      return void mkdirSync(source, { recursive: true });
    case 'CopyDirectory':
      return cpSync(source, dest, { recursive: true, force: overwrite, errorOnExist: !overwrite });
    case 'MoveDirectory':
      if (overwrite && existsSync(dest)) rmSync(dest, { recursive: true, force: true });
      return renameSync(source, dest);
    case 'DeleteDirectory':
      if (!existsSync(source)) throw fail(`Could not find a part of the path '${source}'.`);
      return rmSync(source, { recursive: true });
    case 'DeleteDirectoryContent':
      for (const e of readdirSync(source)) rmSync(join(source, e), { recursive: true, force: true });
      return;
  }
}

/** The File System task. */
export const fileSystemTask: TaskImplementation = {
  validate(ctx) {
    operationOf(ctx.settings);
  },
  async execute(ctx) {
    const op = operationOf(ctx.settings);
    const source = pathOf(ctx, 'source');
    const dest = NEEDS_DESTINATION.has(op) ? pathOf(ctx, 'destination') : '';
    const overwrite = ctx.settings['overwriteDestination'] === true || /^(true|-1)$/i.test(String(ctx.settings['overwriteDestination']));
    try {
      run(op, source, dest, overwrite, String(ctx.settings['attributes'] ?? ''));
    } catch (error) {
      if (error instanceof SsisError) throw error;
      throw fail(error instanceof Error ? error.message : String(error));
    }
    await ctx.log('FileSystemOperation', `${op} ${source}${dest ? ` -> ${dest}` : ''}`);
  },
};
