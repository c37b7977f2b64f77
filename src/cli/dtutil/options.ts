/** @module dtutil's options: full names, the shortest abbreviation SSIS accepts, and whether they take an argument. */

/** One dtutil option. */
export interface DtutilOption {
  /** The full name, as the documentation spells it. */
  readonly name: string;
  /** The shortest accepted abbreviation (`/C[opy]` → `C`). */
  readonly min: string;
  /** `required`: the next argument is its value; `optional`: taken when the next argument is not an option. */
  readonly arg: 'none' | 'required' | 'optional';
  readonly summary: string;
}

/** Every option of dtutil (reference §2.2). */
export const DTUTIL_OPTIONS: readonly DtutilOption[] = [
  { name: '?', min: '?', arg: 'none', summary: 'Show the options.' },
  { name: 'Copy', min: 'C', arg: 'required', summary: '{SQL | FILE | DTS};destination  Copy the source package.' },
  { name: 'Decrypt', min: 'Dec', arg: 'required', summary: 'password  The password of a password-protected source package.' },
  { name: 'Delete', min: 'Del', arg: 'none', summary: 'Delete the package named by /SQL, /DTS or /FILE.' },
  { name: 'DestPassword', min: 'DestP', arg: 'required', summary: 'password  SQL Server authentication password of the destination.' },
  { name: 'DestServer', min: 'DestS', arg: 'required', summary: 'server[\\instance]  Destination server of a SQL action.' },
  { name: 'DestUser', min: 'DestU', arg: 'required', summary: 'login  SQL Server login of the destination.' },
  { name: 'Dump', min: 'Dump', arg: 'required', summary: 'process id  Make a dtexec process write dump files.' },
  { name: 'DTS', min: 'DT', arg: 'required', summary: 'package path  Source package in the SSIS Package Store.' },
  { name: 'Encrypt', min: 'En', arg: 'required', summary: '{SQL | FILE};path;level[;password]  Save the package with a new protection level.' },
  { name: 'Exists', min: 'Ex', arg: 'none', summary: 'Check whether the package exists.' },
  { name: 'FCreate', min: 'FC', arg: 'required', summary: '{SQL | DTS};parent folder;new folder  Create a folder.' },
  { name: 'FDelete', min: 'FDe', arg: 'required', summary: '{SQL | DTS}[;parent folder;folder]  Delete a folder.' },
  { name: 'FDirectory', min: 'FDi', arg: 'required', summary: '{SQL | DTS};folder[;S]  List a folder (S: with subfolders).' },
  { name: 'FExists', min: 'FE', arg: 'required', summary: '{SQL | DTS};folder  Check whether a folder exists.' },
  { name: 'File', min: 'Fi', arg: 'required', summary: 'file  Source package in the file system.' },
  { name: 'FRename', min: 'FR', arg: 'required', summary: '{SQL | DTS}[;parent folder;old name;new name]  Rename a folder.' },
  { name: 'Help', min: 'H', arg: 'optional', summary: '[option]  Help on one option.' },
  { name: 'IDRegenerate', min: 'I', arg: 'none', summary: 'Give the package a new ID.' },
  { name: 'Move', min: 'M', arg: 'required', summary: '{SQL | FILE | DTS};destination  Move the source package.' },
  { name: 'Quiet', min: 'Q', arg: 'none', summary: 'Overwrite without asking.' },
  { name: 'Remark', min: 'R', arg: 'optional', summary: '[text]  A comment; may be repeated.' },
  { name: 'Sign', min: 'Si', arg: 'required', summary: '{SQL | FILE | DTS};path;hash  Sign the package with a certificate.' },
  { name: 'SourcePassword', min: 'SourceP', arg: 'required', summary: 'password  SQL Server authentication password of the source.' },
  { name: 'SourceServer', min: 'SourceS', arg: 'required', summary: 'server[\\instance]  Source server of /SQL.' },
  { name: 'SourceUser', min: 'SourceU', arg: 'required', summary: 'login  SQL Server login of the source.' },
  { name: 'SQL', min: 'SQ', arg: 'required', summary: 'package path  Source package in msdb.' },
];

/** The option a switch names (case-insensitive; any abbreviation at least as long as the shortest one), if any. */
export function matchOption(text: string): DtutilOption | undefined {
  const t = text.toLowerCase();
  return DTUTIL_OPTIONS.find((o) => o.name.toLowerCase().startsWith(t) && t.length >= o.min.length);
}
