/**
 * @module Decrypting protected XML: a package encrypted whole (EncryptAllWithPassword), sensitive values encrypted
 * with a password (EncryptSensitiveWithPassword) in `.dtsx`, `.conmgr`, `.params` and manifests, and reporting the
 * values encrypted with a Windows user key, which cannot be decrypted on any other machine.
 */
import { SsisError } from '../errors.ts';
import { insertBefore, parseXml, removeChild, type XmlDocument, type XmlElement } from '../xml/index.ts';
import { applyDecryptedContent, decryptAttributeForm, hasAttributeEncryption } from './attribute-encryption.ts';
import { deriveKey } from './key.ts';
import { describeLocation, dropRedundantDeclarations } from './namespaces.ts';
import { DECRYPT_XML_PASSWORD_TEXT, decryptXmlPasswordError, passwordError, userKeyError } from './protection-errors.ts';
import { protectionLevelOf } from './level-in-xml.ts';
import type { ProtectionLevel } from './protection-level.ts';
import { replaceRootXml } from './replace-root.ts';
import { sensitiveValueUnavailable } from './sensitive.ts';
import { algorithmOf, cipherValueOf, decryptEncryptedData, isEncryptedData, isUserKeyBlob, TRIPLEDES_ALGORITHM } from './xml-encryption.ts';

/** A sensitive value that could not be decrypted: callers warn and treat the value as missing. */
export interface UnavailableValue {
  /**
   * `user-key`: encrypted with a Windows user key (DPAPI); `no-password`: encrypted with a password that was not
   * given; `wrong-password`: the password given does not open it (only with `wrongPassword: 'skip'`).
   */
  readonly reason: 'user-key' | 'no-password' | 'wrong-password';
  /** The element holding the encrypted value (left as it is, so saving keeps it). */
  readonly element: XmlElement;
  /** Where it is, e.g. `<DTS:Password> of Package.ConnectionManagers[Source] (line 40)`. */
  readonly location: string;
  /** The SSIS code of the problem: 0xC0016016 DTS_E_UNPROTECTXMLFAILED for user keys, 0xC001405F for a missing or wrong password. */
  readonly code: string;
  readonly symbol: string;
  /** A sentence for the user. */
  readonly message: string;
}

/** What {@link decryptPackageXml} did. */
export interface DecryptResult {
  /** The decrypted document: a new one when the whole document was encrypted, else the same one, edited in place. */
  readonly doc: XmlDocument;
  /** The protection level the document declares (after decrypting a whole-package envelope). */
  readonly level: ProtectionLevel | undefined;
  /** True when the whole document was encrypted. */
  readonly wholeDocument: boolean;
  /** How many encrypted values were decrypted. */
  readonly decrypted: number;
  /** Values that stay encrypted (user key, or no password given). */
  readonly unavailable: readonly UnavailableValue[];
}

function unavailable(el: XmlElement, reason: UnavailableValue['reason']): UnavailableValue {
  const location = describeLocation(el);
  if (reason === 'user-key') {
    return {
      reason,
      element: el,
      location,
      code: '0xC0016016',
      symbol: 'DTS_E_UNPROTECTXMLFAILED',
      message:
        `Failed to decrypt protected XML node "${el.name}" with error 0x8009000B "Key not valid for use in specified state.". ` +
        'You may not be authorized to access this information. This error occurs when there is a cryptographic error. Verify that the correct key is available. ' +
        `The sensitive value ${location} is encrypted with a Windows user key (DPAPI), which only the user who saved it can decrypt, on that machine; it is treated as missing.`,
    };
  }
  return {
    reason,
    element: el,
    location,
    code: '0xC001405F',
    symbol: 'DTS_E_DECRYPTXML_PASSWORD',
    message: `${DECRYPT_XML_PASSWORD_TEXT} The sensitive value ${location} is encrypted with a password, and ${
      reason === 'no-password' ? 'no password was given' : 'the password given does not open it'
    }; it is treated as missing.`,
  };
}

/** Options of {@link decryptPackageXml}. */
export interface DecryptOptions {
  /**
   * What a wrong password does to a sensitive value (not a package encrypted whole, which always fails with
   * 0xC0014037): `throw` (default) raises 0xC001405F DTS_E_DECRYPTXML_PASSWORD; `skip` does what SSIS does, and the
   * load continues without the value, which is listed in `unavailable`.
   */
  readonly wrongPassword?: 'throw' | 'skip';
}

/** The element a decrypted plaintext holds, or null when it is not XML (a wrong password that passed the padding check). */
function parseFragment(plaintext: string): XmlElement | null {
  try {
    return parseXml(plaintext, 'decrypted value').root;
  } catch (e) {
    if (e instanceof SsisError) return null;
    throw e;
  }
}

/** Puts a decrypted element where its EncryptedData was (replacing the parent when the plaintext is the parent itself). */
function replaceEncryptedData(encrypted: XmlElement, value: XmlElement): void {
  const parent = encrypted.parent!;
  const onlyChild = parent.children.every((c) => c === encrypted || c.type === 'text');
  // SSIS quirk (sensitive package parameters): the plaintext is the whole <DTS:Property ParameterValue> around it.
  const target = onlyChild && parent.parent !== null && value.name === parent.name ? parent : encrypted;
  const host = target.parent!;
  insertBefore(host, value, target);
  removeChild(host, target);
  dropRedundantDeclarations(value);
}

/**
 * Decrypts a package (`.dtsx`) or project file (`.conmgr`, `.params`, manifest) document with `password`.
 * Sensitive values are decrypted in place; a document encrypted whole is returned as a new document. Values
 * encrypted with a Windows user key, or with a password when none is given, are listed in `unavailable`.
 * Throws SsisError 0xC0014037 (DTS_E_PACKAGEPASSWORD) for a document encrypted whole whose password is missing or
 * wrong, 0xC001405F (DTS_E_DECRYPTXML_PASSWORD) for a sensitive value the password does not open (see
 * {@link DecryptOptions}), and 0xC0014060 (DTS_E_DECRYPTPACKAGE_USERKEY) for a document encrypted whole with a user key.
 */
export function decryptPackageXml(doc: XmlDocument, password?: string, opts: DecryptOptions = {}): DecryptResult {
  const fileName = doc.fileName;
  const key = password === undefined ? undefined : deriveKey(password);
  let current = doc;
  let wholeDocument = false;
  if (isEncryptedData(doc.root)) {
    if (isUserKeyBlob(cipherValueOf(doc.root)) || algorithmOf(doc.root) !== TRIPLEDES_ALGORITHM) throw userKeyError(fileName);
    if (key === undefined) throw passwordError(fileName, 'the whole package is encrypted (EncryptAllWithPassword) and no password was given');
    const plaintext = decryptEncryptedData(doc.root, key);
    if (plaintext === null || parseFragment(plaintext) === null) throw passwordError(fileName);
    current = replaceRootXml(doc, () => plaintext);
    wholeDocument = true;
  }
  const missing: UnavailableValue[] = [];
  let decrypted = 0;
  /** Opens one encrypted value with `read` (null for a wrong password) and puts it in place with `apply`. */
  const open = (el: XmlElement, read: (key: Buffer) => XmlElement | null, apply: (value: XmlElement) => void): void => {
    const value = key === undefined ? undefined : read(key);
    if (value === undefined) missing.push(unavailable(el, 'no-password'));
    else if (value !== null) {
      apply(value);
      decrypted++;
    } else if (opts.wrongPassword === 'skip') missing.push(unavailable(el, 'wrong-password'));
    else throw decryptXmlPasswordError(fileName, describeLocation(el));
  };
  const stack: XmlElement[] = [current.root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isEncryptedData(el) && el.parent !== null) {
      if (isUserKeyBlob(cipherValueOf(el))) missing.push(unavailable(el, 'user-key'));
      else {
        open(
          el,
          (k) => {
            const plaintext = decryptEncryptedData(el, k);
            return plaintext === null ? null : parseFragment(plaintext);
          },
          (value) => replaceEncryptedData(el, value),
        );
      }
      continue;
    }
    if (hasAttributeEncryption(el)) {
      open(el, (k) => decryptAttributeForm(el, k), (value) => applyDecryptedContent(el, value));
      continue;
    }
    if (sensitiveValueUnavailable(el)) {
      missing.push(unavailable(el, 'user-key'));
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c.type === 'element') stack.push(c);
    }
  }
  return { doc: current, level: protectionLevelOf(current), wholeDocument, decrypted, unavailable: missing };
}
