/** @module The lossless XML layer: parse, edit and write XML so that whatever is not changed keeps its exact bytes. */
export type {
  XmlAttribute,
  XmlCData,
  XmlComment,
  XmlDeclaration,
  XmlDocType,
  XmlDocument,
  XmlElement,
  XmlNode,
  XmlProcessingInstruction,
  XmlText,
} from './types.ts';
export { parseXml } from './parser.ts';
export { serializeXml, serializeXmlToString, outerXml } from './serializer.ts';
export { attr, attrNode, childElements, descendants, firstChild, hasName, parseClarkName, textOf } from './query.ts';
export { appendChild, insertBefore, markDirty, removeAttr, removeChild, setAttr, setText } from './edit.ts';
export { cloneNode, createCData, createComment, createDocument, createElement, createText } from './create.ts';
export type { CreateDocumentOptions } from './create.ts';
export { cloneDocument } from './clone-document.ts';
export { lookupNamespace, XML_NAMESPACE, XMLNS_NAMESPACE } from './nodes.ts';
export { escapeAttribute, escapeText } from './escape.ts';
export { XML_ERROR_CODE, XML_ERROR_SYMBOL } from './xml-error.ts';
export { DTS_NAMESPACE, SSIS_NAMESPACE } from './ssis-namespaces.ts';
