/** @module Loading a project file's XML and checking its root element. */
import { parseXml, type XmlDocument } from '../xml/index.ts';
import { projectError } from './project-error.ts';

/**
 * Parses `input` (bytes, text, or an already parsed document) and checks that the root is `{uri}local` or `local`;
 * a wrong root is reported with `makeError` (DTS_E_GENERICERROR by default).
 */
export function loadProjectXml(
  input: Uint8Array | string | XmlDocument,
  fileName: string | undefined,
  rootName: string,
  kind: string,
  makeError: typeof projectError = projectError,
): XmlDocument {
  const doc = typeof input === 'string' || input instanceof Uint8Array ? parseXml(input, fileName) : input;
  const root = doc.root;
  const m = /^\{([^}]*)\}(.*)$/.exec(rootName);
  const ok = m ? root.localName === m[2] && (root.namespaceUri ?? '') === m[1] : root.name === rootName;
  if (!ok) throw makeError(`this is not ${kind}: the root element is <${root.name}>, expected <${m ? m[2] : rootName}>`, fileName ?? doc.fileName, root);
  return doc;
}
