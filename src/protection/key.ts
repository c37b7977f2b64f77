/**
 * @module The 3DES key SSIS derives from a package password: CryptoAPI's CryptDeriveKey(SHA1, 192 bits) over the
 * UTF-8 password, as .NET's PasswordDeriveBytes.CryptDeriveKey does (salt and IV do not take part).
 */
import { createHash } from 'node:crypto';

/** The 24-byte TripleDES key for `password`. */
export function deriveKey(password: string): Buffer {
  const h = createHash('sha1').update(Buffer.from(password, 'utf8')).digest();
  const inner = Buffer.alloc(64, 0x36);
  const outer = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < h.length; i++) {
    inner[i] ^= h[i];
    outer[i] ^= h[i];
  }
  return Buffer.concat([createHash('sha1').update(inner).digest(), createHash('sha1').update(outer).digest()]).subarray(0, 24);
}
