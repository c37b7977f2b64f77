/**
 * @module The two .dtsx dialects: formats 2/3 write properties as `<DTS:Property DTS:Name="X">` elements and
 * collections as bare children; formats 6/8 write attributes and wrap collections (`<DTS:Executables>`).
 * Readers ask a dialect instead of caring which one they read.
 */
import { versionOfFormat } from '../versions/index.ts';
import type { XmlElement } from '../xml/index.ts';
import { attrLocal, elementNamed, elementsNamed, ownText } from './dom.ts';

/** How one dialect stores properties and collections. */
export interface Dialect {
  /** True for formats 2 and 3. */
  readonly legacy: boolean;
  /** A property by name: attribute `DTS:Name` or `<DTS:Property DTS:Name="Name">` child. */
  prop(el: XmlElement, name: string): string | undefined;
  /** Every property of an element by name (attributes and `<DTS:Property>` children; nested property bags skipped). */
  props(el: XmlElement): Record<string, string>;
  /** The items of a collection: children of `<DTS:{wrapper}>` (2012+) or bare `<DTS:{item}>` children (2005/2008). */
  items(el: XmlElement, wrapper: string, item: string): XmlElement[];
  /** Every `prop(el, name)` answer at once, for elements asked many properties (one pass over the element). */
  propertiesOf(el: XmlElement): PropertyIndex;
}

/**
 * The answers of {@link Dialect.prop} for one element. In 2005/2008 XML the `<DTS:Property>` children are indexed
 * by name in one pass (each `prop` would scan them all); 2012+ properties are attributes, found directly.
 */
export class PropertyIndex {
  private readonly children: Map<string, string> | null;

  constructor(
    private readonly el: XmlElement,
    legacy: boolean,
  ) {
    this.children = legacy ? propertyChildren(el) : null;
  }

  /** The property's value (as `prop` reads it), or undefined. */
  get(name: string): string | undefined {
    if (this.children === null) return MODERN.prop(this.el, name);
    return this.children.get(name) ?? attrLocal(this.el, name);
  }
}

/** The text of the first `<DTS:Property>` child of each name. */
function propertyChildren(el: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of el.children) {
    if (c.type !== 'element' || c.localName !== 'Property') continue;
    const name = attrLocal(c, 'Name');
    if (name !== undefined && !out.has(name)) out.set(name, ownText(c));
  }
  return out;
}

function propertyChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.type === 'element' && c.localName === 'Property' && attrLocal(c, 'Name') === name) return c;
  }
  return undefined;
}

function collectAttributes(el: XmlElement, out: Record<string, string>): void {
  for (const a of el.attributes) {
    const n = a.name;
    if (n.startsWith('xmlns')) continue;
    const colon = n.indexOf(':');
    const local = colon < 0 ? n : n.slice(colon + 1);
    if (!(local in out)) out[local] = a.value;
  }
}

function collect(el: XmlElement, attrsFirst: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (attrsFirst) collectAttributes(el, out);
  for (const c of el.children) {
    if (c.type !== 'element' || c.localName !== 'Property') continue;
    const name = attrLocal(c, 'Name');
    if (name === undefined || name in out) continue;
    if (c.children.some((k) => k.type === 'element')) continue;
    out[name] = ownText(c);
  }
  if (!attrsFirst) collectAttributes(el, out);
  return out;
}

/** Formats 2 and 3. */
export const LEGACY: Dialect = {
  legacy: true,
  prop(el, name) {
    const p = propertyChild(el, name);
    return p ? ownText(p) : attrLocal(el, name);
  },
  props: (el) => collect(el, false),
  items: (el, _wrapper, item) => elementsNamed(el, item),
  propertiesOf: (el) => new PropertyIndex(el, true),
};

/** Formats 6 and 8. */
export const MODERN: Dialect = {
  legacy: false,
  prop(el, name) {
    const a = attrLocal(el, name);
    if (a !== undefined) return a;
    const p = propertyChild(el, name);
    return p ? ownText(p) : undefined;
  },
  props: (el) => collect(el, true),
  items(el, wrapper, item) {
    const w = elementNamed(el, wrapper);
    return w ? elementsNamed(w, item) : [];
  },
  propertiesOf: (el) => new PropertyIndex(el, false),
};

/** The dialect of a package format. */
export function dialectOf(format: number): Dialect {
  return versionOfFormat(format)?.features.refIdSerialization === false ? LEGACY : MODERN;
}

/** Reads a Boolean in either spelling (`True`/`False`, `-1`/`0`, `1`, `true`). */
export function parseBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  // The spellings SSIS writes, without trimming or case folding.
  switch (value) {
    case 'True': case 'true': case '-1': case '1': return true;
    case 'False': case 'false': case '0': return false;
  }
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '-1' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}

/** The value of a string of at most 15 ASCII digits with an optional leading minus; NaN for anything else. */
function plainInteger(value: string): number {
  const len = value.length;
  const start = value.charCodeAt(0) === 45 ? 1 : 0;
  if (len === start || len - start > 15) return NaN;
  let n = 0;
  for (let i = start; i < len; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return start === 1 ? -n : n;
}

/** Reads an integer, or the fallback when absent or not a number. */
export function parseIntOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const plain = plainInteger(value);
  if (plain === plain) return plain;
  if (value.trim() === '') return fallback;
  const n = Number(value.trim());
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}
