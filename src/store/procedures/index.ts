/** @module msdb's `sp_ssis_*` procedures as library functions: every tool goes through these. */
export * from './packages.ts';
export * from './folders.ts';
export * from './roles.ts';
export * from './log.ts';
export type { PackageRow, FolderRow } from './rows.ts';
