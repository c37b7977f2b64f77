/** @module Secrets the service never shows: password-like values in connection strings and in run messages. */

/** Shown instead of a secret. */
export const HIDDEN = '********';

const SECRET = /\b(password|pwd|accountkey|sharedaccesskey)(\s*=\s*)("[^"]*"|'[^']*'|\{[^}]*\}|[^;\s]*)/gi;

/** Text (a connection string, a message line) with every password-like `key=value` value replaced by {@link HIDDEN}. */
export function hideSecrets(text: string): string {
  return text.replace(SECRET, (_all, key: string, eq: string) => `${key}${eq}${HIDDEN}`);
}
