/** @module What the builder remembers per package: where new IDs come from. */
import type { Package, PackageFormat } from '../../package/index.ts';
import { allDataFlows } from '../../package/index.ts';
import { readDataFlow } from '../read/read-data-flow.ts';
import { SsisError } from '../../errors.ts';
import { dialectOf, MODERN } from '../dialect.ts';
import { legacyToModern } from '../write/legacy-to-modern.ts';
import { respellClassIds } from '../write/respell.ts';
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

/**
 * Makes a package read from 2005/2008 XML editable: its XML is reshaped in place into the 2012 form (the builder's
 * one shape; every model object keeps its element) and written back as its own format by `writePackage`.
 */
function makeEditable(pkg: Package, what: string): void {
  if (!dialectOf(pkg.xmlFormat).legacy) return;
  if (pkg.problems.length > 0) {
    throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `${what}: the package has upgrade problems to fix first: ${pkg.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
  }
  legacyToModern(pkg);
  respellClassIds(pkg, MODERN, 6);
  (pkg as { xmlFormat: PackageFormat }).xmlFormat = 6;
  // Lineage references in property values changed (`#123` → `#{refId}`): the data flows are read again.
  const ctx = contextOver(pkg);
  for (const { task } of allDataFlows(pkg)) task.dataFlow = readDataFlow(task.dataFlow!.element, task.refId, ctx);
}

function contextOver(pkg: Package): ReadContext {
  const ctx = newContext(dialectOf(pkg.xmlFormat), pkg.xmlFormat, pkg.fileName);
  for (const cm of pkg.connectionManagers) {
    if (cm.dtsId) ctx.connectionsById.set(cm.dtsId.toUpperCase(), cm.refId);
    ctx.connectionsByName.set(cm.name, cm.refId);
  }
  return ctx;
}

/** A read context over `pkg`'s XML (to lift newly built elements); a 2005/2008 package is made editable first. */
export function editContext(pkg: Package, what: string): ReadContext {
  makeEditable(pkg, what);
  return contextOver(pkg);
}

/** Throws when `name` is already used among `names`. */
export function assertNewName(names: string[], name: string, what: string): void {
  if (name === '') throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${what} needs a name.`);
  if (names.includes(name)) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${what} "${name}" already exists.`);
}
