/** @module Swapping the root element of a document for other XML text, keeping the prolog, BOM and encoding. */
import { randomBytes } from 'node:crypto';
import { createElement, parseXml, serializeXmlToString, type XmlDocument } from '../xml/index.ts';

/** A serialized document cut around its root element. */
interface RootSplit {
  /** BOM, declaration and prolog, exactly as the document writes them. */
  readonly before: string;
  /** The root element, exactly as the document writes it (its own layout, quoting and line endings). */
  readonly root: string;
  /** The epilog. */
  readonly after: string;
}

/**
 * Cuts the serialized document around its root. The root is located by serializing the document once more with
 * an empty placeholder root, so the cut never depends on how an edited root happens to be written.
 */
function splitAtRoot(doc: XmlDocument): RootSplit {
  const full = serializeXmlToString(doc);
  const root = doc.root;
  const placeholder = createElement(doc, `opendts-root-${randomBytes(8).toString('hex')}`);
  doc.root = placeholder;
  let around: string;
  try {
    around = serializeXmlToString(doc);
  } finally {
    doc.root = root;
  }
  const at = around.indexOf(`<${placeholder.name}`);
  const end = around.indexOf('>', at) + 1;
  const before = around.slice(0, at);
  const after = around.slice(end);
  if (at < 0 || !full.startsWith(before) || !full.endsWith(after) || full.length < before.length + after.length) {
    throw new Error('replaceRootXml: the prolog and epilog serialize differently around another root');
  }
  return { before, root: full.slice(before.length, full.length - after.length), after };
}

/**
 * A new document: `doc` with its root element replaced by `replace(rootText)`, where `rootText` is the root as the
 * document writes it; everything around the root is kept as written.
 */
export function replaceRootXml(doc: XmlDocument, replace: (rootText: string) => string): XmlDocument {
  const { before, root, after } = splitAtRoot(doc);
  return parseXml(before + replace(root) + after, doc.fileName);
}
