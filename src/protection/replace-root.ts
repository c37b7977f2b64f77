/** @module Swapping the root element of a document for other XML text, keeping the prolog, BOM and encoding. */
import { outerXml, parseXml, serializeXmlToString, type XmlDocument } from '../xml/index.ts';

/** A new document: `doc` with its root element replaced by `rootXml` (everything around the root kept as written). */
export function replaceRootXml(doc: XmlDocument, rootXml: string): XmlDocument {
  const full = serializeXmlToString(doc);
  const old = outerXml(doc.root, doc.lineEnding);
  const at = full.indexOf(old);
  if (at < 0) throw new Error('replaceRootXml: the root element was not found in the serialized document');
  return parseXml(full.slice(0, at) + rootXml + full.slice(at + old.length), doc.fileName);
}
