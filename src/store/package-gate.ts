/**
 * @module The one gate every package passes before a store keeps it: it must load in the tool's
 * version, and a package of an older format is upgraded permanently into the destination's format
 * (through `format/`'s `readPackage`/`writePackage`). Packages of a newer format are refused.
 */
import { SsisError } from '../errors.ts';
import { readPackage, writePackage } from '../format/index.ts';
import { assertRunnable, type Package } from '../package/index.ts';
import { canLoadFormat, versionOfFormat, versionOfYear, type ToolYear } from '../versions/index.ts';
import { readPackageHeader, type PackageHeader } from './package-header.ts';

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

function newerFormatError(format: number, year: ToolYear, fileName: string | undefined): SsisError {
  const made = versionOfFormat(format);
  return new SsisError(
    '0xC001700A',
    'DTS_E_INVALIDVERSIONNUMBER',
    `The version number in the package is not valid. The version number cannot be greater than current version number. ` +
      `(${fileName ? `"${fileName}" is` : 'The package is'} of format ${format}${made ? `, saved by SQL Server ${made.year}` : ''}; ` +
      `SQL Server ${year} reads formats up to ${versionOfYear(year).packageFormat}.)`,
    fileName ? { location: { file: fileName } } : {},
  );
}

function headerOf(pkg: Package, bytes: Uint8Array, format: number, fileName: string | undefined): PackageHeader {
  if (!isEncryptedWhole(bytes)) return readPackageHeader(bytes, fileName);
  return {
    formatVersion: format,
    objectName: pkg.name,
    id: pkg.dtsId.replace(/^\{|\}$/g, '').toUpperCase(),
    description: pkg.description,
    versionMajor: pkg.versionMajor,
    versionMinor: pkg.versionMinor,
    versionBuild: pkg.versionBuild,
    versionComments: pkg.versionComments,
    versionGuid: pkg.versionGuid.replace(/^\{|\}$/g, '').toUpperCase(),
    protectionLevel: pkg.protectionLevel,
    packageType: pkg.packageType,
  };
}

/**
 * Loads the package as the tool of `year` would (refusing a newer format with 0xC001700A and a
 * package that does not load with the loader's error) and returns it in `year`'s format: unchanged
 * bytes when it already is, else the permanent upgrade.
 */
export async function gatePackage(
  input: Uint8Array,
  opts: { year: ToolYear; fileName?: string; password?: string; /** false: only the load check, the bytes stay as they are. */ upgrade?: boolean },
): Promise<GatedPackage> {
  const target = versionOfYear(opts.year);
  if (!isEncryptedWhole(input)) {
    const sniffed = readPackageHeader(input, opts.fileName);
    if (!canLoadFormat(target, sniffed.formatVersion)) throw newerFormatError(sniffed.formatVersion, opts.year, opts.fileName);
  }
  const pkg = readPackage(input, { fileName: opts.fileName, tool: opts.year, ...(opts.password !== undefined ? { password: opts.password } : {}) });
  if (pkg.sourceFormat > target.packageFormat) throw newerFormatError(pkg.sourceFormat, opts.year, opts.fileName);
  if (pkg.sourceFormat === target.packageFormat || opts.upgrade === false) return { bytes: input, header: headerOf(pkg, input, pkg.sourceFormat, opts.fileName), original: input };
  assertRunnable(pkg);
  const bytes = writePackage(pkg, { format: target.packageFormat as 3 | 6 | 8 });
  return { bytes, header: headerOf(pkg, bytes, target.packageFormat, opts.fileName), upgradedFrom: pkg.sourceFormat, original: input };
}
