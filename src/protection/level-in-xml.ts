/** @module Reading and writing the protection level stored in a document (2012+ attribute, 2005/2008 property, project manifest). */
import { appendChild, attr, attrNode, childElements, createElement, setAttr, setText, textOf, type XmlDocument, type XmlElement, DTS_NAMESPACE, SSIS_NAMESPACE } from '../xml/index.ts';
import { formatProtectionLevel, parseProtectionLevel, ProtectionLevel } from './protection-level.ts';
import { cipherValueOf, isEncryptedData, isUserKeyBlob } from './xml-encryption.ts';

function levelProperty(root: XmlElement): XmlElement | undefined {
  return childElements(root, `{${DTS_NAMESPACE}}Property`).find((p) => attr(p, `{${DTS_NAMESPACE}}Name`) === 'ProtectionLevel');
}

/**
 * The protection level a document declares: `DTS:ProtectionLevel` (2012+), `<DTS:Property DTS:Name="ProtectionLevel">`
 * (2005/2008) or `SSIS:ProtectionLevel` (project manifests). A document encrypted whole reports EncryptAllWithPassword,
 * or EncryptAllWithUserKey when its cipher value is a DPAPI blob. Undefined when the document does not say.
 */
export function protectionLevelOf(doc: XmlDocument): ProtectionLevel | undefined {
  const root = doc.root;
  if (isEncryptedData(root)) return isUserKeyBlob(cipherValueOf(root)) ? ProtectionLevel.EncryptAllWithUserKey : ProtectionLevel.EncryptAllWithPassword;
  const text = attr(root, `{${DTS_NAMESPACE}}ProtectionLevel`) ?? attr(root, `{${SSIS_NAMESPACE}}ProtectionLevel`) ?? (levelProperty(root) ? textOf(levelProperty(root)!) : undefined);
  return text === undefined ? undefined : parseProtectionLevel(text);
}

/** Writes `level` where the document keeps it (the same form it already uses; the 2012+ attribute when it has none). */
export function setProtectionLevelInXml(doc: XmlDocument, level: ProtectionLevel): void {
  const root = doc.root;
  const ssis = attrNode(root, `{${SSIS_NAMESPACE}}ProtectionLevel`);
  if (ssis) {
    ssis.value = formatProtectionLevel(level);
    return;
  }
  const dts = attrNode(root, `{${DTS_NAMESPACE}}ProtectionLevel`);
  if (dts) {
    dts.value = String(level);
    return;
  }
  const property = levelProperty(root);
  if (property) {
    setText(property, String(level));
    return;
  }
  if (root.namespaceUri !== DTS_NAMESPACE || root.localName !== 'Executable') return;
  if (childElements(root, `{${DTS_NAMESPACE}}Property`).length > 0) {
    const p = createElement(doc, `${root.prefix}:Property`, { [`${root.prefix}:Name`]: 'ProtectionLevel' });
    setText(p, String(level));
    appendChild(root, p);
  } else {
    setAttr(root, `${root.prefix}:ProtectionLevel`, String(level));
  }
}
