/** @module Which package an element belongs to: lets the builder functions take just the container they edit. */
import type { XmlElement } from '../xml/index.ts';
import { SsisError } from '../errors.ts';
import type { ExecutableBase, Package } from '../package/index.ts';

/**
 * The package is kept on its root element under this symbol. (A WeakMap keyed by the root would do the same, but
 * V8 keeps WeakMap entries alive through every minor garbage collection: each package read would survive until the
 * next full collection, which made loading many packages several times slower.)
 */
const PACKAGE = Symbol('opendts.package');

type Registered = XmlElement & { [PACKAGE]?: Package };

/** Records `pkg` as the package of its XML root element. */
export function registerPackage(pkg: Package): void {
  Object.defineProperty(pkg.xml.root, PACKAGE, { value: pkg, configurable: true, writable: true, enumerable: false });
}

/** The package an executable (or the package itself) belongs to. */
export function packageOf(owner: ExecutableBase): Package {
  let root = owner.element;
  while (root.parent !== null) root = root.parent;
  const pkg = (root as Registered)[PACKAGE];
  if (!pkg) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${owner.refId}" is not part of a package read or created by OpenDTS.`);
  return pkg;
}
