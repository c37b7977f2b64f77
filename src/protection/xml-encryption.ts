/**
 * @module SSIS's W3C XML Encryption form (used inside .dtsx files and for whole packages): an `<EncryptedData>`
 * element whose CipherValue is base64(IV ‖ 3DES-CBC ciphertext) of the UTF-8 outer XML, padded ISO 10126.
 */
import { childElements, descendants, textOf, type XmlElement } from '../xml/index.ts';
import { decryptTripleDes, encryptTripleDes, newIv, newSalt } from './triple-des.ts';

/** The XML Encryption namespace. */
export const XMLENC_NAMESPACE = 'http://www.w3.org/2001/04/xmlenc#';
/** The algorithm URI SSIS writes. */
export const TRIPLEDES_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc';
/** How every DPAPI (Windows user key) blob begins in base64. */
export const DPAPI_PREFIX = 'AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA';

/** True for an `<EncryptedData>` element of the XML Encryption namespace. */
export function isEncryptedData(el: XmlElement): boolean {
  return el.localName === 'EncryptedData' && el.namespaceUri === XMLENC_NAMESPACE;
}

/** The base64 text of the CipherValue inside an EncryptedData element ('' when missing). */
export function cipherValueOf(el: XmlElement): string {
  const cv = descendants(el, `{${XMLENC_NAMESPACE}}CipherValue`)[0];
  return cv ? textOf(cv).replace(/\s+/g, '') : '';
}

/** True when base64 text is a Windows DPAPI blob (a user-key value). */
export function isUserKeyBlob(base64: string): boolean {
  return base64.trimStart().startsWith(DPAPI_PREFIX);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decrypts an EncryptedData element to its plaintext XML, or null when the key is wrong. */
export function decryptEncryptedData(el: XmlElement, key: Buffer): string | null {
  const raw = Buffer.from(cipherValueOf(el), 'base64');
  if (raw.length < 16) return null;
  const plain = decryptTripleDes(key, raw.subarray(0, 8), raw.subarray(8), 'iso10126');
  if (plain === null) return null;
  try {
    return strictUtf8.decode(plain);
  } catch {
    return null;
  }
}

/** The text of an EncryptedData element holding `plaintext` (SSIS's attribute order: Type, Salt, IV, xmlns). */
export function encryptedDataXml(plaintext: string, key: Buffer): string {
  const iv = newIv();
  const cipher = encryptTripleDes(key, iv, Buffer.from(plaintext, 'utf8'), 'iso10126');
  return (
    `<EncryptedData Type="${XMLENC_NAMESPACE}Element" Salt="${newSalt().toString('base64')}" IV="${iv.toString('base64')}" xmlns="${XMLENC_NAMESPACE}">` +
    `<EncryptionMethod Algorithm="${TRIPLEDES_ALGORITHM}" />` +
    `<CipherData><CipherValue>${Buffer.concat([iv, cipher]).toString('base64')}</CipherValue></CipherData></EncryptedData>`
  );
}

/** The algorithm an EncryptedData names ('' when none). */
export function algorithmOf(el: XmlElement): string {
  const method = childElements(el, `{${XMLENC_NAMESPACE}}EncryptionMethod`)[0];
  return method?.attributes.find((a) => a.name === 'Algorithm')?.value ?? '';
}
