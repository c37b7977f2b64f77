/**
 * @module The XML parser: one forward scan with indexOf/charCodeAt over the decoded text, building nodes that
 * remember their source ranges. Strict about well-formedness; every problem is an SsisError with file, line and column.
 */
import type { SsisError } from '../errors.ts';
import { DocumentNode } from './document.ts';
import { decodeXmlBytes, declaredEncoding } from './encoding.ts';
import { decodeRange, normalizeNewlines, ReferenceProblem } from './escape.ts';
import { AttributeNode, CDataNode, CommentNode, DocTypeNode, ElementNode, PiNode, TextNode, XML_NAMESPACE, XMLNS_NAMESPACE } from './nodes.ts';
import type { XmlDeclaration, XmlDocument, XmlNode } from './types.ts';
import { lineColumnAt, xmlError } from './xml-error.ts';

// Character classes for ASCII: 1 = may start a name, 2 = may continue a name.
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  const part = start || (c >= 48 && c <= 57) || c === 45 || c === 46;
  NAME_CLASS[c] = (start ? 1 : 0) | (part ? 2 : 0);
}

function isNameStart(c: number): boolean {
  return c < 128 ? (NAME_CLASS[c] & 1) !== 0 : c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
}

function isNameChar(c: number): boolean {
  return c < 128 ? (NAME_CLASS[c] & 2) !== 0 : c === 0xb7 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

const INVALID_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Describes a character for an error message. */
function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file';
  const c = text.charCodeAt(offset);
  return c > 32 && c < 127 ? `"${text[offset]}"` : `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

class Parser {
  private readonly s: string;
  private readonly len: number;
  private readonly file: string | undefined;
  // Line tracking for element positions (monotonic).
  private lineNo = 1;
  private lineStart = 0;
  private nextNl: number;
  // Cached next occurrences of '&' and CR, for the text fast path.
  private nextAmp = -1;
  private nextCr = -1;
  // Namespace scope: parallel stacks of declared prefixes and URIs ('' = default namespace).
  private readonly nsPrefixes: string[] = [];
  private readonly nsUris: (string | null)[] = [];
  spaceBeforeSlash: boolean | null = null;
  attributesOnNewLines: boolean | null = null;

  constructor(text: string, file: string | undefined) {
    this.s = text;
    this.len = text.length;
    this.file = file;
    this.nextNl = text.indexOf('\n');
  }

  private fail(problem: string, offset: number): SsisError {
    return xmlError(problem, this.s, offset, this.file);
  }

  private where(offset: number): string {
    const { line, column } = lineColumnAt(this.s, offset);
    return `line ${line}, column ${column}`;
  }

  private decode(start: number, end: number, attribute: boolean): string {
    try {
      return decodeRange(this.s, start, end, attribute);
    } catch (e) {
      if (e instanceof ReferenceProblem) throw this.fail(e.problem, e.offset);
      throw e;
    }
  }

  private hasAmp(start: number, end: number): boolean {
    if (this.nextAmp < start && this.nextAmp !== -2) {
      const i = this.s.indexOf('&', start);
      this.nextAmp = i < 0 ? -2 : i;
    }
    return this.nextAmp >= 0 && this.nextAmp < end;
  }

  private hasCr(start: number, end: number): boolean {
    if (this.nextCr < start && this.nextCr !== -2) {
      const i = this.s.indexOf('\r', start);
      this.nextCr = i < 0 ? -2 : i;
    }
    return this.nextCr >= 0 && this.nextCr < end;
  }

  private scanName(p: number): number {
    const s = this.s;
    if (p >= this.len || !isNameStart(s.charCodeAt(p))) return p;
    let i = p + 1;
    while (i < this.len && isNameChar(s.charCodeAt(i))) i++;
    return i;
  }

  private skipWs(p: number): number {
    while (p < this.len && isWhitespace(this.s.charCodeAt(p))) p++;
    return p;
  }

  private checkQName(name: string, offset: number): void {
    const colon = name.indexOf(':');
    if (colon >= 0 && (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0)) {
      throw this.fail(`"${name}" is not a valid qualified name`, offset);
    }
  }

  private lookup(prefix: string): string | null | undefined {
    for (let i = this.nsPrefixes.length - 1; i >= 0; i--) if (this.nsPrefixes[i] === prefix) return this.nsUris[i];
    if (prefix === 'xml') return XML_NAMESPACE;
    if (prefix === 'xmlns') return XMLNS_NAMESPACE;
    return prefix === '' ? null : undefined;
  }

  private position(offset: number): [number, number] {
    while (this.nextNl !== -1 && this.nextNl < offset) {
      this.lineNo++;
      this.lineStart = this.nextNl + 1;
      this.nextNl = this.s.indexOf('\n', this.lineStart);
    }
    return [this.lineNo, offset - this.lineStart + 1];
  }

  parseDeclaration(): { declaration: XmlDeclaration | null; end: number } {
    const s = this.s;
    if (!s.startsWith('<?xml') || !isWhitespace(s.charCodeAt(5))) return { declaration: null, end: 0 };
    const end = s.indexOf('?>', 5);
    if (end < 0) throw this.fail('the XML declaration is not closed with "?>"', 0);
    const body = s.slice(5, end);
    const pseudo = /\s+([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
    const found: Record<string, string> = {};
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = pseudo.exec(body)) !== null) {
      found[m[1]] = m[2] ?? m[3];
      last = pseudo.lastIndex;
    }
    if (body.slice(last).trim() !== '') throw this.fail('the XML declaration is malformed', 5 + last);
    if (found.version === undefined) throw this.fail('the XML declaration has no version', 0);
    const declaration: XmlDeclaration = {
      version: found.version,
      ...(found.encoding !== undefined ? { encoding: found.encoding } : {}),
      ...(found.standalone !== undefined ? { standalone: found.standalone } : {}),
    };
    return { declaration, end: end + 2 };
  }

  /** Parses the prolog, the root element and the epilog. */
  parseDocument(): { declaration: XmlDeclaration | null; declarationEnd: number; prolog: XmlNode[]; root: ElementNode; epilog: XmlNode[] } {
    const s = this.s;
    const bad = INVALID_CHAR.exec(s);
    if (bad) throw this.fail(`${describe(s, bad.index)} is not allowed in XML`, bad.index);
    const { declaration, end } = this.parseDeclaration();
    const prolog: XmlNode[] = [];
    const epilog: XmlNode[] = [];
    let root: ElementNode | null = null;
    let doctype = false;
    let pos = end;
    while (pos < this.len) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt < 0 ? this.len : lt;
      if (textEnd > pos) {
        for (let i = pos; i < textEnd; i++) {
          if (!isWhitespace(s.charCodeAt(i))) {
            throw this.fail(root ? 'text is not allowed after the root element' : 'text is not allowed before the root element (data at the root level is invalid)', i);
          }
        }
        const text = new TextNode(normalizeNewlines(s.slice(pos, textEnd)));
        text.srcText = s;
        text.srcValue = text.value;
        text.srcStart = pos;
        text.srcEnd = textEnd;
        (root ? epilog : prolog).push(text);
      }
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      let node: XmlNode & { srcEnd: number };
      if (c === 63) node = this.parsePi(lt);
      else if (c === 33 && s.startsWith('<!--', lt)) node = this.parseComment(lt);
      else if (c === 33 && s.startsWith('<!DOCTYPE', lt)) {
        if (root || doctype) throw this.fail('a DOCTYPE is only allowed once, before the root element', lt);
        doctype = true;
        node = this.parseDocType(lt);
      } else if (c === 33) {
        throw this.fail(root ? 'markup is not allowed after the root element' : 'unexpected markup before the root element', lt);
      } else {
        if (root) throw this.fail('there are multiple root elements', lt);
        root = this.parseElementTree(lt);
        pos = root.srcEnd;
        continue;
      }
      (root ? epilog : prolog).push(node);
      pos = node.srcEnd;
    }
    if (!root) throw this.fail(this.len === 0 ? 'the file is empty (the root element is missing)' : 'the root element is missing', this.len);
    return { declaration, declarationEnd: end, prolog, root, epilog };
  }

  private parsePi(lt: number): PiNode {
    const s = this.s;
    const nameEnd = this.scanName(lt + 2);
    if (nameEnd === lt + 2) throw this.fail('a processing instruction needs a target name', lt + 2);
    const target = s.slice(lt + 2, nameEnd);
    if (target.toLowerCase() === 'xml') throw this.fail('the XML declaration is only allowed at the very start of the file', lt);
    const close = s.indexOf('?>', nameEnd);
    if (close < 0) throw this.fail(`unexpected end of file: processing instruction "${target}" is not closed with "?>"`, lt);
    if (close > nameEnd && !isWhitespace(s.charCodeAt(nameEnd))) throw this.fail('whitespace is required after a processing instruction target', nameEnd);
    const data = normalizeNewlines(s.slice(this.skipWs(nameEnd), close));
    const pi = new PiNode(target, data);
    pi.srcText = s;
    pi.srcTarget = target;
    pi.srcData = data;
    pi.srcStart = lt;
    pi.srcEnd = close + 2;
    return pi;
  }

  private parseComment(lt: number): CommentNode {
    const s = this.s;
    const close = s.indexOf('-->', lt + 4);
    if (close < 0) throw this.fail('unexpected end of file: a comment is not closed with "-->"', lt);
    const dashes = s.indexOf('--', lt + 4);
    if (dashes < close) throw this.fail('"--" is not allowed inside a comment', dashes);
    const node = new CommentNode(normalizeNewlines(s.slice(lt + 4, close)));
    node.srcText = s;
    node.srcValue = node.value;
    node.srcStart = lt;
    node.srcEnd = close + 3;
    return node;
  }

  private parseCData(lt: number): CDataNode {
    const close = this.s.indexOf(']]>', lt + 9);
    if (close < 0) throw this.fail('unexpected end of file: a CDATA section is not closed with "]]>"', lt);
    const node = new CDataNode(normalizeNewlines(this.s.slice(lt + 9, close)));
    node.srcText = this.s;
    node.srcValue = node.value;
    node.srcStart = lt;
    node.srcEnd = close + 3;
    return node;
  }

  private parseDocType(lt: number): DocTypeNode {
    const s = this.s;
    let subset = false;
    for (let p = lt + 9; p < this.len; p++) {
      const c = s.charCodeAt(p);
      if (c === 34 || c === 39) {
        const q = s.indexOf(s[p], p + 1);
        if (q < 0) break;
        p = q;
      } else if (subset && c === 60 && s.startsWith('<!--', p)) {
        const q = s.indexOf('-->', p + 4);
        if (q < 0) break;
        p = q + 2;
      } else if (c === 91) subset = true;
      else if (c === 93) subset = false;
      else if (c === 62 && !subset) {
        const node = new DocTypeNode(s.slice(lt, p + 1));
        node.srcText = s;
        node.srcStart = lt;
        node.srcEnd = p + 1;
        return node;
      }
    }
    throw this.fail('unexpected end of file: the DOCTYPE is not closed', lt);
  }

  private textNode(start: number, end: number): TextNode {
    const needsDecode = this.hasAmp(start, end) || this.hasCr(start, end);
    const value = needsDecode ? this.decode(start, end, false) : this.s.slice(start, end);
    const node = new TextNode(value);
    node.srcText = this.s;
    node.srcValue = value;
    node.srcStart = start;
    node.srcEnd = end;
    return node;
  }

  /** Parses a start tag at `lt`; pushes its namespace declarations (the caller pops them at the end tag). */
  private parseStartTag(lt: number, parent: ElementNode | null): ElementNode {
    const s = this.s;
    const len = this.len;
    const nameEnd = this.scanName(lt + 1);
    if (nameEnd === lt + 1) throw this.fail(`${describe(s, lt + 1)} cannot start an element name`, lt + 1);
    const name = s.slice(lt + 1, nameEnd);
    const [line, column] = this.position(lt);
    const attrs: AttributeNode[] = [];
    const el = new ElementNode(name, attrs, line, column);
    let p = nameEnd;
    for (;;) {
      const ws = p;
      p = this.skipWs(p);
      if (p >= len) throw this.fail(`unexpected end of file inside the start tag of <${name}>`, p);
      const c = s.charCodeAt(p);
      if (c === 62) {
        el.srcTail = ws;
        el.srcTagEnd = p + 1;
        break;
      }
      if (c === 47) {
        if (s.charCodeAt(p + 1) !== 62) throw this.fail(`expected ">" after "/" in the start tag of <${name}>`, p + 1);
        if (this.spaceBeforeSlash === null) this.spaceBeforeSlash = p > ws;
        el.srcTail = ws;
        el.srcTagEnd = p + 2;
        el.srcSelfClosing = true;
        break;
      }
      const an = this.scanName(p);
      if (an === p) throw this.fail(`unexpected ${describe(s, p)} in the start tag of <${name}>`, p);
      if (p === ws) throw this.fail(`whitespace is required before attribute "${s.slice(p, an)}"`, p);
      const aname = s.slice(p, an);
      if (this.attributesOnNewLines === null && !aname.startsWith('xmlns')) this.attributesOnNewLines = s.lastIndexOf('\n', p) >= ws;
      let q = this.skipWs(an);
      if (s.charCodeAt(q) !== 61) throw this.fail(`expected "=" after attribute name "${aname}"`, q);
      q = this.skipWs(q + 1);
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw this.fail(`the value of attribute "${aname}" must be in quotes`, q);
      const vs = q + 1;
      let ve = vs;
      let needsDecode = false;
      for (; ve < len; ve++) {
        const d = s.charCodeAt(ve);
        if (d === quote) break;
        if (d === 60) throw this.fail(`"<" is not allowed in the value of attribute "${aname}"`, ve);
        if (d === 38 || d === 13 || d === 10 || d === 9) needsDecode = true;
      }
      if (ve >= len) throw this.fail(`unexpected end of file in the value of attribute "${aname}"`, ve);
      for (let i = 0; i < attrs.length; i++) {
        if (attrs[i].name === aname) throw this.fail(`attribute "${aname}" appears twice in <${name}>`, p);
      }
      const a = new AttributeNode(aname, needsDecode ? this.decode(vs, ve, true) : s.slice(vs, ve));
      a.srcText = s;
      a.srcName = aname;
      a.srcValue = a.value;
      a.srcOwner = el;
      a.srcIndex = attrs.length;
      a.srcWs = ws;
      a.srcStart = p;
      a.srcEnd = ve + 1;
      a.srcQuote = quote;
      attrs.push(a);
      p = ve + 1;
    }
    el.srcText = s;
    el.srcName = name;
    el.srcAttrCount = attrs.length;
    el.srcStart = lt;
    el.parent = parent;
    if (el.srcSelfClosing) {
      el.srcCloseStart = el.srcTagEnd;
      el.srcEnd = el.srcTagEnd;
    }
    this.bindNamespaces(el);
    return el;
  }

  private bindNamespaces(el: ElementNode): void {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const n = attrs[i].name;
      if (n.charCodeAt(0) === 120 && n.startsWith('xmlns') && (n.length === 5 || n.charCodeAt(5) === 58)) {
        const prefix = n.length === 5 ? '' : n.slice(6);
        const value = attrs[i].value;
        if (prefix !== '' && value === '') throw this.fail(`the namespace prefix "${prefix}" cannot be bound to an empty URI`, (attrs[i] as AttributeNode).srcStart);
        this.nsPrefixes.push(prefix);
        this.nsUris.push(value === '' ? null : value);
      }
    }
    this.checkQName(el.name, el.srcStart + 1);
    const colon = el.name.indexOf(':');
    const prefix = colon < 0 ? '' : el.name.slice(0, colon);
    const uri = this.lookup(prefix);
    if (uri === undefined) throw this.fail(`the namespace prefix "${prefix}" of <${el.name}> is not declared`, el.srcStart + 1);
    el.setNamespaceCache(uri);
    for (let i = 0; i < attrs.length; i++) {
      const n = attrs[i].name;
      const ac = n.indexOf(':');
      if (ac < 0) continue;
      const a = attrs[i] as AttributeNode;
      this.checkQName(n, a.srcStart);
      const ap = n.slice(0, ac);
      if (ap !== 'xmlns' && this.lookup(ap) === undefined) throw this.fail(`the namespace prefix "${ap}" of attribute "${n}" is not declared`, a.srcStart);
    }
  }

  /** Parses an element and everything inside it, iteratively (no recursion, so deep nesting cannot overflow the stack). */
  private parseElementTree(lt: number): ElementNode {
    const s = this.s;
    const marks: number[] = [];
    let mark = this.nsPrefixes.length;
    const root = this.parseStartTag(lt, null);
    if (root.srcSelfClosing) {
      this.popScope(mark);
      return root;
    }
    const stack: ElementNode[] = [root];
    marks.push(mark);
    let cur = root;
    let pos = root.srcTagEnd;
    for (;;) {
      const open = s.indexOf('<', pos);
      if (open < 0) {
        throw this.fail(`unexpected end of file: element <${cur.name}> opened at ${this.where(cur.srcStart)} is not closed`, this.len);
      }
      if (open > pos) cur.children.push(this.textChild(pos, open, cur));
      const c = s.charCodeAt(open + 1);
      if (c === 47) {
        const ne = this.scanName(open + 2);
        const name = s.slice(open + 2, ne);
        if (name !== cur.name) {
          throw this.fail(
            name === ''
              ? `malformed end tag; element <${cur.name}> opened at ${this.where(cur.srcStart)} is still open`
              : `end tag </${name}> does not match start tag <${cur.name}> at ${this.where(cur.srcStart)}`,
            open,
          );
        }
        const gt = this.skipWs(ne);
        if (s.charCodeAt(gt) !== 62) throw this.fail(`expected ">" to close the end tag </${name}>`, gt);
        cur.srcCloseStart = open;
        cur.srcEnd = gt + 1;
        stack.pop();
        this.popScope(marks.pop()!);
        if (stack.length === 0) return root;
        cur = stack[stack.length - 1];
        pos = gt + 1;
      } else if (c === 33) {
        let node: CommentNode | CDataNode;
        if (s.startsWith('<!--', open)) node = this.parseComment(open);
        else if (s.startsWith('<![CDATA[', open)) node = this.parseCData(open);
        else throw this.fail('unexpected "<!" (only comments and CDATA sections are allowed inside elements)', open);
        node.parent = cur;
        cur.children.push(node);
        pos = node.srcEnd;
      } else if (c === 63) {
        const pi = this.parsePi(open);
        pi.parent = cur;
        cur.children.push(pi);
        pos = pi.srcEnd;
      } else {
        mark = this.nsPrefixes.length;
        const child = this.parseStartTag(open, cur);
        cur.children.push(child);
        if (child.srcSelfClosing) {
          this.popScope(mark);
          pos = child.srcEnd;
        } else {
          stack.push(child);
          marks.push(mark);
          cur = child;
          pos = child.srcTagEnd;
        }
      }
    }
  }

  private textChild(start: number, end: number, parent: ElementNode): TextNode {
    const node = this.textNode(start, end);
    node.parent = parent;
    return node;
  }

  private popScope(mark: number): void {
    this.nsPrefixes.length = mark;
    this.nsUris.length = mark;
  }
}

/**
 * Parses an XML document from bytes (encoding detected from the BOM and the declaration) or from a string.
 * Throws SsisError 0xC0011007 (DTS_E_FUNDAMENTALLOADINGERROR) naming the file, line, column and problem.
 */
export function parseXml(input: Uint8Array | string, fileName?: string): XmlDocument {
  let text: string;
  let encoding: string;
  let bom: boolean;
  let bytes: Uint8Array | null = null;
  if (typeof input === 'string') {
    bom = input.charCodeAt(0) === 0xfeff;
    text = bom ? input.slice(1) : input;
    encoding = declaredEncoding(text.slice(0, 512)) ?? 'utf-8';
    if (encoding === 'utf-16' || encoding === 'unicode') encoding = 'utf-16le';
  } else {
    ({ text, encoding, bom } = decodeXmlBytes(input, fileName));
    // A private copy: the caller may reuse or change its buffer, and an unchanged save returns these bytes.
    bytes = Uint8Array.prototype.slice.call(input);
  }
  const parser = new Parser(text, fileName);
  const parsed = parser.parseDocument();
  return new DocumentNode({
    root: parsed.root,
    prolog: parsed.prolog,
    epilog: parsed.epilog,
    declaration: parsed.declaration,
    encoding,
    bom,
    ...(fileName !== undefined ? { fileName } : {}),
    source: {
      text,
      bytes,
      declarationEnd: parsed.declarationEnd,
      spaceBeforeSlash: parser.spaceBeforeSlash ?? true,
      attributesOnNewLines: parser.attributesOnNewLines ?? false,
    },
  });
}
