/** @module The banner dtexec and dtutil print first: the tool, the SSIS version it acts as, and its build, laid out as SSIS's tools print theirs. */
import type { ProductVersion } from '../versions/index.ts';

/**
 * The banner of an OpenDTS tool acting as `version`. SSIS's tools print their product name, build and a
 * Microsoft copyright; OpenDTS keeps the layout and the build number (scripts read them) but names itself.
 */
export function toolBanner(tool: string, version: ProductVersion): string[] {
  return [
    `OpenDTS ${tool} (${version.productName} Integration Services, ${version.folder})`,
    `Version ${version.buildNumber} for 64-bit`,
    'OpenDTS is open source and is not a Microsoft product.',
    '',
  ];
}
