/**
 * @module The node classes behind the XML interfaces. Each parsed node remembers where it came from in the
 * source text and what it looked like, so the serializer can reuse the original bytes of everything unchanged.
 */
import type { XmlAttribute, XmlCData, XmlComment, XmlDocType, XmlElement, XmlNode, XmlProcessingInstruction, XmlText } from './types.ts';

/** The namespace bound to the `xml` prefix by the XML specification. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of `xmlns` declarations. */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The prefix of a qualified name (`''` when none). */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i);
}

/** The local part of a qualified name. */
export function localNameOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The namespace URI bound to `prefix` at `el` (walking up the ancestors' xmlns declarations); null when unbound. */
export function lookupNamespace(el: XmlElement | null, prefix: string): string | null {
  if (prefix === 'xml') return XML_NAMESPACE;
  if (prefix === 'xmlns') return XMLNS_NAMESPACE;
  const declName = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let e = el; e !== null; e = e.parent) {
    const attrs = e.attributes;
    for (let i = 0; i < attrs.length; i++) {
      if (attrs[i].name === declName) return attrs[i].value === '' ? null : attrs[i].value;
    }
  }
  return null;
}

/** An element; `src*` fields describe the original source (unused for created elements, whose `srcName` is null). */
export class ElementNode implements XmlElement {
  readonly type = 'element' as const;
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[] = [];
  parent: XmlElement | null = null;
  readonly line: number;
  readonly column: number;
  /** The text this element was parsed from (its `src*` offsets point into it). */
  srcText = '';
  /** The name as parsed; null for created elements. */
  srcName: string | null = null;
  /** How many attributes the start tag had. */
  srcAttrCount = 0;
  /** Offset of `<`. */
  srcStart = 0;
  /** Offset just after the `>` of the start tag. */
  srcTagEnd = 0;
  /** Offset of the whitespace after the last attribute (or after the name) inside the start tag. */
  srcTail = 0;
  /** Offset of `</` of the end tag (equals srcTagEnd when self-closing). */
  srcCloseStart = 0;
  /** Offset just after the end tag. */
  srcEnd = 0;
  /** True when written `<a/>`. */
  srcSelfClosing = false;
  private nsUri: string | null = null;
  private nsForName: string | null = null;
  private nsForParent: XmlElement | null = null;

  constructor(name: string, attributes: XmlAttribute[], line: number, column: number) {
    this.name = name;
    this.attributes = attributes;
    this.line = line;
    this.column = column;
  }

  private splitFor: string | null = null;
  private splitPrefix = '';
  private splitLocal = '';

  get prefix(): string {
    if (this.splitFor !== this.name) this.split();
    return this.splitPrefix;
  }

  get localName(): string {
    if (this.splitFor !== this.name) this.split();
    return this.splitLocal;
  }

  /** Caches the prefix and local name of the current name (readers ask for them often). */
  private split(): void {
    this.splitFor = this.name;
    this.splitPrefix = prefixOf(this.name);
    this.splitLocal = localNameOf(this.name);
  }

  get namespaceUri(): string | null {
    if (this.nsForName !== this.name || this.nsForParent !== this.parent) {
      this.setNamespaceCache(lookupNamespace(this, prefixOf(this.name)));
    }
    return this.nsUri;
  }

  /** Records the resolved namespace for the current name and parent (the parser calls this). */
  setNamespaceCache(uri: string | null): void {
    this.nsUri = uri;
    this.nsForName = this.name;
    this.nsForParent = this.parent;
  }
}

/** An attribute; `src*` fields locate the original `name="value"` and the whitespace before it. */
export class AttributeNode implements XmlAttribute {
  name: string;
  value: string;
  /** The text this attribute was parsed from. */
  srcText = '';
  /** Name and value as parsed (null for created attributes). */
  srcName: string | null = null;
  srcValue: string | null = null;
  /** The element whose start tag held it, and its position there. */
  srcOwner: XmlElement | null = null;
  srcIndex = -1;
  /** Offset of the whitespace before the name. */
  srcWs = 0;
  /** Offset of the name. */
  srcStart = 0;
  /** Offset just after the closing quote. */
  srcEnd = 0;
  /** The quote character code used (34 `"` or 39 `'`). */
  srcQuote = 34;

  constructor(name: string, value: string) {
    this.name = name;
    this.value = value;
  }
}

/** Text, CDATA and comments share one shape: a value and, when parsed, its source range. */
abstract class ValueNode {
  abstract readonly type: 'text' | 'cdata' | 'comment';
  value: string;
  parent: XmlElement | null = null;
  /** The text this node was parsed from. */
  srcText = '';
  /** The value as parsed; null for created nodes. */
  srcValue: string | null = null;
  srcStart = 0;
  srcEnd = 0;

  constructor(value: string) {
    this.value = value;
  }
}

/** Character data. */
export class TextNode extends ValueNode implements XmlText {
  readonly type = 'text' as const;
}

/** A CDATA section. */
export class CDataNode extends ValueNode implements XmlCData {
  readonly type = 'cdata' as const;
}

/** A comment. */
export class CommentNode extends ValueNode implements XmlComment {
  readonly type = 'comment' as const;
}

/** A processing instruction. */
export class PiNode implements XmlProcessingInstruction {
  readonly type = 'pi' as const;
  target: string;
  data: string;
  parent: XmlElement | null = null;
  srcText = '';
  srcTarget: string | null = null;
  srcData: string | null = null;
  srcStart = 0;
  srcEnd = 0;

  constructor(target: string, data: string) {
    this.target = target;
    this.data = data;
  }
}

/** A DOCTYPE declaration, always written back verbatim. */
export class DocTypeNode implements XmlDocType {
  readonly type = 'doctype' as const;
  readonly raw: string;
  parent: XmlElement | null = null;
  /** Source range when parsed (-1 when created). */
  srcText = '';
  srcStart = -1;
  srcEnd = -1;

  constructor(raw: string) {
    this.raw = raw;
  }
}
