/** @module Small read helpers over the lossless XML tree for .dtsx files: DTS-namespace element look-ups by local name. */
import type { XmlElement, XmlNode } from '../xml/index.ts';

/** The namespace of `DTS:` elements and attributes. */
export const DTS_NS = 'www.microsoft.com/SqlServer/Dts';

/** Child elements with this local name (any prefix), in order. */
export function elementsNamed(el: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.type === 'element' && c.localName === localName) out.push(c);
  return out;
}

/** The first child element with this local name. */
export function elementNamed(el: XmlElement, localName: string): XmlElement | undefined {
  for (const c of el.children) if (c.type === 'element' && c.localName === localName) return c;
  return undefined;
}

/** All child elements. */
export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element');
}

/** An attribute's value by its local name (prefix ignored), e.g. `ObjectName` finds `DTS:ObjectName`. */
export function attrLocal(el: XmlElement, localName: string): string | undefined {
  const attrs = el.attributes;
  const len = localName.length;
  for (let i = 0; i < attrs.length; i++) {
    const n = attrs[i].name;
    const nl = n.length;
    if (nl === len) {
      if (n === localName) return attrs[i].value;
      // The colon test first: it rules out nearly every other attribute with one character read.
    } else if (nl > len && n.charCodeAt(nl - len - 1) === 58 && n.endsWith(localName) && !n.startsWith('xmlns')) {
      return attrs[i].value;
    }
  }
  return undefined;
}

/** The concatenated text and CDATA of an element (not of its descendants). */
export function ownText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text' || c.type === 'cdata') s += c.value;
  return s;
}

/** The concatenated text of an element and its descendants. */
export function deepText(node: XmlNode): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if (node.type !== 'element') return '';
  let s = '';
  for (const c of node.children) s += deepText(c);
  return s;
}

/** Every descendant element (document order), the element itself excluded. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    yield c;
    yield* descendants(c);
  }
}
