/**
 * @module The one gate every package passes before a store keeps it: it must load in the tool's
 * version (`format/`'s `readPackage`, which refuses a newer format with 0xC001700A), and a package of
 * an older format is upgraded permanently into the destination's format (`writePackage`).
 */
import { readPackage, writePackage } from '../format/index.ts';
import { decryptPackageXml, encryptPackageXml, usesPassword, type ProtectionLevel } from '../protection/index.ts';
import { parseXml, serializeXml } from '../xml/index.ts';
import { assertRunnable, type Package } from '../package/index.ts';
import { versionOfYear, type ToolYear } from '../versions/index.ts';
import { bareGuid, type PackageHeader } from './package-header.ts';

/** A package ready to be stored: its bytes in the destination's format, and the header msdb keeps. */
export interface GatedPackage {
  /** The bytes to store: the input unchanged when it already is in the destination's format. */
  readonly bytes: Uint8Array;
  readonly header: PackageHeader;
  /** The input's format when the gate upgraded it; undefined when the bytes are unchanged. */
  readonly upgradedFrom?: number;
  /** The input bytes, as given. */
  readonly original: Uint8Array;
}

/** True when the bytes hold a package encrypted whole (EncryptAllWithPassword / EncryptAllWithUserKey). */
export function isEncryptedWhole(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString(bytes[0] === 0xff || bytes[0] === 0xfe ? 'utf16le' : 'utf8');
  return /<EncryptedData[\s>]/.test(head) && !/<DTS:Executable[\s>]/.test(head);
}

/** The columns msdb keeps, from the loaded package (the same values a header scan of its XML gives). */
function headerOf(pkg: Package, format: number): PackageHeader {
  return {
    formatVersion: format,
    objectName: pkg.name,
    id: bareGuid(pkg.dtsId),
    description: pkg.description,
    versionMajor: pkg.versionMajor,
    versionMinor: pkg.versionMinor,
    versionBuild: pkg.versionBuild,
    versionComments: pkg.versionComments,
    versionGuid: bareGuid(pkg.versionGuid),
    protectionLevel: pkg.protectionLevel,
    packageType: pkg.packageType,
  };
}

/**
 * A package protected with a password was decrypted to be loaded; its upgraded form is protected again
 * at the same level with the same password (whatever the writer kept encrypted is decrypted first), so
 * the upgrade never stores secrets in clear.
 */
function protectAgain(bytes: Uint8Array, level: number, password: string | undefined, fileName: string | undefined): Uint8Array {
  if (password === undefined || !usesPassword(level as ProtectionLevel)) return bytes;
  const { doc } = decryptPackageXml(parseXml(bytes, fileName), password);
  return serializeXml(encryptPackageXml(doc, level as ProtectionLevel, password));
}

/**
 * Loads the package as the tool of `year` would (refusing a newer format with 0xC001700A and a
 * package that does not load with the loader's error) and returns it in `year`'s format: unchanged
 * bytes when it already is (or when `upgrade` is false), else the permanent upgrade, which a package
 * whose upgrade met problems does not get (0xC0016020, every problem listed).
 */
export async function gatePackage(
  input: Uint8Array,
  opts: { year: ToolYear; fileName?: string; password?: string; /** false: only the load check, the bytes stay as they are. */ upgrade?: boolean },
): Promise<GatedPackage> {
  const target = versionOfYear(opts.year).packageFormat;
  const pkg = readPackage(input, { fileName: opts.fileName, tool: opts.year, ...(opts.password !== undefined ? { password: opts.password } : {}) });
  if (pkg.sourceFormat === target || opts.upgrade === false) return { bytes: input, header: headerOf(pkg, pkg.sourceFormat), original: input };
  assertRunnable(pkg);
  const bytes = protectAgain(writePackage(pkg, { format: target as 3 | 6 | 8 }), pkg.protectionLevel, opts.password, opts.fileName);
  return { bytes, header: headerOf(pkg, target), upgradedFrom: pkg.sourceFormat, original: input };
}
