/** @module Naming a connection manager in builder calls: by object, name or refId. */
import { SsisError } from '../../errors.ts';
import type { ConnectionManager, Package } from '../../package/index.ts';

/** A connection manager given by object, name or refId. */
export type ConnectionRef = ConnectionManager | string;

/** The connection manager `ref` names in `pkg`. */
export function connectionManagerOf(pkg: Package, ref: ConnectionRef): ConnectionManager {
  const cm = typeof ref === 'string' ? pkg.connectionManagers.find((c) => c.name === ref || c.refId === ref) : ref;
  if (!cm) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The package has no connection manager "${String(ref)}".`);
  return cm;
}

/** The DTSID tasks use to name a connection manager. */
export function connectionId(pkg: Package, ref: ConnectionRef): string {
  return connectionManagerOf(pkg, ref).dtsId;
}
