/** @module The document class: the root, the prolog and epilog, and what was read (source text, encoding, BOM, line endings). */
import type { XmlDeclaration, XmlDocument, XmlElement, XmlNode } from './types.ts';

/** What the parser learned about the source; created documents use {@link emptySource}. */
export interface DocumentSource {
  /** The decoded text without the BOM. */
  readonly text: string;
  /** The original bytes, when parsed from bytes (returned as-is when nothing changed). */
  readonly bytes: Uint8Array | null;
  /** Offset just after the XML declaration (0 when none). */
  readonly declarationEnd: number;
  /** True when the document writes empty elements as `<a />` rather than `<a/>`. */
  readonly spaceBeforeSlash: boolean;
  /** True when attributes sit on lines of their own (the 2012+ layout); new elements are written the same way. */
  readonly attributesOnNewLines: boolean;
}

/** The source of a document built in code. */
export const emptySource: DocumentSource = { text: '', bytes: null, declarationEnd: 0, spaceBeforeSlash: true, attributesOnNewLines: false };

/** The document implementation. */
export class DocumentNode implements XmlDocument {
  root: XmlElement;
  prolog: XmlNode[];
  epilog: XmlNode[];
  readonly declaration: XmlDeclaration | null;
  readonly encoding: string;
  readonly bom: boolean;
  readonly fileName?: string;
  readonly source: DocumentSource;
  private lineInfo: { ending: '\r\n' | '\n'; mixed: boolean } | null = null;

  constructor(init: {
    root: XmlElement;
    prolog: XmlNode[];
    epilog: XmlNode[];
    declaration: XmlDeclaration | null;
    encoding: string;
    bom: boolean;
    fileName?: string;
    source: DocumentSource;
    /** Forces the line ending (for created documents). */
    lineEnding?: '\r\n' | '\n';
  }) {
    this.root = init.root;
    this.prolog = init.prolog;
    this.epilog = init.epilog;
    this.declaration = init.declaration;
    this.encoding = init.encoding;
    this.bom = init.bom;
    if (init.fileName !== undefined) this.fileName = init.fileName;
    this.source = init.source;
    if (init.lineEnding) this.lineInfo = { ending: init.lineEnding, mixed: false };
  }

  get lineEnding(): '\r\n' | '\n' {
    return this.lines().ending;
  }

  get mixedLineEndings(): boolean {
    return this.lines().mixed;
  }

  private lines(): { ending: '\r\n' | '\n'; mixed: boolean } {
    if (this.lineInfo === null) {
      const text = this.source.text;
      let crlf = 0;
      let lf = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
        else lf++;
      }
      // SSIS writes CRLF; a document with no line breaks at all gets CRLF for new ones.
      this.lineInfo = { ending: lf > crlf ? '\n' : '\r\n', mixed: crlf > 0 && lf > 0 };
    }
    return this.lineInfo;
  }
}
