/** @module Look-ups over the version table: by year, folder or package format, and the rules between versions. */
import { PRODUCT_VERSIONS, CURRENT_YEAR, type ProductVersion, type ProductYear, type ToolYear } from './product-versions.ts';

/** The version of a product year. */
export function versionOfYear(year: ProductYear): ProductVersion {
  const v = PRODUCT_VERSIONS.find((p) => p.year === year);
  if (!v) throw new Error(`unknown product version ${year}`);
  return v;
}

/** The version whose packages carry this `PackageFormatVersion`, if any. */
export function versionOfFormat(format: number): ProductVersion | undefined {
  return PRODUCT_VERSIONS.find((p) => p.packageFormat === format);
}

/** The version installed in a folder (`100`, `110`, `120`), if any. */
export function versionOfFolder(folder: string): ProductVersion | undefined {
  return PRODUCT_VERSIONS.find((p) => p.folder === folder);
}

/** The versions OpenDTS installs side by side, oldest first. */
export function toolVersions(): ProductVersion[] {
  return PRODUCT_VERSIONS.filter((p) => p.isTool);
}

/**
 * Parses a user's version name: `2008`, `2012`, `2014`, a folder number (`100`, `110`, `120`)
 * or a `SQLServer2014` style name. Returns undefined when it names no tool version.
 */
export function parseToolYear(text: string): ToolYear | undefined {
  const t = text.trim().replace(/^sqlserver/i, '').replace(/r2$/i, '');
  for (const v of toolVersions()) {
    if (t === String(v.year) || t === v.folder) return v.year as ToolYear;
  }
  return undefined;
}

/** Can a tool of version `tool` load a package of format `format`? Only its own format or older ones. */
export function canLoadFormat(tool: ProductVersion, format: number): boolean {
  return format <= tool.packageFormat && versionOfFormat(format) !== undefined;
}

/**
 * Can packages move from an instance (or file) of version `from` into an instance of version `to`?
 * A newer instance imports from older ones; nothing goes to an older instance.
 */
export function canTransfer(from: ProductVersion, to: ProductVersion): boolean {
  return from.packageFormat <= to.packageFormat;
}

/**
 * The tool version in force: the launcher's pin, else `--product-version`, else
 * `OPENDTS_PRODUCT_VERSION`, else the current version.
 */
export function resolveToolYear(opts: { pinned?: string; flag?: string; env?: string }): ToolYear {
  for (const [source, value] of [
    ['launcher', opts.pinned],
    ['--product-version', opts.flag],
    ['OPENDTS_PRODUCT_VERSION', opts.env],
  ] as const) {
    if (value === undefined || value === '') continue;
    const year = parseToolYear(value);
    if (year === undefined) {
      throw new Error(`${source} names an unknown product version "${value}": use 2008, 2012 or 2014.`);
    }
    return year;
  }
  return CURRENT_YEAR;
}
