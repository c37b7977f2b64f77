/**
 * @module Copying a whole document cheaply: the copy shares the original's source text and keeps every node's
 * source position, so it is written exactly as the original would be (without serializing and parsing again).
 */
import { DocumentNode, emptySource } from './document.ts';
import { AttributeNode, CDataNode, CommentNode, DocTypeNode, ElementNode, PiNode, TextNode } from './nodes.ts';
import { cloneNode } from './create.ts';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './types.ts';

function copyAttribute(a: XmlAttribute, owner: ElementNode, original: XmlElement): XmlAttribute {
  const copy = new AttributeNode(a.name, a.value);
  if (a instanceof AttributeNode && a.srcName !== null) {
    copy.srcText = a.srcText;
    copy.srcName = a.srcName;
    copy.srcValue = a.srcValue;
    // An attribute moved in from another element stays "moved": only its own start tag's attributes point at the copy.
    copy.srcOwner = a.srcOwner === original ? owner : a.srcOwner;
    copy.srcIndex = a.srcIndex;
    copy.srcWs = a.srcWs;
    copy.srcStart = a.srcStart;
    copy.srcEnd = a.srcEnd;
    copy.srcQuote = a.srcQuote;
  }
  return copy;
}

function copyElement(el: ElementNode): ElementNode {
  const copy = new ElementNode(el.name, [], el.line, el.column);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) copy.attributes.push(copyAttribute(attrs[i], copy, el));
  copy.srcText = el.srcText;
  copy.srcName = el.srcName;
  copy.srcAttrCount = el.srcAttrCount;
  copy.srcStart = el.srcStart;
  copy.srcTagEnd = el.srcTagEnd;
  copy.srcTail = el.srcTail;
  copy.srcCloseStart = el.srcCloseStart;
  copy.srcEnd = el.srcEnd;
  copy.srcSelfClosing = el.srcSelfClosing;
  return copy;
}

function copyLeaf(node: Exclude<XmlNode, XmlElement>): XmlNode {
  if (node instanceof TextNode || node instanceof CDataNode || node instanceof CommentNode) {
    const copy = node instanceof TextNode ? new TextNode(node.value) : node instanceof CDataNode ? new CDataNode(node.value) : new CommentNode(node.value);
    copy.srcText = node.srcText;
    copy.srcValue = node.srcValue;
    copy.srcStart = node.srcStart;
    copy.srcEnd = node.srcEnd;
    return copy;
  }
  if (node instanceof PiNode) {
    const copy = new PiNode(node.target, node.data);
    copy.srcText = node.srcText;
    copy.srcTarget = node.srcTarget;
    copy.srcData = node.srcData;
    copy.srcStart = node.srcStart;
    copy.srcEnd = node.srcEnd;
    return copy;
  }
  if (node instanceof DocTypeNode) {
    const copy = new DocTypeNode(node.raw);
    copy.srcText = node.srcText;
    copy.srcStart = node.srcStart;
    copy.srcEnd = node.srcEnd;
    return copy;
  }
  return cloneNode(node);
}

/** A copy of `node` and its subtree that keeps the source positions (iterative: deep trees cannot overflow the stack). */
function copyTree(node: XmlNode): XmlNode {
  if (node.type !== 'element') return copyLeaf(node);
  if (!(node instanceof ElementNode)) return cloneNode(node);
  const top = copyElement(node);
  const stack: [original: XmlElement, copy: ElementNode][] = [[node, top]];
  while (stack.length > 0) {
    const [original, copy] = stack.pop()!;
    const children = original.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      let child: XmlNode;
      if (c.type === 'element' && c instanceof ElementNode) {
        const ce = copyElement(c);
        stack.push([c, ce]);
        child = ce;
      } else {
        child = c.type === 'element' ? cloneNode(c) : copyLeaf(c);
      }
      child.parent = copy;
      copy.children.push(child);
    }
  }
  return top;
}

/**
 * A deep copy of `doc` that serializes exactly as `doc` does now (byte-identical when `doc` is unchanged) and keeps
 * each element's line and column. Much cheaper than `parseXml(serializeXml(doc))`; editing the copy leaves `doc` alone.
 */
export function cloneDocument(doc: XmlDocument): XmlDocument {
  const root = copyTree(doc.root) as XmlElement;
  const prolog = doc.prolog.map(copyTree);
  const epilog = doc.epilog.map(copyTree);
  const parsed = doc instanceof DocumentNode;
  return new DocumentNode({
    root, prolog, epilog, declaration: doc.declaration, encoding: doc.encoding, bom: doc.bom, fileName: doc.fileName,
    source: parsed ? doc.source : emptySource,
    // A parsed document works its line endings out from the shared source; a created one was given its own.
    lineEnding: parsed && doc.source.text !== '' ? undefined : doc.lineEnding,
  });
}
