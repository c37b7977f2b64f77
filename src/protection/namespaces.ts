/** @module Namespace and naming helpers for protected XML: inlining in-scope declarations, describing where a value lives. */
import { attr, descendants, DTS_NAMESPACE, lookupNamespace, outerXml, SSIS_NAMESPACE, type XmlElement } from '../xml/index.ts';

function prefixesUsed(el: XmlElement): Set<string> {
  const used = new Set<string>();
  for (const e of [el, ...descendants(el)]) {
    if (e.prefix !== '') used.add(e.prefix);
    for (const a of e.attributes) {
      const colon = a.name.indexOf(':');
      if (colon > 0 && !a.name.startsWith('xmlns')) used.add(a.name.slice(0, colon));
    }
  }
  used.delete('xml');
  return used;
}

/**
 * The outer XML of `el` standalone: the namespace declarations it relies on from its ancestors are written on it,
 * first (as SSIS's XML encryption does) or last (as its project-file encryption does). `el` is left unchanged.
 */
export function standaloneXml(el: XmlElement, where: 'first' | 'last'): string {
  const own = new Set(el.attributes.map((a) => a.name));
  const decls: { name: string; value: string }[] = [];
  for (const prefix of prefixesUsed(el)) {
    const name = `xmlns:${prefix}`;
    if (own.has(name)) continue;
    const uri = lookupNamespace(el.parent, prefix);
    if (uri !== null) decls.push({ name, value: uri });
  }
  if (el.prefix === '' && !own.has('xmlns')) {
    const uri = lookupNamespace(el.parent, '');
    if (uri !== null) decls.push({ name: 'xmlns', value: uri });
  }
  if (decls.length === 0) return outerXml(el);
  const original = el.attributes;
  el.attributes = where === 'first' ? [...decls, ...original] : [...original, ...decls];
  try {
    return outerXml(el);
  } finally {
    el.attributes = original;
  }
}

/** Removes from `el` the namespace declarations that repeat a binding already in scope at its parent. */
export function dropRedundantDeclarations(el: XmlElement): void {
  el.attributes = el.attributes.filter((a) => {
    if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) return true;
    const prefix = a.name === 'xmlns' ? '' : a.name.slice(6);
    return lookupNamespace(el.parent, prefix) !== (a.value === '' ? null : a.value);
  });
}

/** The prefix bound to `uri` at `el`, or undefined. */
export function prefixFor(el: XmlElement, uri: string): string | undefined {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    for (const a of e.attributes) {
      if (a.name.startsWith('xmlns:') && a.value === uri && lookupNamespace(el, a.name.slice(6)) === uri) return a.name.slice(6);
    }
  }
  return undefined;
}

/** Where a value lives, for messages: the refId or name of the nearest named ancestor, and the element and line. */
export function describeLocation(el: XmlElement): string {
  const ownName = attr(el, `{${DTS_NAMESPACE}}Name`) ?? attr(el, `{${SSIS_NAMESPACE}}Name`);
  const what = `<${el.name}${ownName === undefined ? '' : ` Name="${ownName}"`}>`;
  const line = el.line > 0 ? ` (line ${el.line})` : '';
  for (let e = el.parent; e !== null; e = e.parent) {
    const name = attr(e, `{${DTS_NAMESPACE}}refId`) ?? attr(e, `{${DTS_NAMESPACE}}ObjectName`) ?? attr(e, `{${SSIS_NAMESPACE}}Name`);
    if (name !== undefined) return `${what} of ${name}${line}`;
  }
  return `${what}${line}`;
}
