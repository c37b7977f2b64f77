/** @module The File connection manager: a path (mapped to Linux) and its usage type. */
import type { ConnectionManager } from '../../package/index.ts';
import { mapWindowsPath, type PathMapRule } from '../windows-path.ts';
import { ssisInteger } from './element-property.ts';

/** FileUsageType: UseExistingFile 0, CreateFile 1, UseExistingFolder 2, CreateFolder 3. */
export type FileUsage = 'existingFile' | 'createFile' | 'existingFolder' | 'createFolder';

const USAGES: readonly FileUsage[] = ['existingFile', 'createFile', 'existingFolder', 'createFolder'];

/** A File connection manager's settings. */
export interface FileConnectionSettings {
  /** The path as the package wrote it. */
  readonly rawPath: string;
  /** The Linux path (see mapWindowsPath). */
  readonly path: string;
  readonly usage: FileUsage;
  /** True for the folder usages. */
  readonly isFolder: boolean;
}

/** Reads a FILE connection manager (also used for the path of FLATFILE, EXCEL and CACHE files). */
export function fileConnectionSettings(cm: Pick<ConnectionManager, 'connectionString' | 'properties'>, rules: readonly PathMapRule[] = []): FileConnectionSettings {
  const rawPath = cm.connectionString ?? '';
  const usage = USAGES[ssisInteger(cm.properties.FileUsageType, 0)] ?? 'existingFile';
  return { rawPath, path: rawPath ? mapWindowsPath(rawPath, rules) : '', usage, isFolder: usage === 'existingFolder' || usage === 'createFolder' };
}
