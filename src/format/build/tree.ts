/** @module Building new XML elements for package edits and inserting them with SSIS's indentation (two spaces a level). */
import type { XmlElement, XmlNode } from '../../xml/index.ts';
import { appendChild, createElement, createText, insertBefore } from '../../xml/index.ts';
import { elementNamed } from '../dom.ts';

/** Attributes in the order given; undefined values are left out. */
export type Attrs = Record<string, string | undefined>;

/** A new element with attributes and children (strings become text). */
export function h(name: string, attrs: Attrs = {}, children: (XmlElement | string)[] = []): XmlElement {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = v;
  const el = createElement(null, name, clean);
  for (const c of children) appendChild(el, typeof c === 'string' ? createText(c) : c);
  return el;
}

function depth(el: XmlElement): number {
  let d = 0;
  for (let p = el.parent; p !== null; p = p.parent) d++;
  return d;
}

function isBlank(n: XmlNode | undefined): boolean {
  return n !== undefined && n.type === 'text' && n.value.trim() === '';
}

/** Indents a freshly built subtree as if it sat at `level`. */
function indentTree(el: XmlElement, level: number): void {
  const kids = el.children.filter((c): c is XmlElement => c.type === 'element');
  if (kids.length === 0) return;
  const pad = '\n' + '  '.repeat(level + 1);
  const textual = el.children.some((c) => c.type === 'text' && c.value.trim() !== '');
  if (textual) return;
  for (const k of kids) {
    insertBefore(el, createText(pad), k);
    indentTree(k, level + 1);
  }
  appendChild(el, createText('\n' + '  '.repeat(level)));
}

/** Inserts `child` into `parent` (before `ref`, else at the end), indented one level deeper than the parent. */
export function insertIndented(parent: XmlElement, child: XmlElement, ref: XmlNode | null = null): void {
  const level = depth(parent);
  indentTree(child, level + 1);
  const pad = '\n' + '  '.repeat(level + 1);
  const elements = parent.children.filter((c) => c.type === 'element');
  if (elements.length === 0 && parent.children.every((c) => isBlank(c))) {
    for (const c of [...parent.children]) parent.children.splice(parent.children.indexOf(c), 1);
    appendChild(parent, createText(pad));
    appendChild(parent, child);
    appendChild(parent, createText('\n' + '  '.repeat(level)));
    return;
  }
  if (ref === null) {
    const last = parent.children[parent.children.length - 1];
    const anchor = isBlank(last) ? last : null;
    insertBefore(parent, createText(pad), anchor);
    insertBefore(parent, child, anchor);
    return;
  }
  // [… indent ref] becomes [… indent child indent ref].
  insertBefore(parent, child, ref);
  insertBefore(parent, createText(pad), ref);
}

/** Where each DTS collection sits among an executable's children, in SSIS 2012's order. */
const ORDER = [
  'Property', 'ConnectionManagers', 'Configurations', 'LogProviders', 'PackageParameters', 'Variables', 'LoggingOptions',
  'ForEachEnumerator', 'ForEachVariableMappings', 'Executables', 'PrecedenceConstraints', 'EventHandlers', 'ObjectData', 'DesignTimeProperties',
];

/** The `<DTS:{name}>` wrapper of `owner`, created at its place in SSIS's order when missing. */
export function ensureWrapper(owner: XmlElement, name: string): XmlElement {
  const existing = elementNamed(owner, name);
  if (existing) return existing;
  const rank = ORDER.indexOf(name);
  const ref = owner.children.find((c) => c.type === 'element' && ORDER.indexOf(c.localName) > rank) ?? null;
  const w = h(`DTS:${name}`);
  insertIndented(owner, w, ref);
  return w;
}
