/** @module Respelling class IDs for a target format: executable types, component classes, enumerators, log providers, package format number. */
import type { XmlElement } from '../../xml/index.ts';
import { setAttr, setText } from '../../xml/index.ts';
import type { Package, WritableFormat } from '../../package/index.ts';
import { allDataFlows, walkExecutables } from '../../package/index.ts';
import { classIdForFormat, lookupClassId } from '../../versions/index.ts';
import { attrLocal, elementsNamed } from '../dom.ts';
import type { Dialect } from '../dialect.ts';

/** Sets a property where the dialect keeps it: the attribute if present, else the `<DTS:Property>` child. */
export function setProp(el: XmlElement, d: Dialect, name: string, value: string): void {
  const child = elementsNamed(el, 'Property').find((p) => attrLocal(p, 'Name') === name);
  if (child && (d.legacy || attrLocal(el, name) === undefined)) {
    setText(child, value);
    return;
  }
  setAttr(el, `DTS:${name}`, value);
}

/** The spelling of `raw` (a class of `kind`) in format `target`; unknown classes keep their spelling. */
function respelled(raw: string, kind: 'executable' | 'component' | 'enumerator' | 'logProvider', target: WritableFormat): string {
  const entry = lookupClassId(raw, kind);
  return entry ? classIdForFormat(entry.canonical, target, raw) : raw;
}

/** Rewrites every class ID of the package's XML in the spelling of `target` and sets its PackageFormatVersion. */
export function respellClassIds(pkg: Package, d: Dialect, target: WritableFormat): void {
  const root = pkg.element;
  setProp(root, d, 'PackageFormatVersion', String(target));
  for (const e of walkExecutables(pkg)) {
    if (e.kind === 'EventHandler') continue;
    const el = e.element;
    const type = attrLocal(el, 'ExecutableType');
    if (type !== undefined) setAttr(el, 'DTS:ExecutableType', respelled(type, 'executable', target));
    if (e.creationName) setProp(el, d, 'CreationName', respelled(e.creationName, 'executable', target));
    if (e.kind === 'ForeachLoop' && e.enumerator?.creationName) {
      setProp(e.enumerator.element, d, 'CreationName', respelled(e.enumerator.creationName, 'enumerator', target));
    }
  }
  for (const lp of pkg.logProviders) if (lp.creationName) setProp(lp.element, d, 'CreationName', respelled(lp.creationName, 'logProvider', target));
  for (const { dataFlow } of allDataFlows(pkg)) {
    for (const c of dataFlow.components) {
      setAttr(c.element, 'componentClassID', respelled(c.rawClassId, 'component', target));
      const user = c.properties.find((p) => p.name === 'UserComponentTypeName');
      if (user && lookupClassId(user.value, 'component')) setText(user.element, respelled(user.value, 'component', target));
    }
  }
}
