/** @module The errors the msdb procedures raise (SQL Server message numbers and texts) and the store's own refusals. */
import { SsisError } from '../errors.ts';

/** The SQL Server messages raised by the `sp_ssis_*` procedures and by logins. */
const MESSAGES: Record<number, string> = {
  14307: "Access to Integration Services package '%s' is denied.",
  14586: "Only the owner of DTS Package '%s' or a member of the sysadmin role may create new versions of it.",
  14591: "SSIS folder '%s' already exists in the specified parent folder.",
  14593: "SSIS folder '%s' contains packages and/or other folders. You must drop these first.",
  15014: "The role '%s' does not exist in the current database.",
  18456: "Login failed for user '%s'.",
};

/** An error raised inside an msdb procedure: code `0x80040E14` (the OLE DB code for a RAISERROR), symbol `SQL_MSG_<number>`. */
export function msdbError(number: keyof typeof MESSAGES | number, arg: string): SsisError {
  const text = (MESSAGES[number] ?? `SQL Server error ${number} (%s).`).replace('%s', arg);
  return new SsisError('0x80040E14', `SQL_MSG_${number}`, text);
}

/** The SQL Server message number of an msdb error, if it is one. */
export function msdbErrorNumber(error: unknown): number | undefined {
  if (!(error instanceof SsisError)) return undefined;
  const m = /^SQL_MSG_(\d+)$/.exec(error.symbol);
  return m ? Number(m[1]) : undefined;
}

/** The store refuses an operation between versions (an older destination, a newer source). */
export function versionRuleError(message: string): SsisError {
  return new SsisError('0xC001700A', 'DTS_E_INVALIDVERSIONNUMBER', message);
}

/** A package that does not exist (symbol as SSIS names it; the code is unverified). */
export function notFoundError(message: string): SsisError {
  return new SsisError('0xC001000E', 'DTS_E_PACKAGENOTFOUND', message);
}

/** A store folder that does not exist (an OpenDTS symbol: SSIS reports this through the procedures). */
export function folderNotFoundError(message: string): SsisError {
  return new SsisError('0xC0010014', 'DTS_E_FOLDERNOTFOUND', message);
}

/** A server name that names no registered instance, or an instance whose database is gone (SSIS: a connection failure). */
export function serverNotFoundError(message: string): SsisError {
  return new SsisError('0xC0014062', 'DTS_E_LOADFROMSQLSERVER', message);
}

/** A path that names no package. */
export function noPackageNameError(text: string): SsisError {
  return new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${text}" names no package.`);
}
