/** @module The permanent upgrade of a package's XML to a newer format: 2005/2008 → 2012 reshaping, then class-ID respelling. */
import { cloneDocument, type XmlDocument } from '../../xml/index.ts';
import type { Package, WritableFormat } from '../../package/index.ts';
import { assertRunnable } from '../../package/index.ts';
import { versionOfFormat } from '../../versions/index.ts';
import { liftPackage } from '../read/read-package.ts';
import { dialectOf } from '../dialect.ts';
import { legacyToModern } from './legacy-to-modern.ts';
import { respellClassIds } from './respell.ts';
import { modernToLegacy } from './modern-to-legacy.ts';

/**
 * A new XML document holding the package in format `target` (newer than its own). A package whose upgrade
 * met problems is refused with DTS_E_PACKAGEMIGRATIONFAILED listing them.
 */
export function upgradeDocument(pkg: Package, target: WritableFormat): XmlDocument {
  assertRunnable(pkg);
  const copy = cloneDocument(pkg.xml);
  const lifted = liftPackage(copy, pkg.xmlFormat, 2014, pkg.fileName);
  const targetModern = versionOfFormat(target)?.features.refIdSerialization ?? false;
  if (dialectOf(pkg.xmlFormat).legacy && targetModern) {
    legacyToModern(lifted);
    // The reshaping keeps every element the model points at (it moves properties and wraps collections around them).
    respellClassIds(lifted, dialectOf(6), target);
    return copy;
  }
  respellClassIds(lifted, dialectOf(pkg.xmlFormat), target);
  return copy;
}

/** The 2008 XML of a package created for format 3 (built in the 2012 shape). */
export function legacyDocument(pkg: Package): XmlDocument {
  const copy = cloneDocument(pkg.xml);
  modernToLegacy(liftPackage(copy, pkg.xmlFormat, 2014, pkg.fileName));
  return copy;
}
