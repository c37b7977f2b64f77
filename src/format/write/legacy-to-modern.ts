/**
 * @module The 2008 → 2012 reshaping of a package's XML (formats 2/3 → 6): `<DTS:Property>` elements become
 * attributes, collections get their wrapper elements, refIds are added, precedence constraints name their
 * ends by refId, and data flow integer IDs and lineage IDs become refId paths (inside expressions too).
 * Anything not understood (task payloads, designer layout, third-party parts) is carried over untouched.
 */
import type { XmlElement, XmlNode } from '../../xml/index.ts';
import { createElement, descendants, insertBefore, removeAttr, removeChild, setAttr, setText } from '../../xml/index.ts';
import type { Component, DataFlow, ExternalMetadataColumn, Package } from '../../package/index.ts';
import { allDataFlows, walkExecutables } from '../../package/index.ts';
import { attrLocal, elementChildren, elementsNamed } from '../dom.ts';
import { lineageRefsToRefIds } from '../lineage-text.ts';

/** Properties written as True/False in 2012+ (-1/0 before). */
const BOOLEAN_PROPERTIES = new Set([
  'Disabled', 'DelayValidation', 'FailPackageOnFailure', 'FailParentOnFailure', 'ForceExecValue', 'DisableEventHandlers',
  'EvaluateAsExpression', 'ReadOnly', 'RaiseChangedEvent', 'LogicalAnd', 'EnableConfig', 'SaveCheckpoints',
  'SuppressConfigurationWarnings', 'Retain', 'ColumnNamesInFirstDataRow', 'TextQualified', 'Unicode', 'OfflineMode',
  'Sensitive', 'Required', 'FastParse', 'InteractiveMode',
]);

/** Orders attribute names as `localeCompare` does (the same collation, without building it for every comparison). */
const COLLATOR = new Intl.Collator();

/** Properties that stay `<DTS:Property>` elements in 2012+. */
const KEEP_AS_ELEMENT = new Set(['PackageFormatVersion', 'EventFilter', 'ParameterValue', 'ColumnFilter']);

const EXECUTABLE_DEFAULTS: Record<string, string> = {
  Disabled: 'False', DelayValidation: 'False', DisableEventHandlers: 'False', FailPackageOnFailure: 'False', FailParentOnFailure: 'False',
  MaxErrorCount: '1', ForceExecutionResult: '-1', ForceExecValue: 'False', ExecValue: '0', ISOLevel: '1048576', TransactionOption: '1',
  ExecutionLocation: '0', ExecutionAddress: '', Description: '', VersionComments: '', CheckpointFileName: '', CheckpointUsage: '0',
  SaveCheckpoints: 'False', EnableConfig: 'False', SuppressConfigurationWarnings: 'False', PackagePriorityClass: '0',
  MaxConcurrentExecutables: '-1', ProtectionLevel: '1', VersionMajor: '1', VersionMinor: '0', OfflineMode: 'False',
};

/**
 * Values SSIS 2012 leaves out because they are the defaults (the reader assumes the same defaults, which the
 * corpus tests check by comparing the whole model before and after every upgrade).
 */
const DEFAULTS: Record<string, Record<string, string>> = {
  Executable: EXECUTABLE_DEFAULTS,
  EventHandler: EXECUTABLE_DEFAULTS,
  Variable: { EvaluateAsExpression: 'False', Expression: '', ReadOnly: 'False', RaiseChangedEvent: 'False', Description: '' },
  PrecedenceConstraint: { Value: '0', EvalOp: '2', Expression: '', Description: '' },
  ConnectionManager: { DelayValidation: 'False', Description: '', Retain: 'False' },
  LoggingOptions: { FilterKind: '1', LoggingMode: '0' },
};

/** Bare collection items and the wrapper 2012 puts around them, per owner element. */
const WRAPPERS: [item: string, wrapper: string][] = [
  ['ConnectionManager', 'ConnectionManagers'],
  ['Configuration', 'Configurations'],
  ['LogProvider', 'LogProviders'],
  ['Variable', 'Variables'],
  ['Executable', 'Executables'],
  ['PrecedenceConstraint', 'PrecedenceConstraints'],
  ['EventHandler', 'EventHandlers'],
  ['ForEachVariableMapping', 'ForEachVariableMappings'],
  ['SelectedLogProvider', 'SelectedLogProviders'],
  ['FlatFileColumn', 'FlatFileColumns'],
  ['PackageParameter', 'PackageParameters'],
];
const DTS_OWNERS = new Set(['Executable', 'EventHandler', 'ConnectionManager', 'LoggingOptions', 'ForEachEnumerator']);

function isBlank(n: XmlNode | undefined): boolean {
  return n !== undefined && n.type === 'text' && n.value.trim() === '';
}

function removeWithSpace(parent: XmlElement, child: XmlElement): void {
  const i = parent.children.indexOf(child);
  const before = parent.children[i - 1];
  removeChild(parent, child);
  if (isBlank(before)) removeChild(parent, before);
}

function boolText(v: string): string {
  const t = v.trim().toLowerCase();
  if (t === '-1' || t === 'true' || t === '1') return 'True';
  if (t === '0' || t === 'false') return 'False';
  return v;
}

/** Moves simple `<DTS:Property>` children into attributes (refId first, then alphabetical, as SSIS 2012 writes). */
function propertiesToAttributes(el: XmlElement, refId?: string): void {
  const moved: [string, string][] = [];
  for (const p of elementsNamed(el, 'Property')) {
    const name = attrLocal(p, 'Name');
    if (name === undefined || KEEP_AS_ELEMENT.has(name)) continue;
    if (elementChildren(p).length > 0 || attrLocal(p, 'Encrypted') !== undefined) continue;
    let value = '';
    for (const c of p.children) if (c.type === 'text' || c.type === 'cdata') value += c.value;
    value = BOOLEAN_PROPERTIES.has(name) ? boolText(value) : value;
    removeWithSpace(el, p);
    if (DEFAULTS[el.localName]?.[name] === value) continue;
    moved.push([name, value]);
  }
  if (moved.length === 0 && refId === undefined) return;
  const existing = el.attributes.map((a) => [a.name, a.value] as [string, string]);
  const xmlns = existing.filter(([n]) => n.startsWith('xmlns'));
  const rest = existing.filter(([n]) => !n.startsWith('xmlns') && n !== 'DTS:refId');
  const all = [...rest, ...moved.map(([n, v]) => [`DTS:${n}`, v] as [string, string])];
  const seen = new Set<string>();
  const unique = all
    .filter(([n]) => (seen.has(n) ? false : (seen.add(n), true)))
    .map(([n, v]) => ({ n, v, key: n.replace(/^DTS:/, '').toLowerCase() }));
  unique.sort((a, b) => COLLATOR.compare(a.key, b.key));
  const ordered = [...xmlns, ...(refId !== undefined ? [['DTS:refId', refId] as [string, string]] : []), ...unique.map(({ n, v }) => [n, v] as [string, string])];
  // Every attribute is written anew, in the new order.
  el.attributes = [];
  for (const [n, v] of ordered) setAttr(el, n, v);
}

/** Wraps bare collection items of a DTS owner element into their 2012 wrapper element. */
function wrapCollections(el: XmlElement): void {
  for (const [item, wrapper] of WRAPPERS) {
    // Precedence constraints' <DTS:Executable IDREF> children are removed before this runs.
    const items = elementsNamed(el, item);
    if (items.length === 0) continue;
    const w = createElement(null, `DTS:${wrapper}`);
    insertBefore(el, w, items[0]);
    for (const it of items) {
      const i = el.children.indexOf(it);
      const before = el.children[i - 1];
      insertBefore(w, it, null);
      // The line break before each moved item goes too, except the one that now stands before the wrapper.
      if (isBlank(before) && before !== undefined && before.parent === el && el.children[el.children.indexOf(before) + 1] !== w) removeChild(el, before);
    }
  }
}

function rewriteIdAttr(el: XmlElement, name: string, ids: Map<number, string>, remove: boolean): void {
  const v = el.attributes.find((a) => a.name === name)?.value;
  if (v === undefined) return;
  if (!/^-?\d+$/.test(v)) return;
  const ref = ids.get(Number(v));
  if (v === '0' || ref === undefined) {
    if (remove) removeAttr(el, name);
    return;
  }
  setAttr(el, name, ref);
}

function objectIds(df: DataFlow): Map<number, string> {
  const ids = new Map<number, string>();
  const note = (id: number | undefined, refId: string): void => {
    if (id !== undefined) ids.set(id, refId);
  };
  for (const c of df.components) {
    note(c.id, c.refId);
    for (const io of [...c.inputs, ...c.outputs]) {
      note(io.id, io.refId);
      for (const x of io.externalColumns) note(x.id, x.refId);
    }
    for (const o of c.outputs) for (const col of o.columns) note(col.id, col.refId);
  }
  return ids;
}

/** Puts `refId` first and drops the integer `id`; every attribute is written anew. */
function prependRefId(el: XmlElement, refId: string): void {
  const kept = el.attributes.filter((a) => a.name !== 'refId' && a.name !== 'id');
  el.attributes = [];
  setAttr(el, 'refId', refId);
  for (const a of kept) setAttr(el, a.name, a.value);
}

function rewriteProperties(owner: { properties: { element: XmlElement; containsId: boolean; value: string }[] }, lineage: Map<number, string>): void {
  for (const p of owner.properties) {
    removeAttr(p.element, 'id');
    if (!p.containsId || p.value === '') continue;
    const v = /^\d+$/.test(p.value.trim()) ? `#${p.value.trim()}` : p.value;
    const text = lineageRefsToRefIds(v, lineage);
    if (text !== p.value) setText(p.element, text);
  }
}

/** External metadata columns get their refId, their mapped column as a refId, and refIds in their properties. */
function reshapeExternalColumns(columns: readonly ExternalMetadataColumn[], ids: Map<number, string>, lineage: Map<number, string>): void {
  for (const x of columns) {
    prependRefId(x.element, x.refId);
    rewriteIdAttr(x.element, 'mappedColumnId', ids, true);
    rewriteProperties(x, lineage);
  }
}

function upgradeComponent(c: Component, df: DataFlow, ids: Map<number, string>, cmRefIds: Map<string, string>): void {
  prependRefId(c.element, c.refId);
  rewriteProperties(c, df.lineageIds);
  for (const k of c.connections) {
    prependRefId(k.element, k.refId);
    const ref = cmRefIds.get(k.connectionManagerId.toUpperCase());
    if (ref !== undefined) {
      setAttr(k.element, 'connectionManagerID', ref);
      setAttr(k.element, 'connectionManagerRefId', ref);
    }
  }
  for (const i of c.inputs) {
    prependRefId(i.element, i.refId);
    rewriteProperties(i, df.lineageIds);
    for (const col of i.columns) {
      prependRefId(col.element, col.refId);
      if (col.lineageRefId) setAttr(col.element, 'lineageId', col.lineageRefId);
      if (attrLocal(col.element, 'cachedName') === undefined && col.name) setAttr(col.element, 'cachedName', col.name);
      rewriteIdAttr(col.element, 'externalMetadataColumnId', ids, true);
      rewriteIdAttr(col.element, 'mappedColumnId', ids, true);
      rewriteProperties(col, df.lineageIds);
    }
    reshapeExternalColumns(i.externalColumns, ids, df.lineageIds);
  }
  for (const o of c.outputs) {
    prependRefId(o.element, o.refId);
    rewriteIdAttr(o.element, 'synchronousInputId', ids, true);
    rewriteProperties(o, df.lineageIds);
    for (const col of o.columns) {
      prependRefId(col.element, col.refId);
      setAttr(col.element, 'lineageId', col.refId);
      rewriteIdAttr(col.element, 'externalMetadataColumnId', ids, true);
      rewriteIdAttr(col.element, 'mappedColumnId', ids, true);
      rewriteProperties(col, df.lineageIds);
    }
    reshapeExternalColumns(o.externalColumns, ids, df.lineageIds);
  }
}

/** Reshapes a legacy (format 2/3) package's XML, in place, into the 2012 serialization. `pkg` must be lifted from that XML. */
export function legacyToModern(pkg: Package): void {
  const cmRefIds = new Map<string, string>();
  for (const cm of pkg.connectionManagers) cmRefIds.set(cm.dtsId.toUpperCase(), cm.refId);

  // Data flows first, while the model's elements are still where the reader found them.
  for (const { dataFlow } of allDataFlows(pkg)) {
    const ids = objectIds(dataFlow);
    for (const c of dataFlow.components) upgradeComponent(c, dataFlow, ids, cmRefIds);
    for (const p of dataFlow.paths) {
      prependRefId(p.element, p.refId);
      setAttr(p.element, 'startId', p.startRefId);
      setAttr(p.element, 'endId', p.endRefId);
    }
    removeAttr(dataFlow.element, 'id');
  }

  // Precedence constraints: ends by refId.
  const refIds = new Map<XmlElement, string>();
  for (const e of walkExecutables(pkg)) {
    refIds.set(e.element, e.refId);
    if ('precedenceConstraints' in e) {
      for (const pc of e.precedenceConstraints) {
        refIds.set(pc.element, pc.refId);
        for (const ex of elementChildren(pc.element).filter((c) => c.localName === 'Executable')) removeWithSpace(pc.element, ex);
        setAttr(pc.element, 'DTS:From', pc.from);
        setAttr(pc.element, 'DTS:To', pc.to);
        // 2012+ reads a missing LogicalAnd as False, 2005/2008 as True: always written.
        setAttr(pc.element, 'DTS:LogicalAnd', pc.logicalAnd ? 'True' : 'False');
      }
    }
  }
  for (const cm of pkg.connectionManagers) refIds.set(cm.element, cm.refId);
  refIds.delete(pkg.element);

  // Every DTS element: properties → attributes; collections wrapped.
  const all = [pkg.element, ...descendants(pkg.element)].filter((el) => el.prefix === 'DTS');
  for (const el of all) {
    // <DTS:PackageVariable> is the 2005/2008 designer's layout: carried over as it is.
    if (el.localName === 'Property' || el.localName === 'PackageVariable') continue;
    const refId = el === pkg.element ? 'Package' : refIds.get(el);
    propertiesToAttributes(el, refId);
  }
  for (const el of all) if (DTS_OWNERS.has(el.localName) || el === pkg.element) wrapCollections(el);
}
