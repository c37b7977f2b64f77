/** @module Test support: a plain, comparable shape of an XML tree (adjacent text merged, as a re-parse would see it). */
import type { XmlElement, XmlNode } from './types.ts';

/** A comparable shape of a node. */
export type Shape = string | { el: string; ns: string | null; attrs: [string, string][]; children: Shape[] };

/** The shape of `node`: elements with attributes and children; text and CDATA as `t:` strings (adjacent text merged). */
export function shapeOf(node: XmlNode): Shape {
  if (node.type !== 'element') {
    if (node.type === 'text') return `t:${node.value}`;
    if (node.type === 'cdata') return `c:${node.value}`;
    if (node.type === 'comment') return `!:${node.value}`;
    if (node.type === 'pi') return `?:${node.target} ${node.data}`;
    return `d:${node.raw}`;
  }
  return shapeOfElement(node);
}

function shapeOfElement(el: XmlElement): Shape {
  const children: Shape[] = [];
  for (const c of el.children) {
    const s = shapeOf(c);
    const last = children[children.length - 1];
    if (typeof s === 'string' && s.startsWith('t:') && typeof last === 'string' && last.startsWith('t:')) children[children.length - 1] = last + s.slice(2);
    else if (s !== 't:') children.push(s);
  }
  return { el: el.name, ns: el.namespaceUri, attrs: el.attributes.map((a) => [a.name, a.value]), children };
}
