/** @module `sp_ssis_addfolder`, `deletefolder`, `renamefolder`, `getfolder`, `listfolders`: msdb's folder procedures, as library functions. */
import type { MsdbSession } from '../instances.ts';
import { msdbError } from '../errors.ts';
import { ROOT_FOLDER_ID, newGuid, normalizeGuid } from '../guid.ts';
import { checkFolderWrite } from './access.ts';
import { folderRow, type FolderRow } from './rows.ts';

/** `column = ?`, or `column IS NULL` for the top level (the procedures' `@parentfolderid IS NULL` case). */
function parentIs(column: string, parent: string | null): string {
  return parent === null ? `${column} IS NULL` : `${column} = ?`;
}

async function nameTaken(s: MsdbSession, parent: string | null, name: string, except?: string): Promise<boolean> {
  const rows = await s.db.query(`SELECT folderid FROM sysssispackagefolders WHERE ${parentIs('parentfolderid', parent)} AND foldername = ?`, parent === null ? [name] : [parent, name]);
  return rows.some((r) => normalizeGuid(r.folderid) !== (except ?? null));
}

/** `sp_ssis_addfolder`: creates a folder and returns its ID. A duplicate name under the same parent raises 14591. */
export async function addFolder(s: MsdbSession, parentfolderid: string, name: string, folderid?: string): Promise<string> {
  checkFolderWrite(s, name, 14591);
  if (await nameTaken(s, parentfolderid, name)) throw msdbError(14591, name);
  const id = folderid ?? newGuid();
  await s.db.run('INSERT INTO sysssispackagefolders (folderid, parentfolderid, foldername) VALUES (?, ?, ?)', [id, parentfolderid, name]);
  return id;
}

/** `sp_ssis_deletefolder`: refuses the root (14307) and a folder holding packages or folders (14593). */
export async function deleteFolder(s: MsdbSession, folderid: string): Promise<void> {
  if (normalizeGuid(folderid) === ROOT_FOLDER_ID) throw msdbError(14307, ROOT_FOLDER_ID);
  const rows = await s.db.query('SELECT foldername FROM sysssispackagefolders WHERE folderid = ?', [folderid]);
  const name = rows[0]?.foldername as string | undefined;
  if (name !== undefined) checkFolderWrite(s, name, 14307);
  const [p] = await s.db.query('SELECT count(*) AS n FROM sysssispackages WHERE folderid = ?', [folderid]);
  const [f] = await s.db.query('SELECT count(*) AS n FROM sysssispackagefolders WHERE parentfolderid = ?', [folderid]);
  if (Number(p!.n) > 0 || Number(f!.n) > 0) throw msdbError(14593, name ?? folderid);
  await s.db.run('DELETE FROM sysssispackagefolders WHERE folderid = ?', [folderid]);
}

/** `sp_ssis_renamefolder`. */
export async function renameFolder(s: MsdbSession, folderid: string, name: string): Promise<void> {
  checkFolderWrite(s, name, 14591);
  const [row] = await s.db.query('SELECT parentfolderid FROM sysssispackagefolders WHERE folderid = ?', [folderid]);
  if (row && (await nameTaken(s, normalizeGuid(row.parentfolderid), name, normalizeGuid(folderid)!))) throw msdbError(14591, name);
  await s.db.run('UPDATE sysssispackagefolders SET foldername = ? WHERE folderid = ?', [name, folderid]);
}

/** `sp_ssis_getfolder`: the folder named `name` under `parentfolderid` (null: a top-level folder), with its parent's name. */
export async function getFolder(s: MsdbSession, name: string, parentfolderid: string | null): Promise<(FolderRow & { parentfoldername: string | null }) | undefined> {
  const rows = await s.db.query(
    `SELECT f.folderid, f.parentfolderid, f.foldername, p.foldername AS parentfoldername FROM sysssispackagefolders f LEFT OUTER JOIN sysssispackagefolders p ON f.parentfolderid = p.folderid WHERE f.foldername = ? AND ${parentIs('f.parentfolderid', parentfolderid)}`,
    parentfolderid === null ? [name] : [name, parentfolderid],
  );
  const r = rows[0];
  return r ? { ...folderRow(r), parentfoldername: (r.parentfoldername as string | null) ?? null } : undefined;
}

/** `sp_ssis_listfolders`: the folders under `parentfolderid` (null: the top-level folders), ordered by name. */
export async function listFolders(s: MsdbSession, parentfolderid: string | null): Promise<FolderRow[]> {
  const rows = await s.db.query(
    `SELECT folderid, parentfolderid, foldername FROM sysssispackagefolders WHERE ${parentIs('parentfolderid', parentfolderid)} ORDER BY foldername`,
    parentfolderid === null ? [] : [parentfolderid],
  );
  return rows.map(folderRow);
}
