/** @module The state of one package read: the dialect, the problems found so far, and the look-up tables filled on the way. */
import type { XmlElement } from '../../xml/index.ts';
import type { PackageFormat, UpgradeProblem, PropertyExpression } from '../../package/index.ts';
import type { Dialect } from '../dialect.ts';
import { attrLocal, elementsNamed, ownText } from '../dom.ts';

/** What the readers share while lifting one package. */
export interface ReadContext {
  readonly dialect: Dialect;
  readonly format: PackageFormat;
  readonly fileName?: string;
  readonly problems: UpgradeProblem[];
  readonly warnings: string[];
  /** Connection manager DTSID (upper case) → refId. */
  readonly connectionsById: Map<string, string>;
  /** Connection manager name → refId. */
  readonly connectionsByName: Map<string, string>;
}

/** Starts a read. */
export function newContext(dialect: Dialect, format: PackageFormat, fileName?: string): ReadContext {
  return { dialect, format, fileName, problems: [], warnings: [], connectionsById: new Map(), connectionsByName: new Map() };
}

/** Records a problem found at an element. */
export function addProblem(ctx: ReadContext, el: XmlElement, where: string, message: string): void {
  ctx.problems.push({ where, message, line: el.line || undefined, column: el.column || undefined });
}

/** The `<DTS:PropertyExpression>` children of an element. */
export function readPropertyExpressions(el: XmlElement): PropertyExpression[] {
  return elementsNamed(el, 'PropertyExpression').map((p) => ({ property: attrLocal(p, 'Name') ?? '', expression: ownText(p) }));
}

/** Resolves a connection manager reference (DTSID, refId or name) to its refId; undefined when unknown. */
export function resolveConnection(ctx: ReadContext, id: string): string | undefined {
  const t = id.trim();
  if (t === '') return undefined;
  const byId = ctx.connectionsById.get(t.toUpperCase());
  if (byId) return byId;
  if (t.includes('.ConnectionManagers[')) return t;
  return ctx.connectionsByName.get(t);
}
