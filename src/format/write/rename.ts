/**
 * @module Renaming objects edited on the model: an executable, variable or connection manager whose `name` changed
 * gets its refId (and every refId under it, and every reference to them, in the XML and in the model) rewritten.
 */
import type { XmlElement } from '../../xml/index.ts';
import { setAttr, setText } from '../../xml/index.ts';
import type { Package } from '../../package/index.ts';
import { qualifiedVariableName, walkExecutables } from '../../package/index.ts';
import { descendants, ownText } from '../dom.ts';
import type { Dialect } from '../dialect.ts';

/** `text` with refId `from` (and refIds under it) replaced by `to`; refIds continue with `\`, `.` or `]`/`}` after the prefix. */
function replaceRefId(text: string, from: string, to: string): string {
  if (!text.includes(from)) return text;
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf(from, i);
    if (at < 0) return out + text.slice(i);
    const next = text[at + from.length];
    const startsRef = at === 0 || text[at - 1] === '{' || text[at - 1] === '"' || text[at - 1] === ';';
    const endsRef = next === undefined || next === '\\' || next === '.' || next === '}' || next === ';' || next === '"';
    out += text.slice(i, at) + (startsRef && endsRef ? to : from);
    i = at + from.length;
  }
}

function rewriteXml(root: XmlElement, from: string, to: string): void {
  for (const el of [root, ...descendants(root)]) {
    for (const a of el.attributes) {
      const v = replaceRefId(a.value, from, to);
      if (v !== a.value) setAttr(el, a.name, v);
    }
    if (el.localName === 'property' && el.children.length > 0 && el.children.every((c) => c.type === 'text')) {
      const t = ownText(el);
      const v = replaceRefId(t, from, to);
      if (v !== t) setText(el, v);
    }
    // The designer's layout (2012+) names shapes by refId (`Id="Package\Task"`).
    if (el.localName === 'DesignTimeProperties') {
      for (const c of el.children) if (c.type === 'cdata' || c.type === 'text') c.value = replaceRefId(c.value, from, to);
    }
  }
}

function isXmlNode(v: object): boolean {
  return 'type' in v && 'parent' in v;
}

/** Rewrites refIds in every string of the model (elements and the document excluded). */
function rewriteModel(value: unknown, from: string, to: string, seen: Set<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || isXmlNode(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) if (typeof v === 'string') value.set(k, replaceRefId(v, from, to));
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === 'xml' || key === 'element' || key === 'objectData') continue;
    const v = record[key];
    if (typeof v === 'string') {
      const r = replaceRefId(v, from, to);
      if (r !== v) record[key] = r;
    } else rewriteModel(v, from, to, seen);
  }
}

function rename(pkg: Package, from: string, to: string, legacy: boolean): void {
  if (from === to) return;
  if (!legacy) rewriteXml(pkg.xml.root, from, to);
  rewriteModel(pkg, from, to, new Set());
}

/** Finds renamed executables, variables and connection managers and rewrites their refIds (2012+ XML keeps refIds). */
export function applyRenames(pkg: Package, d: Dialect): void {
  for (const e of walkExecutables(pkg)) {
    if (e.kind === 'Package' || e.kind === 'EventHandler') continue;
    if (e.name !== (d.prop(e.element, 'ObjectName') ?? '')) {
      const cut = e.refId.lastIndexOf('\\');
      rename(pkg, e.refId, `${e.refId.slice(0, cut + 1)}${e.name}`, d.legacy);
    }
  }
  for (const e of walkExecutables(pkg)) {
    for (const v of e.variables) {
      if (v.name === (d.prop(v.element, 'ObjectName') ?? '') && v.namespace === (d.prop(v.element, 'Namespace') ?? 'User')) continue;
      const owner = v.refId.slice(0, v.refId.lastIndexOf('.Variables['));
      rename(pkg, v.refId, `${owner}.Variables[${qualifiedVariableName(v)}]`, d.legacy);
    }
  }
  for (const cm of pkg.connectionManagers) {
    if (cm.name === (d.prop(cm.element, 'ObjectName') ?? '')) continue;
    const scope = cm.refId.slice(0, cm.refId.indexOf('.ConnectionManagers['));
    rename(pkg, cm.refId, `${scope}.ConnectionManagers[${cm.name}]`, d.legacy);
  }
}
