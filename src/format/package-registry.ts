/** @module Which package an element belongs to: lets the builder functions take just the container they edit. */
import type { XmlElement } from '../xml/index.ts';
import { SsisError } from '../errors.ts';
import type { ExecutableBase, Package } from '../package/index.ts';

const BY_ROOT = new WeakMap<XmlElement, Package>();

/** Records `pkg` as the package of its XML root element. */
export function registerPackage(pkg: Package): void {
  BY_ROOT.set(pkg.xml.root, pkg);
}

/** The package an executable (or the package itself) belongs to. */
export function packageOf(owner: ExecutableBase): Package {
  let root = owner.element;
  while (root.parent !== null) root = root.parent;
  const pkg = BY_ROOT.get(root);
  if (!pkg) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${owner.refId}" is not part of a package read or created by OpenDTS.`);
  return pkg;
}
