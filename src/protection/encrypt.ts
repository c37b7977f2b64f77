/**
 * @module Applying a protection level before saving: blanking sensitive values (DontSaveSensitive), encrypting them
 * with a password (EncryptSensitiveWithPassword), or encrypting the whole package (EncryptAllWithPassword).
 */
import { attr, attrNode, createElement, descendants, insertBefore, parseXml, removeAttr, removeChild, setAttr, type XmlDocument, type XmlElement, DTS_NAMESPACE, SSIS_NAMESPACE } from '../xml/index.ts';
import { encryptAttributeForm, hasAttributeEncryption } from './attribute-encryption.ts';
import { deriveKey } from './key.ts';
import { prefixFor, standaloneXml } from './namespaces.ts';
import { passwordEmptyError, protectError, serverStorageError } from './protection-errors.ts';
import { setProtectionLevelInXml } from './level-in-xml.ts';
import { formatProtectionLevel, ProtectionLevel, usesPassword, usesUserKey } from './protection-level.ts';
import { replaceRootXml } from './replace-root.ts';
import { sensitiveElements, sensitiveValueUnavailable, unwrapParameterValue } from './sensitive.ts';
import { encryptedDataXml, isEncryptedData } from './xml-encryption.ts';

function checkLevel(doc: XmlDocument, level: ProtectionLevel, password: string | undefined): void {
  if (level === ProtectionLevel.ServerStorage) throw serverStorageError();
  if (usesUserKey(level)) {
    throw protectError(
      `${formatProtectionLevel(level)} needs the Windows user key (DPAPI) of the saving user, which does not exist here; ` +
        'use EncryptSensitiveWithPassword, EncryptAllWithPassword or DontSaveSensitive.',
    );
  }
  if (usesPassword(level) && !password) throw passwordEmptyError();
  if (isEncryptedData(doc.root) || descendants(doc.root).some((e) => isEncryptedData(e) || hasAttributeEncryption(e))) {
    throw protectError('the document still holds password-encrypted values; decrypt it (decryptPackageXml) before protecting it again.');
  }
}

/** Empties a sensitive value (and forgets a user-key blob it may hold, with the wrapper of its user-key form). */
function blank(el: XmlElement): void {
  removeAttr(el, '{}Encrypted');
  for (const c of el.children) c.parent = null;
  el.children = [];
  unwrapParameterValue(el);
}

function encryptedDataElement(plaintext: string, key: Buffer): XmlElement {
  return parseXml(encryptedDataXml(plaintext, key), 'EncryptedData').root;
}

/** Replaces a sensitive element of a package by its EncryptedData (form of SSIS's XML encryption). */
function encryptInPackage(el: XmlElement, key: Buffer): void {
  const encrypted = encryptedDataElement(standaloneXml(el, 'first'), key);
  const host = el.parent!;
  const isParameterValue = attr(el, `{${DTS_NAMESPACE}}Name`) === 'ParameterValue' && host.localName === 'PackageParameter';
  if (isParameterValue) {
    // A sensitive parameter keeps an empty <DTS:Property DTS:Name="ParameterValue"> holding the EncryptedData.
    const shell = createElement(null, el.name, { [`${el.prefix}:Name`]: 'ParameterValue' });
    insertBefore(shell, encrypted, null);
    insertBefore(host, shell, el);
  } else {
    insertBefore(host, encrypted, el);
  }
  removeChild(host, el);
}

/**
 * What both kinds of document do first: check the level, write it into the document, and blank the sensitive values
 * (all of them for DontSaveSensitive, else the ones encrypted with a Windows user key, which cannot be read here).
 * Returns the sensitive values and the key to encrypt them with (null when nothing is to be encrypted).
 */
function prepare(doc: XmlDocument, level: ProtectionLevel, password: string | undefined): { sensitive: XmlElement[]; key: Buffer | null } {
  checkLevel(doc, level, password);
  setProtectionLevelInXml(doc, level);
  const sensitive = sensitiveElements(doc);
  if (level === ProtectionLevel.DontSaveSensitive) {
    sensitive.forEach(blank);
    return { sensitive, key: null };
  }
  sensitive.filter(sensitiveValueUnavailable).forEach(blank);
  return { sensitive, key: deriveKey(password!) };
}

/**
 * Protects a package document for saving at `level`: writes the level into it, then blanks (DontSaveSensitive) or
 * encrypts (EncryptSensitiveWithPassword) its sensitive values in place, or encrypts it whole
 * (EncryptAllWithPassword, returning a new document). Returns the document to save.
 * Throws SsisError for the user-key levels (no DPAPI here), ServerStorage, a missing password (0xC001405E), or
 * values still encrypted.
 */
export function encryptPackageXml(doc: XmlDocument, level: ProtectionLevel, password?: string): XmlDocument {
  const { sensitive, key } = prepare(doc, level, password);
  if (key === null) return doc;
  if (level === ProtectionLevel.EncryptAllWithPassword) {
    // The root declares every namespace it uses, so its text as written is the plaintext.
    return replaceRootXml(doc, (rootText) => encryptedDataXml(rootText, key));
  }
  for (const el of sensitive) encryptInPackage(el, key);
  return doc;
}

/**
 * Protects a project file (`.conmgr`, `.params`, project manifest) for saving at `level`, in SSIS's attribute form
 * (Salt and IV attributes, base64 text). Both password levels encrypt the sensitive values (how SSIS treats project
 * files under EncryptAllWithPassword is not verified). Returns the same document, edited in place.
 */
export function encryptProjectXml(doc: XmlDocument, level: ProtectionLevel, password?: string): XmlDocument {
  const { sensitive, key } = prepare(doc, level, password);
  if (key === null) return doc;
  for (const el of sensitive) {
    if (el.namespaceUri === SSIS_NAMESPACE && attrNode(el, `{${SSIS_NAMESPACE}}Sensitive`) === undefined) {
      setAttr(el, `${prefixFor(el, SSIS_NAMESPACE) ?? el.prefix}:Sensitive`, '1');
    }
    encryptAttributeForm(el, key);
  }
  return doc;
}
