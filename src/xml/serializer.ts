/**
 * @module The serializer: writes a document back, reusing the exact source text of every node and attribute that
 * did not change and regenerating only what did (escaped as SSIS writes it). An unchanged document gives back its
 * original bytes.
 */
import { DocumentNode } from './document.ts';
import { encodeXmlText } from './encoding.ts';
import { assertWritable, escapeAttribute, escapeText } from './escape.ts';
import { AttributeNode, CDataNode, CommentNode, DocTypeNode, ElementNode, PiNode, TextNode } from './nodes.ts';
import type { XmlAttribute, XmlDeclaration, XmlDocument, XmlElement, XmlNode } from './types.ts';

/** Collects output as source slices (merged when adjacent) and generated strings. */
class Output {
  private readonly parts: string[] = [];
  private runText = '';
  private runStart = -1;
  private runEnd = -1;

  constructor(
    readonly lineEnding: string,
    readonly spaceBeforeSlash: boolean,
    readonly attributesOnNewLines: boolean,
  ) {}

  /** Appends `src[start, end)`; nodes from other documents carry their own source text. */
  slice(src: string, start: number, end: number): void {
    if (start === end) return;
    if (start === this.runEnd && src === this.runText) {
      this.runEnd = end;
      return;
    }
    this.flush();
    this.runText = src;
    this.runStart = start;
    this.runEnd = end;
  }

  text(value: string): void {
    if (value === '') return;
    this.flush();
    this.parts.push(value);
  }

  /** True when the output is exactly the whole source. */
  isWholeSource(src: string): boolean {
    return this.parts.length === 0 && this.runText === src && this.runStart === 0 && this.runEnd === src.length;
  }

  result(): string {
    this.flush();
    return this.parts.join('');
  }

  private flush(): void {
    if (this.runStart >= 0) {
      this.parts.push(this.runText.slice(this.runStart, this.runEnd));
      this.runStart = -1;
      this.runEnd = -1;
    }
  }
}

/** Line breaks (LF, CRLF or a lone CR) written with the document's line ending: comments, CDATA and PIs cannot escape a CR. */
function withLineEnding(value: string, lineEnding: string): string {
  return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 ? value : value.replace(/\r\n?|\n/g, lineEnding);
}

function startTagUnchanged(el: ElementNode): boolean {
  if (el.srcName === null || el.name !== el.srcName || el.attributes.length !== el.srcAttrCount) return false;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i] as AttributeNode;
    if (a.srcOwner !== el || a.srcIndex !== i || a.name !== a.srcName || a.value !== a.srcValue) return false;
  }
  return true;
}

/** How a new attribute is separated: SSIS 2012+ puts each on its own line, two spaces deeper than its element. */
function newAttributeSeparator(a: XmlAttribute, out: Output, depth: number): string {
  return out.attributesOnNewLines && !a.name.startsWith('xmlns') ? out.lineEnding + '  '.repeat(depth + 1) : ' ';
}

/** The separator of a new attribute on a parsed element: the whitespace before its last parsed attribute, if any. */
function attributeSeparator(el: XmlElement, a: XmlAttribute, out: Output, depth: number): void {
  for (let i = el.attributes.length - 1; i >= 0; i--) {
    const b = el.attributes[i];
    if (b instanceof AttributeNode && b.srcName !== null && b.srcOwner === el && !b.name.startsWith('xmlns')) {
      out.slice(b.srcText, b.srcWs, b.srcStart);
      return;
    }
  }
  out.text(newAttributeSeparator(a, out, depth));
}

function writeAttribute(el: XmlElement, a: XmlAttribute, out: Output, depth: number): void {
  if (a instanceof AttributeNode && a.srcName !== null) {
    out.slice(a.srcText, a.srcWs, a.srcStart);
    if (a.name === a.srcName && a.value === a.srcValue) {
      out.slice(a.srcText, a.srcStart, a.srcEnd);
      return;
    }
    const q = a.srcQuote === 39 ? "'" : '"';
    out.text(`${a.name}=${q}${escapeAttribute(a.value, q)}${q}`);
    return;
  }
  if (isParsed(el)) attributeSeparator(el, a, out, depth);
  else out.text(newAttributeSeparator(a, out, depth));
  out.text(`${a.name}="${escapeAttribute(a.value)}"`);
}

function writeStartTag(el: XmlElement, out: Output, close: '>' | '/>', depth: number): void {
  const parsed = isParsed(el) ? el : null;
  out.text(`<${el.name}`);
  for (const a of el.attributes) writeAttribute(el, a, out, depth);
  if (parsed) {
    // Keep the whitespace before '>' or '/>'; drop it when a self-closing tag gains content.
    if (close === '/>' || !parsed.srcSelfClosing) out.slice(parsed.srcText, parsed.srcTail, parsed.srcTagEnd - (parsed.srcSelfClosing ? 2 : 1));
    out.text(close);
  } else {
    out.text(close === '/>' && out.spaceBeforeSlash ? ' />' : close);
  }
}

function isParsed(el: XmlElement): el is ElementNode {
  return el instanceof ElementNode && el.srcName !== null;
}

/** Writes the start tag of `el`; returns false when the element is complete (written self-closing). */
function openElement(el: XmlElement, out: Output, depth: number): boolean {
  const parsed = isParsed(el) ? el : null;
  const empty = el.children.length === 0;
  const selfClosing = empty && (parsed === null || parsed.srcSelfClosing);
  if (parsed && startTagUnchanged(parsed) && (!parsed.srcSelfClosing || empty)) out.slice(parsed.srcText, parsed.srcStart, parsed.srcTagEnd);
  else writeStartTag(el, out, selfClosing ? '/>' : '>', depth);
  return !selfClosing;
}

function closeElement(el: XmlElement, out: Output): void {
  if (isParsed(el) && !el.srcSelfClosing && el.name === el.srcName) out.slice(el.srcText, el.srcCloseStart, el.srcEnd);
  else out.text(`</${el.name}>`);
}

/** Writes an element and its subtree iteratively (deep documents cannot overflow the stack). */
function writeElement(root: XmlElement, out: Output, depth: number): void {
  if (!openElement(root, out, depth)) return;
  const elements: XmlElement[] = [root];
  const positions: number[] = [0];
  while (elements.length > 0) {
    const top = elements.length - 1;
    const el = elements[top];
    const i = positions[top];
    if (i >= el.children.length) {
      closeElement(el, out);
      elements.pop();
      positions.pop();
      continue;
    }
    positions[top] = i + 1;
    const child = el.children[i];
    if (child.type !== 'element') writeNode(child, out, depth + elements.length);
    else if (openElement(child, out, depth + elements.length)) {
      elements.push(child);
      positions.push(0);
    }
  }
}

function writeNode(node: XmlNode, out: Output, depth: number): void {
  switch (node.type) {
    case 'element':
      writeElement(node, out, depth);
      return;
    case 'text':
      if (node instanceof TextNode && node.srcValue !== null && node.value === node.srcValue) out.slice(node.srcText, node.srcStart, node.srcEnd);
      else out.text(escapeText(node.value, out.lineEnding));
      return;
    case 'cdata':
      if (node instanceof CDataNode && node.srcValue !== null && node.value === node.srcValue) out.slice(node.srcText, node.srcStart, node.srcEnd);
      else {
        assertWritable(node.value, 'a CDATA section');
        out.text(`<![CDATA[${withLineEnding(node.value, out.lineEnding).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`);
      }
      return;
    case 'comment':
      if (node instanceof CommentNode && node.srcValue !== null && node.value === node.srcValue) out.slice(node.srcText, node.srcStart, node.srcEnd);
      else {
        assertWritable(node.value, 'a comment');
        // XML forbids "--" inside a comment and a trailing "-"; they are split with a space.
        out.text(`<!--${withLineEnding(node.value, out.lineEnding).replace(/-(?=-)/g, '- ').replace(/-$/, '- ')}-->`);
      }
      return;
    case 'pi':
      if (node instanceof PiNode && node.srcTarget !== null && node.target === node.srcTarget && node.data === node.srcData) out.slice(node.srcText, node.srcStart, node.srcEnd);
      else {
        assertWritable(node.data, 'a processing instruction');
        out.text(`<?${node.target}${node.data === '' ? '' : ' '}${withLineEnding(node.data.replace(/\?>/g, '? >'), out.lineEnding)}?>`);
      }
      return;
    case 'doctype':
      if (node instanceof DocTypeNode && node.srcStart >= 0) out.slice(node.srcText, node.srcStart, node.srcEnd);
      else out.text(node.raw);
      return;
  }
}

function declarationText(decl: XmlDeclaration): string {
  const encoding = decl.encoding === undefined ? '' : ` encoding="${decl.encoding}"`;
  const standalone = decl.standalone === undefined ? '' : ` standalone="${decl.standalone}"`;
  return `<?xml version="${decl.version}"${encoding}${standalone}?>`;
}

/** The outer XML of one node as it would be written (source text reused where unchanged). */
export function outerXml(node: XmlNode, lineEnding: '\r\n' | '\n' = '\r\n'): string {
  const out = new Output(lineEnding, true, false);
  let depth = 0;
  for (let p = node.parent; p !== null; p = p.parent) depth++;
  writeNode(node, out, depth);
  return out.result();
}

function render(doc: XmlDocument): { text: string; unchanged: boolean } {
  const d = doc instanceof DocumentNode ? doc : null;
  const src = d?.source.text ?? '';
  const out = new Output(doc.lineEnding, d?.source.spaceBeforeSlash ?? true, d?.source.attributesOnNewLines ?? false);
  if (d && d.source.declarationEnd > 0) out.slice(src, 0, d.source.declarationEnd);
  else if (doc.declaration) out.text(declarationText(doc.declaration));
  for (const n of doc.prolog) writeNode(n, out, 0);
  writeElement(doc.root, out, 0);
  for (const n of doc.epilog) writeNode(n, out, 0);
  const unchanged = out.isWholeSource(src);
  return { text: unchanged ? src : out.result(), unchanged };
}

/** The document's text (a leading U+FEFF when the document has a byte-order mark); identical to the input when unchanged. */
export function serializeXmlToString(doc: XmlDocument): string {
  const { text } = render(doc);
  return doc.bom ? `\uFEFF${text}` : text;
}

/** The document's bytes in its own encoding and BOM; byte-identical to the parsed input when nothing changed. */
export function serializeXml(doc: XmlDocument): Uint8Array {
  const { text, unchanged } = render(doc);
  if (unchanged && doc instanceof DocumentNode && doc.source.bytes) return Uint8Array.prototype.slice.call(doc.source.bytes);
  return encodeXmlText(text, doc.encoding, doc.bom);
}
