/**
 * @module `/ENCRYPT`: the package loaded (decrypted with `/DECRYPT`'s password) and saved with a new
 * protection level through `protection/`. ServerStorage (5) is allowed only into msdb, where the roles
 * guard the package; the user-key levels (1, 4) need Windows DPAPI and are refused with a clear message.
 */
import { parseXml, serializeXml } from '../../xml/index.ts';
import { decryptPackageXml, encryptPackageXml, setProtectionLevelInXml, ProtectionLevel } from '../../protection/index.ts';

/** The package bytes protected at `level` (password for levels 2 and 3), for a destination in msdb (`toSql`) or a file. */
export function reprotect(bytes: Uint8Array, opts: { level: number; password?: string; decrypt?: string; fileName: string; toSql: boolean }): Uint8Array {
  const { doc } = decryptPackageXml(parseXml(bytes, opts.fileName), opts.decrypt);
  if (opts.level === ProtectionLevel.ServerStorage && opts.toSql) {
    setProtectionLevelInXml(doc, ProtectionLevel.ServerStorage);
    return serializeXml(doc);
  }
  return serializeXml(encryptPackageXml(doc, opts.level as ProtectionLevel, opts.password));
}
