/** @module Editing helpers: attributes, text and children. Changes are detected automatically when saving. */
import { AttributeNode } from './nodes.ts';
import { attrNode } from './query.ts';
import { createText } from './create.ts';
import type { XmlElement, XmlNode } from './types.ts';

/** Sets attribute `name` (as written, or `{uri}local` for an existing one); a new attribute is added at the end. */
export function setAttr(el: XmlElement, name: string, value: string): void {
  const existing = attrNode(el, name);
  if (existing) existing.value = value;
  else if (name.charCodeAt(0) === 123) throw new TypeError(`setAttr: cannot add attribute "${name}" by namespace URI; use its qualified name`);
  else el.attributes.push(new AttributeNode(name, value));
}

/** Removes attribute `name` when present. */
export function removeAttr(el: XmlElement, name: string): void {
  const existing = attrNode(el, name);
  if (existing) el.attributes = el.attributes.filter((a) => a !== existing);
}

/**
 * Replaces the content of `el` with `value` as text (an existing single text child is reused). An empty value keeps
 * an empty text child, so the element is written `<a></a>` as SSIS writes an empty string; to write `<a/>`, empty
 * `children` instead.
 */
export function setText(el: XmlElement, value: string): void {
  const children = el.children;
  if (children.length === 1 && children[0].type === 'text') {
    children[0].value = value;
    return;
  }
  for (const c of children) c.parent = null;
  el.children = [];
  appendChild(el, createText(value));
}

function detach(child: XmlNode): void {
  const old = child.parent;
  if (old) {
    const i = old.children.indexOf(child);
    if (i >= 0) old.children.splice(i, 1);
  }
  child.parent = null;
}

function assertNotAncestor(parent: XmlElement, child: XmlNode): void {
  for (let e: XmlElement | null = parent; e !== null; e = e.parent) {
    if (e === child) throw new TypeError('cannot insert an element into itself or one of its descendants');
  }
}

/** Appends `child` to `parent` (moving it when it already has a parent). */
export function appendChild(parent: XmlElement, child: XmlNode): void {
  insertBefore(parent, child, null);
}

/** Inserts `child` into `parent` before `ref` (at the end when `ref` is null). */
export function insertBefore(parent: XmlElement, child: XmlNode, ref: XmlNode | null): void {
  assertNotAncestor(parent, child);
  detach(child);
  const i = ref === null ? -1 : parent.children.indexOf(ref);
  if (ref !== null && i < 0) throw new TypeError('insertBefore: the reference node is not a child of the parent');
  if (i < 0) parent.children.push(child);
  else parent.children.splice(i, 0, child);
  child.parent = parent;
}

/** Removes `child` from `parent`. */
export function removeChild(parent: XmlElement, child: XmlNode): void {
  const i = parent.children.indexOf(child);
  if (i < 0) throw new TypeError('removeChild: the node is not a child of the parent');
  parent.children.splice(i, 1);
  child.parent = null;
}

/**
 * Kept for the shared contract: changes are detected automatically by comparing each node with what was parsed,
 * so there is nothing to mark. Calling it is harmless.
 */
export function markDirty(_el: XmlElement): void {}
