/**
 * @module Writing the 2008 XML (format 3) of a package built in the 2012 shape (`createPackage({ format: 3 })`):
 * attributes become `<DTS:Property>` elements, collection wrappers go, precedence constraints name their ends by
 * DTSID, and data flow refIds become integer IDs and lineage IDs (inside expressions too: `#{refId}` → `#123`).
 */
import type { XmlElement } from '../../xml/index.ts';
import { createText, insertBefore, removeAttr, removeChild, setAttr, setText } from '../../xml/index.ts';
import type { DataFlow, Package } from '../../package/index.ts';
import { allDataFlows, walkExecutables } from '../../package/index.ts';
import { descendants } from '../dom.ts';
import { MODERN } from '../dialect.ts';
import { h } from '../build/tree.ts';
import { respellClassIds } from './respell.ts';

/** DTS elements whose attributes stay attributes in 2008. */
const KEEP_ATTRIBUTES = new Set(['Property', 'VariableValue', 'SelectedLogProvider', 'PropertyExpression', 'PackageVariable']);
const ALWAYS_ATTRIBUTES = new Set(['ExecutableType', 'ThreadHint', 'IDREF', 'IsFrom']);
/** Properties 2008 writes with their VARIANT type (`DTS:DataType`). */
const TYPED_PROPERTIES: Record<string, string> = { CreationDate: '7', ExecValue: '3' };
const WRAPPERS = new Set([
  'ConnectionManagers', 'Configurations', 'LogProviders', 'Variables', 'Executables', 'PrecedenceConstraints', 'EventHandlers',
  'ForEachVariableMappings', 'SelectedLogProviders', 'FlatFileColumns', 'PackageParameters',
]);

function legacyBool(v: string): string {
  if (v === 'True') return '-1';
  if (v === 'False') return '0';
  return v;
}

function numberDataFlow(df: DataFlow, cmIds: Map<string, string>): void {
  let next = 1;
  const ids = new Map<string, number>();
  const give = (el: XmlElement, refId: string): number => {
    const id = next++;
    ids.set(refId, id);
    removeAttr(el, 'refId');
    const attrs = el.attributes.map((a) => [a.name, a.value] as [string, string]);
    for (const [n] of attrs) removeAttr(el, n);
    setAttr(el, 'id', String(id));
    for (const [n, v] of attrs) setAttr(el, n, v);
    return id;
  };
  const props = (owner: { properties: { element: XmlElement }[] }): void => {
    for (const p of owner.properties) setAttr(p.element, 'id', String(next++));
  };
  for (const c of df.components) {
    give(c.element, c.refId);
    props(c);
    for (const k of c.connections) give(k.element, k.refId);
    for (const io of [...c.inputs, ...c.outputs]) {
      give(io.element, io.refId);
      props(io);
      for (const x of io.externalColumns) give(x.element, x.refId);
    }
    for (const o of c.outputs) for (const col of o.columns) {
      const id = give(col.element, col.refId);
      setAttr(col.element, 'lineageId', String(id));
      props(col);
    }
    for (const i of c.inputs) for (const col of i.columns) {
      give(col.element, col.refId);
      props(col);
    }
  }
  const ref = (el: XmlElement, name: string, value: string | undefined): void => {
    if (value === undefined) return;
    const id = ids.get(value);
    setAttr(el, name, id === undefined ? '0' : String(id));
  };
  for (const c of df.components) {
    for (const k of c.connections) {
      removeAttr(k.element, 'connectionManagerRefId');
      setAttr(k.element, 'connectionManagerID', cmIds.get(k.connectionManagerRefId) ?? k.connectionManagerId);
    }
    for (const i of c.inputs) for (const col of i.columns) {
      ref(col.element, 'lineageId', col.lineageRefId);
      ref(col.element, 'externalMetadataColumnId', col.externalMetadataColumnRefId);
      removeAttr(col.element, 'cachedName');
    }
    for (const o of c.outputs) {
      ref(o.element, 'synchronousInputId', o.synchronousInputRefId ?? '');
      for (const col of o.columns) ref(col.element, 'externalMetadataColumnId', col.externalMetadataColumnRefId);
    }
    const all = [c, ...c.inputs, ...c.outputs, ...c.inputs.flatMap((i) => i.columns), ...c.outputs.flatMap((o) => o.columns)];
    for (const owner of all) for (const p of owner.properties) {
      if (!p.containsId) continue;
      const text = p.value.replace(/#\{([^}]*)\}/g, (whole, refId: string) => (ids.has(refId) ? `#${ids.get(refId)}` : whole));
      if (text !== p.value) setText(p.element, text);
    }
  }
  for (const p of df.paths) {
    give(p.element, p.refId);
    ref(p.element, 'startId', p.startRefId);
    ref(p.element, 'endId', p.endRefId);
  }
}

function attributesToProperties(el: XmlElement): void {
  const moved = el.attributes.filter((a) => a.name.startsWith('DTS:') && !ALWAYS_ATTRIBUTES.has(a.name.slice(4)));
  if (moved.length === 0) return;
  const first = el.children[0] ?? null;
  for (const a of moved) {
    removeAttr(el, a.name);
    if (a.name === 'DTS:refId') continue;
    const name = a.name.slice(4);
    insertBefore(el, h('DTS:Property', { 'DTS:Name': name, 'DTS:DataType': TYPED_PROPERTIES[name] }, a.value === '' ? [] : [legacyBool(a.value)]), first);
  }
}

function unwrap(wrapper: XmlElement): void {
  const owner = wrapper.parent!;
  for (const c of [...wrapper.children]) insertBefore(owner, c, wrapper);
  removeChild(owner, wrapper);
}

/** Rewrites, in place, the 2012-shaped XML `pkg` was lifted from as format 3. */
export function modernToLegacy(pkg: Package): void {
  respellClassIds(pkg, MODERN, 3);
  const cmIds = new Map(pkg.connectionManagers.map((c) => [c.refId, c.dtsId] as [string, string]));
  for (const { dataFlow } of allDataFlows(pkg)) numberDataFlow(dataFlow, cmIds);
  const dtsIds = new Map<string, string>();
  for (const e of walkExecutables(pkg)) dtsIds.set(e.refId, e.dtsId);
  for (const e of walkExecutables(pkg)) {
    if (!('precedenceConstraints' in e)) continue;
    for (const pc of e.precedenceConstraints) {
      removeAttr(pc.element, 'DTS:From');
      removeAttr(pc.element, 'DTS:To');
      insertBefore(pc.element, h('DTS:Executable', { IDREF: dtsIds.get(pc.from) ?? pc.from, 'DTS:IsFrom': '-1' }), null);
      insertBefore(pc.element, h('DTS:Executable', { IDREF: dtsIds.get(pc.to) ?? pc.to, 'DTS:IsFrom': '0' }), null);
    }
  }
  const all = [pkg.element, ...descendants(pkg.element)].filter((el) => el.prefix === 'DTS');
  for (const el of all) if (!KEEP_ATTRIBUTES.has(el.localName) && !(el.localName === 'Executable' && el.attributes.some((a) => a.name === 'IDREF'))) attributesToProperties(el);
  for (const el of all) if (WRAPPERS.has(el.localName) && el.parent !== null) unwrap(el);
  const version = pkg.element.children.find((c) => c.type === 'element' && c.localName === 'Property' && c.attributes.some((a) => a.value === 'PackageFormatVersion'));
  if (version) insertBefore(pkg.element, version, pkg.element.children[0] ?? null);
  // The 2008 layout: each child of a DTS element on a line of its own, no indentation.
  for (const el of [pkg.element, ...descendants(pkg.element)].filter((e) => e.prefix === 'DTS')) {
    const blank = el.children.filter((c) => c.type === 'text' && c.value.trim() === '');
    if (!el.children.some((c) => c.type === 'element') || blank.length === 0 && el.children.some((c) => c.type === 'text')) continue;
    for (const b of blank) removeChild(el, b);
    for (const c of el.children.filter((k) => k.type === 'element')) insertBefore(el, createText('\n'), c);
  }
}
