/** @module The public shapes of the lossless XML document: nodes, attributes and the document itself. */

/** Any node that can sit in an element's `children` (or in the document's prolog/epilog). */
export type XmlNode = XmlElement | XmlText | XmlCData | XmlComment | XmlProcessingInstruction | XmlDocType;

/** An element. Assigning `name`, `attributes` or `children` directly is allowed and is reflected on save. */
export interface XmlElement {
  readonly type: 'element';
  /** Qualified name as written, e.g. `DTS:Executable`. */
  name: string;
  /** The prefix of `name`, `''` when none. */
  readonly prefix: string;
  /** `name` without its prefix. */
  readonly localName: string;
  /** Namespace URI resolved from the xmlns declarations in scope; `null` when none. */
  readonly namespaceUri: string | null;
  /** Attributes in document order (namespace declarations included). */
  attributes: XmlAttribute[];
  children: XmlNode[];
  parent: XmlElement | null;
  /** 1-based line of the `<` in the source; 0 for created nodes. */
  readonly line: number;
  /** 1-based column of the `<` in the source; 0 for created nodes. */
  readonly column: number;
}

/** An attribute; `value` is decoded (entities and character references resolved). */
export interface XmlAttribute {
  name: string;
  value: string;
}

/** Character data; `value` is decoded. */
export interface XmlText {
  readonly type: 'text';
  value: string;
  parent: XmlElement | null;
}

/** A CDATA section; `value` is its content as written. */
export interface XmlCData {
  readonly type: 'cdata';
  value: string;
  parent: XmlElement | null;
}

/** A comment; `value` is the text between `<!--` and `-->`. */
export interface XmlComment {
  readonly type: 'comment';
  value: string;
  parent: XmlElement | null;
}

/** A processing instruction `<?target data?>`. */
export interface XmlProcessingInstruction {
  readonly type: 'pi';
  target: string;
  data: string;
  parent: XmlElement | null;
}

/** A document type declaration, kept verbatim (`raw` is the whole `<!DOCTYPE …>`). */
export interface XmlDocType {
  readonly type: 'doctype';
  readonly raw: string;
  parent: XmlElement | null;
}

/** The XML declaration `<?xml version="1.0" encoding="…" standalone="…"?>` as read (kept verbatim on save). */
export interface XmlDeclaration {
  readonly version: string;
  readonly encoding?: string;
  readonly standalone?: string;
}

/** A parsed (or created) XML document. */
export interface XmlDocument {
  root: XmlElement;
  /** Nodes between the XML declaration and the root element (whitespace text included). */
  prolog: XmlNode[];
  /** Nodes after the root element (whitespace text included). */
  epilog: XmlNode[];
  /** The XML declaration, or null when the document has none. */
  readonly declaration: XmlDeclaration | null;
  /** The encoding the bytes were decoded with and will be encoded with: `utf-8`, `utf-16le`, `utf-16be` or an iconv-lite name. */
  readonly encoding: string;
  /** True when the document starts with a byte-order mark. */
  readonly bom: boolean;
  /** The dominant line ending, used for line breaks in newly written text. */
  readonly lineEnding: '\r\n' | '\n';
  /** True when the source mixes CRLF and LF line endings. */
  readonly mixedLineEndings: boolean;
  /** The file name given to `parseXml`, used in error messages. */
  readonly fileName?: string;
}
