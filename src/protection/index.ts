/** @module Package protection levels: decrypting and encrypting SSIS packages and project files protected with a password. */
export { ProtectionLevel, encryptsAll, formatProtectionLevel, parseProtectionLevel, usesPassword, usesUserKey } from './protection-level.ts';
export type { ProtectionLevelName } from './protection-level.ts';
export { decryptPackageXml } from './decrypt.ts';
export type { DecryptOptions, DecryptResult, UnavailableValue } from './decrypt.ts';
export { encryptPackageXml, encryptProjectXml } from './encrypt.ts';
export { protectionLevelOf, setProtectionLevelInXml } from './level-in-xml.ts';
export { isMarkedSensitive, sensitiveElements, sensitiveValueUnavailable } from './sensitive.ts';
export { deriveKey } from './key.ts';
export { decryptXmlPasswordError, passwordEmptyError, passwordError, userKeyError } from './protection-errors.ts';
