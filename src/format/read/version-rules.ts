/** @module SSIS's version rules on loading: a tool never loads a package of a newer format than its own. */
import { SsisError } from '../../errors.ts';
import { PRODUCT_VERSIONS, canLoadFormat, versionOfYear, type ToolYear } from '../../versions/index.ts';

/** SSIS's own text for 0xC001700A. */
export const INVALID_VERSION_MESSAGE = 'The version number in the package is not valid. The version number cannot be greater than current version number.';

function describeFormat(format: number): string {
  const v = PRODUCT_VERSIONS.find((p) => p.packageFormat === format);
  return v ? `format ${format} (SQL Server ${v.year})` : `format ${format} (a version newer than any OpenDTS knows)`;
}

/** Throws 0xC001700A DTS_E_INVALIDVERSIONNUMBER when the tool `tool` cannot load a package of `format`. */
export function refuseNewerFormat(format: number, tool: ToolYear, file?: string): void {
  const toolVersion = versionOfYear(tool);
  if (format <= toolVersion.packageFormat || (canLoadFormat(toolVersion, format))) return;
  throw new SsisError(
    '0xC001700A',
    'DTS_E_INVALIDVERSIONNUMBER',
    `${INVALID_VERSION_MESSAGE} The package "${file ?? '<package>'}" is of ${describeFormat(format)}; this is the SQL Server ${tool} version ` +
      `(${toolVersion.folder}) of the tools, which loads packages up to ${describeFormat(toolVersion.packageFormat)}. ` +
      `Run it with a version that knows the format (e.g. --product-version 2014).`,
    { location: { file } },
  );
}
