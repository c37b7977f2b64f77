/** @module GUIDs as msdb keeps them (`uniqueidentifier`, uppercase, no braces), and msdb's well-known folder IDs. */
import { randomUUID } from 'node:crypto';

/** The root folder of msdb's package tree: packages shown directly under "MSDB" live here. */
export const ROOT_FOLDER_ID = '00000000-0000-0000-0000-000000000000';
/** The "Maintenance Plans" folder that msdb creates under the root. */
export const MAINTENANCE_PLANS_FOLDER_ID = '08AA12D5-8F98-4DAB-A4FC-980B150A5DC8';

/** A new GUID in msdb's spelling. */
export function newGuid(): string {
  return randomUUID().toUpperCase();
}

/** A GUID from any spelling (braces, case) in msdb's spelling; null stays null. */
export function normalizeGuid(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value).trim().replace(/^\{|\}$/g, '').toUpperCase();
}
