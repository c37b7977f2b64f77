/** @module TripleDES-CBC with the two paddings SSIS uses: ISO 10126 (XML encryption) and PKCS#7 (project files). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** ISO 10126 (random filler, last byte = length) or PKCS#7 (every pad byte = length). */
export type Padding = 'iso10126' | 'pkcs7';

const BLOCK = 8;

/** Decrypts; returns null when the result cannot be right (bad length or padding: a wrong password). */
export function decryptTripleDes(key: Buffer, iv: Buffer, ciphertext: Buffer, padding: Padding): Buffer | null {
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0 || iv.length !== BLOCK) return null;
  const decipher = createDecipheriv('des-ede3-cbc', key, iv);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const n = plain[plain.length - 1];
  if (n < 1 || n > BLOCK) return null;
  if (padding === 'pkcs7') {
    for (let i = plain.length - n; i < plain.length; i++) if (plain[i] !== n) return null;
  }
  return plain.subarray(0, plain.length - n);
}

/** Encrypts with a fresh padding (random filler for ISO 10126). */
export function encryptTripleDes(key: Buffer, iv: Buffer, plaintext: Buffer, padding: Padding): Buffer {
  const n = BLOCK - (plaintext.length % BLOCK);
  const pad = padding === 'pkcs7' ? Buffer.alloc(n, n) : Buffer.concat([randomBytes(n - 1), Buffer.from([n])]);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plaintext, pad])), cipher.final()]);
}

/** A fresh random 8-byte IV. */
export function newIv(): Buffer {
  return randomBytes(BLOCK);
}

/** A fresh 7-byte salt, as SSIS writes in the `Salt` attribute (it has no cryptographic role). */
export function newSalt(): Buffer {
  return randomBytes(7);
}
