/** @module `/IDRegenerate`: the package gets a new DTSID; every other byte stays as it was. */
import { SsisError } from '../../errors.ts';
import { decodePackageText, isEncryptedWhole, newGuid, readPackageHeader } from '../../store/index.ts';

/**
 * Replaces the package's DTSID (every spelling of that GUID in the file, as the package's own ID is
 * referenced nowhere else) with a new one; returns the new bytes and the new ID.
 */
export function regenerateId(bytes: Uint8Array, fileName?: string): { bytes: Uint8Array; id: string } {
  if (isEncryptedWhole(bytes)) {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', '/IDRegenerate on a package encrypted whole is not supported yet by OpenDTS.');
  }
  const old = readPackageHeader(bytes, fileName).id;
  if (!old) throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${fileName ?? 'The package'} has no DTSID to regenerate.`);
  const id = newGuid();
  const pattern = new RegExp(old, 'gi');
  const isUtf8 = !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isUtf8) return { bytes: Buffer.from(Buffer.from(bytes).toString('latin1').replace(pattern, id), 'latin1'), id };
  const text = decodePackageText(bytes).replace(pattern, id);
  const le = bytes[0] === 0xff;
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return { bytes: Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]), id };
}
