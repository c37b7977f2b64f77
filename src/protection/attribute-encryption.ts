/**
 * @module SSIS's attribute form of encryption (used in .conmgr, .params and project manifests): the element keeps
 * its name, gains `Salt` and `IV` attributes in the SSIS namespace, and its text becomes base64(3DES-CBC(UTF-8 BOM +
 * the element's own outer XML)), padded PKCS#7.
 */
import { attr, attrNode, parseXml, removeAttr, setAttr, setText, type XmlElement, SSIS_NAMESPACE } from '../xml/index.ts';
import { prefixFor, standaloneXml } from './namespaces.ts';
import { decryptTripleDes, encryptTripleDes, newIv, newSalt } from './triple-des.ts';

const SALT = `{${SSIS_NAMESPACE}}Salt`;
const IV = `{${SSIS_NAMESPACE}}IV`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** True when `el` carries the SSIS Salt and IV attributes of an encrypted value. */
export function hasAttributeEncryption(el: XmlElement): boolean {
  return attr(el, SALT) !== undefined && attr(el, IV) !== undefined;
}

/** The element the plaintext holds, or null when the key is wrong. */
export function decryptAttributeForm(el: XmlElement, key: Buffer): XmlElement | null {
  const iv = Buffer.from(attr(el, IV) ?? '', 'base64');
  const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  const plain = decryptTripleDes(key, iv, Buffer.from(text.replace(/\s+/g, ''), 'base64'), 'pkcs7');
  if (plain === null || plain.length < 4) return null;
  try {
    return parseXml(plain, 'decrypted value').root;
  } catch {
    return null;
  }
}

/** Replaces the encrypted content of `el` with the content of the decrypted element, and removes Salt and IV. */
export function applyDecryptedContent(el: XmlElement, decrypted: XmlElement): void {
  const saltName = attrNode(el, SALT)?.name ?? '';
  removeAttr(el, SALT);
  removeAttr(el, IV);
  // Drop a declaration (p4 in .conmgr files) that only served the Salt and IV attributes.
  const prefix = saltName.slice(0, saltName.indexOf(':'));
  if (prefix !== '' && el.prefix !== prefix && !el.attributes.some((a) => a.name.startsWith(`${prefix}:`))) removeAttr(el, `xmlns:${prefix}`);
  el.children = decrypted.children;
  for (const c of el.children) c.parent = el;
}

/** Encrypts the value of `el` in place (its text becomes the base64 ciphertext; Salt and IV are added). */
export function encryptAttributeForm(el: XmlElement, key: Buffer): void {
  const plaintext = Buffer.concat([BOM, Buffer.from(standaloneXml(el, 'last'), 'utf8')]);
  const iv = newIv();
  const cipher = encryptTripleDes(key, iv, plaintext, 'pkcs7');
  let prefix = prefixFor(el, SSIS_NAMESPACE);
  if (prefix === undefined) {
    prefix = 'p4';
    setAttr(el, 'xmlns:p4', SSIS_NAMESPACE);
  }
  setAttr(el, `${prefix}:Salt`, newSalt().toString('base64'));
  setAttr(el, `${prefix}:IV`, iv.toString('base64'));
  setText(el, cipher.toString('base64'));
}
