/** @module What the builder remembers per package: where new IDs come from. */
import type { Package } from '../../package/index.ts';
import { SsisError } from '../../errors.ts';
import { dialectOf } from '../dialect.ts';
import { newContext, type ReadContext } from '../read/context.ts';
import { randomIds, type IdSource } from './ids.ts';

const STATE = new WeakMap<Package, IdSource>();

/** Records the ID source of a package made by `createPackage`. */
export function rememberBuilder(pkg: Package, ids: IdSource): void {
  STATE.set(pkg, ids);
}

/** A new DTSID for an object of `pkg`. */
export function newId(pkg: Package): string {
  return (STATE.get(pkg) ?? randomIds)();
}

/** A read context over `pkg`'s XML (to lift newly built elements), refusing 2005/2008-shaped XML. */
export function editContext(pkg: Package, what: string): ReadContext {
  const d = dialectOf(pkg.xmlFormat);
  if (d.legacy) {
    throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED',
      `${what}: editing a package kept in the 2005/2008 XML (format ${pkg.xmlFormat}) is not supported yet by OpenDTS; upgrade it first (writePackage with format 6 or 8, then readPackage).`);
  }
  const ctx = newContext(d, pkg.xmlFormat, pkg.fileName);
  for (const cm of pkg.connectionManagers) {
    if (cm.dtsId) ctx.connectionsById.set(cm.dtsId.toUpperCase(), cm.refId);
    ctx.connectionsByName.set(cm.name, cm.refId);
  }
  return ctx;
}

/** Throws when `name` is already used among `names`. */
export function assertNewName(names: string[], name: string, what: string): void {
  if (name === '') throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${what} needs a name.`);
  if (names.includes(name)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${what} "${name}" already exists.`);
}
