/** @module The SSIS package protection levels (DTSProtectionLevel) with parsing and formatting. */
import { SsisError } from '../errors.ts';

/** The protection levels, with the numbers SSIS stores in `DTS:ProtectionLevel` and dtutil's `/ENCRYPT` uses. */
export const ProtectionLevel = {
  DontSaveSensitive: 0,
  EncryptSensitiveWithUserKey: 1,
  EncryptSensitiveWithPassword: 2,
  EncryptAllWithPassword: 3,
  EncryptAllWithUserKey: 4,
  ServerStorage: 5,
} as const;

/** A protection level number (0–5). */
export type ProtectionLevel = (typeof ProtectionLevel)[keyof typeof ProtectionLevel];

/** The name of a protection level, e.g. `EncryptSensitiveWithPassword`. */
export type ProtectionLevelName = keyof typeof ProtectionLevel;

const NAMES = Object.keys(ProtectionLevel) as ProtectionLevelName[];

/** Parses a protection level written as a number (`2`) or a name (`EncryptSensitiveWithPassword`, any case). */
export function parseProtectionLevel(text: string): ProtectionLevel {
  const trimmed = text.trim();
  if (/^[0-5]$/.test(trimmed)) return Number(trimmed) as ProtectionLevel;
  const name = NAMES.find((n) => n.toLowerCase() === trimmed.toLowerCase());
  if (name !== undefined) return ProtectionLevel[name];
  throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `"${text}" is not a protection level. Use 0-5 or one of: ${NAMES.join(', ')}.`);
}

/** The name of a protection level. */
export function formatProtectionLevel(level: ProtectionLevel): ProtectionLevelName {
  return NAMES[level];
}

/** True for the levels that encrypt with a password (the ones OpenDTS can decrypt). */
export function usesPassword(level: ProtectionLevel): boolean {
  return level === ProtectionLevel.EncryptSensitiveWithPassword || level === ProtectionLevel.EncryptAllWithPassword;
}

/** True for the levels that encrypt with a Windows user key (DPAPI), which only Windows can decrypt. */
export function usesUserKey(level: ProtectionLevel): boolean {
  return level === ProtectionLevel.EncryptSensitiveWithUserKey || level === ProtectionLevel.EncryptAllWithUserKey;
}

/** True for the levels that encrypt the whole document rather than the sensitive values. */
export function encryptsAll(level: ProtectionLevel): boolean {
  return level === ProtectionLevel.EncryptAllWithPassword || level === ProtectionLevel.EncryptAllWithUserKey;
}
