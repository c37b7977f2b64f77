/**
 * @module Reading helpers: attributes, child elements and text by name. A name is either the qualified name as
 * written (`DTS:ObjectName`) or `{namespaceUri}localName` (Clark notation), which matches any prefix bound to that URI.
 */
import { localNameOf, lookupNamespace, prefixOf } from './nodes.ts';
import type { XmlAttribute, XmlElement } from './types.ts';

/** Splits `{uri}local` into its parts, or returns null for a plain qualified name. */
export function parseClarkName(name: string): { uri: string | null; local: string } | null {
  if (name.charCodeAt(0) !== 123) return null;
  const close = name.indexOf('}');
  if (close < 0) return null;
  const uri = name.slice(1, close);
  return { uri: uri === '' ? null : uri, local: name.slice(close + 1) };
}

/** True when attribute name `written` on `el` matches `name` (as written, or `{uri}local`; unprefixed attributes have no namespace). */
function attributeMatches(el: XmlElement, written: string, name: string): boolean {
  if (name.charCodeAt(0) !== 123) return written === name;
  const clark = parseClarkName(name);
  if (!clark || localNameOf(written) !== clark.local) return false;
  const prefix = prefixOf(written);
  return (prefix === '' ? null : lookupNamespace(el, prefix)) === clark.uri;
}

/** The attribute object named `name`, or undefined. */
export function attrNode(el: XmlElement, name: string): XmlAttribute | undefined {
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) if (attributeMatches(el, attrs[i].name, name)) return attrs[i];
  return undefined;
}

/** The decoded value of attribute `name`, or undefined when absent. */
export function attr(el: XmlElement, name: string): string | undefined {
  return attrNode(el, name)?.value;
}

/** True when element `el` has the name `name` (as written, or `{uri}local`). */
export function hasName(el: XmlElement, name: string): boolean {
  if (name.charCodeAt(0) !== 123) return el.name === name;
  const clark = parseClarkName(name);
  return clark !== null && el.localName === clark.local && el.namespaceUri === clark.uri;
}

/** The child elements of `el`, optionally only those named `name`. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'element' && (name === undefined || hasName(c, name))) out.push(c);
  }
  return out;
}

/** The first child element named `name`, or undefined. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'element' && hasName(c, name)) return c;
  }
  return undefined;
}

/** The concatenated text and CDATA directly inside `el` (not of its descendants). */
export function textOf(el: XmlElement): string {
  const children = el.children;
  if (children.length === 1) {
    const only = children[0];
    return only.type === 'text' || only.type === 'cdata' ? only.value : '';
  }
  let out = '';
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'text' || c.type === 'cdata') out += c.value;
  }
  return out;
}

/** Every descendant element of `el` (document order, `el` excluded), optionally only those named `name`. */
export function descendants(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [el];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (let i = cur.children.length - 1; i >= 0; i--) {
      const c = cur.children[i];
      if (c.type === 'element') stack.push(c);
    }
    if (cur !== el && (name === undefined || hasName(cur, name))) out.push(cur);
  }
  return out;
}
