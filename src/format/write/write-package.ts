/** @module `writePackage`: the model → .dtsx bytes, in the package's own format (its XML, with edits) or a newer one (the permanent upgrade). */
import { versionOfFormat } from '../../versions/index.ts';
import { cloneDocument, serializeXml, type XmlDocument } from '../../xml/index.ts';
import { SsisError } from '../../errors.ts';
import type { Package, WritableFormat } from '../../package/index.ts';
import { encryptPackageXml, type ProtectionLevel } from '../../protection/index.ts';
import { legacyDocument, upgradeDocument } from './upgrade-document.ts';
import { syncModelToXml } from './sync-model.ts';
import { dialectOf } from '../dialect.ts';

/** Options of {@link writePackage}. */
export interface WriteOptions {
  /** The format to write: 3 (2008), 6 (2012) or 8 (2014). Default: the package's own format as read. */
  format?: WritableFormat;
}

/** A package decrypted on load is encrypted again, with the same password and level, for saving. */
function protectForSave(pkg: Package, doc: XmlDocument): XmlDocument {
  if (!pkg.protection) return doc;
  const copy = doc === pkg.xml ? cloneDocument(doc) : doc;
  return encryptPackageXml(copy, pkg.protection.level as ProtectionLevel, pkg.protection.password);
}

/**
 * Writes a package; edits made to the model are applied to its XML first. In its own format (2005's included) the package's XML is written back (byte-identical when
 * unchanged and not decrypted on load); in a newer format the XML is upgraded (the permanent upgrade). An older
 * format is refused.
 */
export function writePackage(pkg: Package, opts: WriteOptions = {}): Uint8Array {
  const target: number = opts.format ?? pkg.sourceFormat;
  syncModelToXml(pkg);
  if (target === pkg.xmlFormat) return serializeXml(protectForSave(pkg, pkg.xml));
  const version = versionOfFormat(target);
  if (!version?.isTool) {
    throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `OpenDTS writes packages in formats 3 (2008), 6 (2012) and 8 (2014), not ${target}; choose one of them.`, { location: { file: pkg.fileName } });
  }
  if (target < pkg.sourceFormat) {
    throw new SsisError(
      '0xC0016020',
      'DTS_E_PACKAGEMIGRATIONFAILED',
      `The package "${pkg.name}" is of format ${pkg.sourceFormat}; it cannot be written in the older format ${target}: packages are only upgraded, never downgraded.`,
      { location: { file: pkg.fileName } },
    );
  }
  // XML in the 2012 shape (packages built or edited in code) written for 2008 goes back to the 2008 shape.
  const doc = !version.features.refIdSerialization && !dialectOf(pkg.xmlFormat).legacy ? legacyDocument(pkg) : upgradeDocument(pkg, target as WritableFormat);
  return serializeXml(protectForSave(pkg, doc));
}
