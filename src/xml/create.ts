/** @module Creating nodes and documents in code. */
import { DocumentNode, emptySource } from './document.ts';
import { AttributeNode, CDataNode, CommentNode, DocTypeNode, ElementNode, PiNode, TextNode } from './nodes.ts';
import type { XmlCData, XmlComment, XmlDocument, XmlElement, XmlNode, XmlText } from './types.ts';

/** A new element (not yet in the tree) with the given attributes in order. */
export function createElement(_doc: XmlDocument | null, name: string, attrs: Record<string, string> = {}): XmlElement {
  return new ElementNode(
    name,
    Object.entries(attrs).map(([n, v]) => new AttributeNode(n, v)),
    0,
    0,
  );
}

/** A new text node. */
export function createText(value: string): XmlText {
  return new TextNode(value);
}

/** A new CDATA section. */
export function createCData(value: string): XmlCData {
  return new CDataNode(value);
}

/** A new comment. */
export function createComment(value: string): XmlComment {
  return new CommentNode(value);
}

/** Options of {@link createDocument}. */
export interface CreateDocumentOptions {
  /** Write `<?xml version="1.0"?>` (with `encoding` when given as `declaredEncoding`); default true. */
  declaration?: boolean;
  /** The encoding named in the declaration, e.g. `utf-8`; omitted by default, as SSIS writes `.dtsx` files. */
  declaredEncoding?: string;
  /** The encoding of the bytes; default `utf-8`. */
  encoding?: string;
  /** Start with a byte-order mark; default true (as SSIS 2012+ writes). */
  bom?: boolean;
  /** Line ending for generated text; default CRLF. */
  lineEnding?: '\r\n' | '\n';
  /** Put each attribute on a line of its own, two spaces deeper than its element (SSIS 2012+ layout); default false. */
  attributesOnNewLines?: boolean;
}

/** A new document with `root` as its root element. */
export function createDocument(root: XmlElement | string, opts: CreateDocumentOptions = {}): XmlDocument {
  const rootEl = typeof root === 'string' ? createElement(null, root) : root;
  const declaration = opts.declaration === false ? null : { version: '1.0', ...(opts.declaredEncoding ? { encoding: opts.declaredEncoding } : {}) };
  const lineEnding = opts.lineEnding ?? '\r\n';
  return new DocumentNode({
    root: rootEl,
    prolog: declaration ? [new TextNode('\n')] : [],
    epilog: [],
    declaration,
    encoding: opts.encoding ?? 'utf-8',
    bom: opts.bom ?? true,
    lineEnding,
    source: { ...emptySource, attributesOnNewLines: opts.attributesOnNewLines ?? false },
  });
}

/**
 * A copy of `node` (and, for an element, its whole subtree) as newly created nodes: written fresh, not from source
 * text. An element written `<a></a>` gets an empty text child so that the copy keeps that form.
 */
export function cloneNode<T extends XmlNode>(node: T): T {
  return cloneAny(node) as T;
}

function cloneAny(node: XmlNode): XmlNode {
  switch (node.type) {
    case 'element': {
      const el = new ElementNode(node.name, node.attributes.map((a) => new AttributeNode(a.name, a.value)), 0, 0);
      if (node.children.length === 0 && node instanceof ElementNode && node.srcName !== null && !node.srcSelfClosing) {
        const empty = new TextNode('');
        empty.parent = el;
        el.children.push(empty);
      }
      for (const c of node.children) {
        const copy = cloneAny(c);
        copy.parent = el;
        el.children.push(copy);
      }
      return el;
    }
    case 'text':
      return new TextNode(node.value);
    case 'cdata':
      return new CDataNode(node.value);
    case 'comment':
      return new CommentNode(node.value);
    case 'pi':
      return new PiNode(node.target, node.data);
    case 'doctype':
      return new DocTypeNode(node.raw);
  }
}
