/** @module The SsisErrors of package protection: wrong or missing password, user-key packages, levels that cannot be saved. */
import { SsisError } from '../errors.ts';

/** 0xC0014037 DTS_E_PACKAGEPASSWORD: the password is missing or wrong. */
export function passwordError(fileName: string | undefined, detail?: string): SsisError {
  return new SsisError(
    '0xC0014037',
    'DTS_E_PACKAGEPASSWORD',
    `The package is encrypted with a password. The password was not specified, or is not correct.${detail ? ` (${detail})` : ''}`,
    fileName ? { location: { file: fileName } } : {},
  );
}

/** The text of 0xC001405F DTS_E_DECRYPTXML_PASSWORD, as SSIS words it. */
export const DECRYPT_XML_PASSWORD_TEXT =
  'Failed to decrypt an encrypted XML node because the password was not specified or not correct. Package load will attempt to continue without the encrypted information.';

/** 0xC001405F DTS_E_DECRYPTXML_PASSWORD: an encrypted value (not the whole package) that the password does not open. */
export function decryptXmlPasswordError(fileName: string | undefined, location: string): SsisError {
  return new SsisError('0xC001405F', 'DTS_E_DECRYPTXML_PASSWORD', `${DECRYPT_XML_PASSWORD_TEXT} (${location})`, fileName ? { location: { file: fileName } } : {});
}

/** 0xC001405E DTS_E_PACKAGEPASSWORDEMPTY: a password level chosen without a password. */
export function passwordEmptyError(): SsisError {
  return new SsisError('0xC001405E', 'DTS_E_PACKAGEPASSWORDEMPTY', 'The protection level of the package requires a password, but PackagePassword property is empty.');
}

/** 0xC0014060 DTS_E_DECRYPTPACKAGE_USERKEY: a whole document encrypted with a Windows user key. */
export function userKeyError(fileName: string | undefined): SsisError {
  return new SsisError(
    '0xC0014060',
    'DTS_E_DECRYPTPACKAGE_USERKEY',
    'Failed to decrypt a package that is encrypted with a user key. It was encrypted with the Windows user key (DPAPI) of the user and machine that saved it, ' +
      'which cannot be used on any other machine: re-save it in the designer with EncryptSensitiveWithPassword, EncryptAllWithPassword or DontSaveSensitive.',
    fileName ? { location: { file: fileName } } : {},
  );
}

/** 0xC0014035 DTS_E_PACKAGEPROTECT: protection that cannot be applied when saving. */
export function protectError(problem: string): SsisError {
  return new SsisError('0xC0014035', 'DTS_E_PACKAGEPROTECT', `Failed to apply package protection: ${problem}`);
}

/** 0xC0014061 DTS_E_SERVERSTORAGEDISALLOWED: ServerStorage is only for packages saved to a server. */
export function serverStorageError(): SsisError {
  return new SsisError(
    '0xC0014061',
    'DTS_E_SERVERSTORAGEDISALLOWED',
    'The protection level, ServerStorage, cannot be used when saving to this destination. The system could not verify that the destination supports secure storage capability.',
  );
}
