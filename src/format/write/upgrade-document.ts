/** @module The permanent upgrade of a package's XML to a newer format. */
import type { XmlDocument } from '../../xml/index.ts';
import { SsisError } from '../../errors.ts';
import type { Package, WritableFormat } from '../../package/index.ts';

/** A new XML document holding the package in format `target` (newer than its own). */
export function upgradeDocument(pkg: Package, target: WritableFormat): XmlDocument {
  throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `Upgrading a package from format ${pkg.sourceFormat} to ${target} is not supported yet by OpenDTS.`);
}
